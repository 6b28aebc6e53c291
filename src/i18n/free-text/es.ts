import type { FreeTextStrings } from '../types.js';

const strings: FreeTextStrings = {
  kinds: {
    phone: 'un número de teléfono',
    email: 'un correo electrónico',
    url: 'un enlace',
    address: 'una dirección',
    postcode: 'un código postal',
    'birth-date': 'una fecha de nacimiento',
  },
  found: (what) => `Parece que aquí hay ${what}.`,
  why: 'Sus respuestas son anónimas. Un dato así podría mostrar quién es usted, o quién es otra persona.',
  remove: 'Quitarlo',
  keep: 'Dejarlo',
};
export default strings;

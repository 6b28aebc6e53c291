import type { FreeTextStrings } from '../types.js';

const strings: FreeTextStrings = {
  kinds: {
    phone: 'un numéro de téléphone',
    email: 'une adresse e-mail',
    url: 'un lien',
    address: 'une adresse',
    postcode: 'un code postal',
    'birth-date': 'une date de naissance',
  },
  found: (what) => `On dirait qu’il y a ici ${what}.`,
  why: 'Vos réponses sont anonymes. Un détail comme celui-ci pourrait montrer qui vous êtes, ou qui est une autre personne.',
  remove: 'Le retirer',
  keep: 'Le garder',
};
export default strings;

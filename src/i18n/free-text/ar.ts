import type { FreeTextStrings } from '../types.js';

const strings: FreeTextStrings = {
  kinds: {
    phone: 'رقم هاتف',
    email: 'عنوان بريد إلكتروني',
    url: 'رابط',
    address: 'عنوان',
    postcode: 'رمز بريدي',
    'birth-date': 'تاريخ ميلاد',
  },
  found: (what) => `يبدو أن هنا ${what}.`,
  why: 'إجاباتك مجهولة الهوية. تفصيل كهذا قد يكشف من أنت، أو من يكون شخص آخر.',
  remove: 'إزالته',
  keep: 'إبقاؤه',
};
export default strings;

import type { FreeTextStrings } from '../types.js';

const strings: FreeTextStrings = {
  kinds: {
    phone: 'a phone number',
    email: 'an email address',
    url: 'a link',
    address: 'an address',
    postcode: 'a postcode',
    'birth-date': 'a date of birth',
  },
  found: (what) => `This looks like it has ${what} in it.`,
  why: 'Your answers are anonymous. A detail like this could show who you are, or who someone else is.',
  remove: 'Remove it',
  keep: 'Keep it',
};
export default strings;

import { Dictionary } from '../dictionary.js';
import english from './en.js';
import type { ForwardingStrings } from './types.js';

export type { ForwardingStrings };

/** The dashboard's onward-delivery strings; part of the dashboard chunk only. */
export const forwardingStrings = new Dictionary<ForwardingStrings>(english, {
  es: async () => ({ default: (await import('./translations.js')).es }),
  fr: async () => ({ default: (await import('./translations.js')).fr }),
  ar: async () => ({ default: (await import('./translations.js')).ar }),
});

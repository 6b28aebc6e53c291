import { Dictionary } from '../dictionary.js';
import type { FreeTextStrings } from '../types.js';
import english from './en.js';

/** The free-text notice's strings: English in the notice's chunk, the others loaded when used. */
export const freeTextStrings = new Dictionary<FreeTextStrings>(english, {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  ar: () => import('./ar.js'),
});

import { Dictionary } from '../dictionary.js';
import type { SummaryStrings } from '../types.js';
import english from './en.js';

/** `<survey-summary>` strings; part of the summary chunk. */
export const summaryStrings = new Dictionary<SummaryStrings>(english, {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  ar: () => import('./ar.js'),
});

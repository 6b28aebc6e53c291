import { Dictionary } from '../dictionary.js';
import type { KioskStrings } from '../types.js';
import english from './en.js';

/** Kiosk and staff-panel strings; part of the kiosk chunk, so only kiosks load them. */
export const kioskStrings = new Dictionary<KioskStrings>(english, {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  ar: () => import('./ar.js'),
});

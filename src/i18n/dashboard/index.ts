import { Dictionary } from '../dictionary.js';
import type { DashboardStrings } from '../types.js';
import english from './en.js';

/** The staff dashboard's strings; part of the dashboard chunk (never loaded on a respondent's page). */
export const dashboardStrings = new Dictionary<DashboardStrings>(english, {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  ar: () => import('./ar.js'),
});

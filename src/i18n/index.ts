import { Dictionary } from './dictionary.js';
import english from './survey/en.js';
import type { SurveyStrings } from './types.js';

export { BUILT_IN_LANGUAGES, builtInLanguage, Dictionary } from './dictionary.js';
export type { BuiltInLanguage } from './dictionary.js';
export type { SurveyStrings, KioskStrings, SummaryStrings, DashboardStrings } from './types.js';

/** The respondent's strings: English bundled, Spanish, French and Arabic loaded when used. */
export const surveyStrings = new Dictionary<SurveyStrings>(english, {
  es: () => import('./survey/es.js'),
  fr: () => import('./survey/fr.js'),
  ar: () => import('./survey/ar.js'),
});

/** The built-in survey strings for a locale, loaded if needed (English when it cannot load). */
export const loadTranslation = (locale: string): Promise<SurveyStrings> => surveyStrings.load(locale);

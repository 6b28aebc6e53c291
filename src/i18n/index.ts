import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Translation, TranslationCode } from './types.js';

export type { Translation, TranslationCode } from './types.js';

export const translations: Record<TranslationCode, Translation> = { en, es, fr, ar };

/**
 * The built-in translation for a BCP 47 tag: exact language, then English.
 * (`es-MX` → es, `ar-EG` → ar, `de` → en.)
 */
export function translationFor(locale: string | null | undefined): Translation {
  const language = (locale ?? '').toLowerCase().split('-')[0] as TranslationCode;
  return translations[language] ?? en;
}

import type { LocalizedText } from './config/schema.js';
import { bestLocale } from './locale.js';

export { matchLocale } from './locale.js';

/**
 * The text for `locale`: exact tag, then its language (`es-MX` → `es`), then the fallback locale and
 * its language, then any non-blank translation. A blank translation counts as missing, so a
 * respondent never sees an empty label. `lang` names the translation used (null for plain text), so
 * text shown in another language than the survey's can carry its own `lang`.
 */
export function pickText(text: LocalizedText | undefined, locale: string, fallbackLocale: string): { text: string; lang: string | null } {
  if (typeof text === 'string') return { text, lang: null };
  // Unvalidated config may hold anything here (see config/read.ts): anything else reads as no text.
  if (typeof text !== 'object' || text === null || Array.isArray(text)) return { text: '', lang: null };
  const filled = Object.keys(text).filter((key) => typeof text[key] === 'string' && text[key].trim());
  const tag = bestLocale([locale, fallbackLocale], filled) ?? filled[0];
  return tag ? { text: text[tag]!, lang: tag } : { text: '', lang: null };
}

export function localize(text: LocalizedText | undefined, locale: string, fallbackLocale: string): string {
  return pickText(text, locale, fallbackLocale).text;
}

/** Length in code points, as a respondent counts characters (an emoji is one, not two). */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** The first `max` code points; never splits a surrogate pair. */
export function truncateCodePoints(value: string, max: number): string {
  return codePointLength(value) <= max ? value : Array.from(value).slice(0, max).join('');
}

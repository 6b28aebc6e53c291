import type { LocalizedText } from './config/schema.js';

const language = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * The text for `locale`: exact tag, then its language (`es-MX` → `es`), then the fallback locale and
 * its language, then any non-blank translation. A blank translation counts as missing, so a
 * respondent never sees an empty label.
 */
export function localize(text: LocalizedText | undefined, locale: string, fallbackLocale: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  const pick = (tag: string) => {
    if (Object.hasOwn(text, tag) && text[tag]!.trim()) return text[tag];
    const lang = language(tag);
    for (const key of Object.keys(text)) if (language(key) === lang && text[key]!.trim()) return text[key];
    return undefined;
  };
  return pick(locale) ?? pick(fallbackLocale) ?? Object.values(text).find((value) => value.trim()) ?? '';
}

/** The survey locale to use for a requested one: exact, then same language, then the default (first). */
export function matchLocale(requested: string | undefined, locales: readonly string[]): string {
  if (requested) {
    const exact = locales.find((tag) => tag.toLowerCase() === requested.toLowerCase());
    if (exact) return exact;
    const sameLanguage = locales.find((tag) => language(tag) === language(requested));
    if (sameLanguage) return sameLanguage;
  }
  return locales[0] ?? 'en';
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

/**
 * The one place languages are matched: survey locales against the `lang` attribute or the browser's
 * languages, built-in translations against a survey locale, translations inside a config text.
 */

/** `es-MX` → `es`. */
export const languageOf = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * The first of `offered` that fits the earliest of `wanted`: the exact tag (any case) first, then
 * the same language (`es-MX` finds `es`, `es` finds `es-MX`). Undefined when none fits.
 */
export function bestLocale(wanted: ReadonlyArray<string | null | undefined>, offered: readonly string[]): string | undefined {
  for (const tag of wanted) {
    if (!tag) continue;
    const exact = offered.find((locale) => locale.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = languageOf(tag);
    const sameLanguage = offered.find((locale) => languageOf(locale) === language);
    if (sameLanguage) return sameLanguage;
  }
  return undefined;
}

/** The survey locale to use for a requested one, else the survey's default (its first). */
export function matchLocale(requested: string | null | undefined, locales: readonly string[]): string {
  return bestLocale([requested], locales) ?? locales[0] ?? 'en';
}

/**
 * The locale a survey shows in, always one of its own, so its text, the built-in strings and `lang`
 * (which picks a screen reader's voice) agree: the `lang` attribute, else the browser's first
 * language the survey offers (es-MX finds es), else the survey's default.
 */
export function surveyLocale(attribute: string | null, browser: readonly string[], locales: readonly string[]): string {
  return bestLocale(attribute ? [attribute] : browser, locales) ?? locales[0] ?? 'en';
}

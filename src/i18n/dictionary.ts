import { bestLocale } from '../core/locale.js';

/** The languages with built-in UI strings. */
export const BUILT_IN_LANGUAGES = ['en', 'es', 'fr', 'ar'] as const;
export type BuiltInLanguage = (typeof BUILT_IN_LANGUAGES)[number];

/** The built-in language for a locale (`es-MX` → `es`), else English. */
export function builtInLanguage(locale: string | null | undefined): BuiltInLanguage {
  return (bestLocale([locale], BUILT_IN_LANGUAGES) ?? 'en') as BuiltInLanguage;
}

type Loaders<T> = Record<Exclude<BuiltInLanguage, 'en'>, () => Promise<{ default: T }>>;

/**
 * One kind of built-in strings (survey, kiosk, summary) in every built-in language: English is
 * bundled, each other language is a chunk loaded on first use and kept. A language that cannot load
 * (offline, a missing chunk) falls back to English, and `languageOf` says so, so the page can mark
 * that text with `lang="en"`.
 */
export class Dictionary<T> {
  private readonly ready = new Map<BuiltInLanguage, T>();
  private readonly pending = new Map<BuiltInLanguage, Promise<T>>();
  private readonly fellBack = new Set<BuiltInLanguage>();

  constructor(
    private readonly english: T,
    private readonly loaders: Loaders<T>,
  ) {
    this.ready.set('en', english);
  }

  /** The strings for `locale` if they are here already. */
  get(locale: string | null | undefined): T | undefined {
    return this.ready.get(builtInLanguage(locale));
  }

  /** The language the strings for `locale` are really in (English after a failed load). */
  languageOf(locale: string | null | undefined): BuiltInLanguage {
    const language = builtInLanguage(locale);
    return this.fellBack.has(language) ? 'en' : language;
  }

  /** Loads the strings for `locale`; never rejects (English stands in when a chunk cannot load). */
  load(locale: string | null | undefined): Promise<T> {
    const language = builtInLanguage(locale);
    const ready = this.ready.get(language);
    if (ready) return Promise.resolve(ready);
    let pending = this.pending.get(language);
    if (!pending) {
      pending = this.loaders[language as Exclude<BuiltInLanguage, 'en'>]().then(
        (module) => module.default,
        () => {
          this.fellBack.add(language);
          return this.english;
        },
      );
      pending.then((strings) => {
        this.ready.set(language, strings);
        this.pending.delete(language);
      });
      this.pending.set(language, pending);
    }
    return pending;
  }
}

import { formatPath } from '../config/errors.js';
import type { LocalizedText, SurveyConfigInput } from '../config/schema.js';

/**
 * The edits `<survey-editor>` makes to a config, as pure functions over plain JSON: each returns a
 * new config and leaves the one given untouched (so undo can keep the old one as it is). The config
 * may be invalid while someone edits it; nothing here assumes it is parsed.
 */
export type EditableConfig = SurveyConfigInput;
export type EditableQuestion = SurveyConfigInput['questions'][number];
export type QuestionKind = EditableQuestion['type'];
export type Path = ReadonlyArray<string | number>;

/** Every question type the editor can add, in the order its menu lists them. */
export const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'rating', 'text', 'support-types'];

/** The languages the editor translates into (the built-in ones). */
export const EDITOR_LOCALES = ['en', 'es', 'fr', 'ar'] as const;

/** A survey with one question to start from; `id` and `title` for the person to change. */
export function blankSurvey(): EditableConfig {
  return { id: 'my-survey', version: 1, locales: ['en'], title: '', questions: [newQuestion('single', [])], timeBucket: 'day' };
}

/** The first free id `q1`, `q2`… */
export function freeId(taken: Iterable<string>, stem = 'q'): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}

/** A new question of a type, with an id no other question has and the fields its type needs. */
export function newQuestion(type: QuestionKind, taken: Iterable<string>): EditableQuestion {
  const id = freeId(taken);
  switch (type) {
    case 'single':
    case 'multiple':
      return { id, type, label: '', options: [{ value: 'yes', label: '' }, { value: 'no', label: '' }] };
    case 'rating':
      return { id, type, label: '', min: 1, max: 5 };
    case 'text':
      return { id, type, label: '', multiline: true, maxLength: 500 };
    case 'support-types':
      return { id, type, label: '', allowOther: true };
  }
}

const ids = (config: EditableConfig) => (config.questions ?? []).map((question) => question.id);

/** Adds a question after `index` (at the end by default). */
export function addQuestion(config: EditableConfig, type: QuestionKind, index = (config.questions ?? []).length - 1): EditableConfig {
  const questions = [...(config.questions ?? [])];
  questions.splice(index + 1, 0, newQuestion(type, ids(config)));
  return { ...config, questions };
}

/** A copy of the question at `index`, right after it, with a fresh id. */
export function duplicateQuestion(config: EditableConfig, index: number): EditableConfig {
  const questions = [...config.questions];
  const copy = structuredClone(questions[index]!);
  copy.id = freeId(ids(config), `${copy.id.replace(/\d+$/, '')}`);
  questions.splice(index + 1, 0, copy);
  return { ...config, questions };
}

/** Moves the question at `index` by `delta` places; no change at either end. */
export function moveQuestion(config: EditableConfig, index: number, delta: number): EditableConfig {
  const to = index + delta;
  if (to < 0 || to >= config.questions.length || delta === 0) return config;
  const questions = [...config.questions];
  const [moved] = questions.splice(index, 1);
  questions.splice(to, 0, moved!);
  return { ...config, questions };
}

export function removeQuestion(config: EditableConfig, index: number): EditableConfig {
  return { ...config, questions: config.questions.filter((_, i) => i !== index) };
}

/** The value at a path, or undefined. */
export function getAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** A copy with the value at `path` replaced (`undefined` removes the key; arrays stay arrays). */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  const current = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>) : {};
  const copy = (Array.isArray(current) ? [...current] : { ...current }) as Record<string | number, unknown>;
  const child = setAt(copy[key!], rest, next);
  if (child === undefined && !Array.isArray(copy)) delete copy[key!];
  else copy[key!] = child;
  return copy as T;
}

/** The text of a field in one language ('' when it has none there). */
export function textIn(value: LocalizedText | undefined, locale: string, defaultLocale: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return locale === defaultLocale ? value : '';
  return Object.hasOwn(value, locale) ? value[locale]! : '';
}

/**
 * A field with its text in one language set: plain text while the survey has one language, one entry
 * per language once it has more. Clearing a translation removes it (the survey then falls back to the
 * first language); clearing the first language's text keeps it, empty, so validation can say so.
 */
export function withText(value: LocalizedText | undefined, locale: string, text: string, locales: readonly string[]): LocalizedText | undefined {
  const defaultLocale = locales[0] ?? 'en';
  if (locales.length <= 1 && locale === defaultLocale && (value === undefined || typeof value === 'string')) return text;
  const record: Record<string, string> = typeof value === 'string' ? { [defaultLocale]: value } : { ...(value ?? {}) };
  if (text === '' && locale !== defaultLocale) delete record[locale];
  else record[locale] = text;
  return record;
}

/** One translatable field: where it is, and what it is (for the translations table's row header). */
export interface TextField {
  path: Path;
  /** `title`, `intro`, `thankYou`, `label`, `help`, `option`, `minLabel`, `maxLabel`, `startMessage`, `footer`. */
  kind: string;
  /** The question's position (1-based) for question fields. */
  question?: number;
}

/** Every field a translator fills in, in the order the survey shows them; optional ones only when set. */
export function textFields(config: EditableConfig): TextField[] {
  const fields: TextField[] = [{ path: ['title'], kind: 'title' }];
  const optional = (path: Path, kind: string, question?: number) => {
    if (getAt(config, path) !== undefined) fields.push({ path, kind, ...(question ? { question } : {}) });
  };
  optional(['intro'], 'intro');
  (config.questions ?? []).forEach((question, i) => {
    const at = (key: string | number, ...rest: Array<string | number>): Path => ['questions', i, key, ...rest];
    fields.push({ path: at('label'), kind: 'label', question: i + 1 });
    optional(at('help'), 'help', i + 1);
    if (question.type === 'single' || question.type === 'multiple') {
      question.options.forEach((option, o) => {
        if (typeof option === 'object') fields.push({ path: at('options', o, 'label'), kind: 'option', question: i + 1 });
      });
    }
    if (question.type === 'rating') {
      optional(at('minLabel'), 'minLabel', i + 1);
      optional(at('maxLabel'), 'maxLabel', i + 1);
    }
  });
  optional(['thankYou'], 'thankYou');
  optional(['kiosk', 'startMessage'], 'startMessage');
  optional(['safety', 'footer'], 'footer');
  return fields;
}

/** The translations still to write: one entry per field and language it is empty in. */
export function missingTranslations(config: EditableConfig): Array<{ path: Path; locale: string }> {
  const locales = config.locales ?? ['en'];
  const missing: Array<{ path: Path; locale: string }> = [];
  for (const field of textFields(config)) {
    for (const locale of locales) {
      if (!textIn(getAt(config, field.path) as LocalizedText | undefined, locale, locales[0]!).trim()) missing.push({ path: field.path, locale });
    }
  }
  return missing;
}

/** `['questions', 2, 'label']` → `questions[2].label`: how the config's issues name fields. */
export const pathKey = (path: Path): string => formatPath(path);

import { taxonomyOptions } from '../taxonomy.js';
import { DEFAULTS } from './defaults.js';
import type { ChoiceOption, Question, SurveyConfig } from './schema.js';

/**
 * A quick read of a config, so the first question can show before validation has loaded (zod and
 * the cross-field rules are a chunk of their own, needed only by the time someone submits). It
 * applies the defaults and fills in the support types, and decides nothing: the full parse still
 * runs, and its verdict (and its normalised config) replaces this read. Returns null when the
 * input is not shaped like a survey at all; the element then waits for validation's message.
 *
 * Showing unvalidated config is safe: text is always rendered as text, and every link is checked
 * with `checkSafeUrl` where it is rendered.
 */
export function readSurveyConfig(input: unknown): SurveyConfig | null {
  if (!isRecord(input) || typeof input['id'] !== 'string' || !Array.isArray(input['questions'])) return null;
  const questions: Question[] = [];
  for (const raw of input['questions']) {
    const question = readQuestion(raw);
    if (!question) return null;
    questions.push(question);
  }
  const locales = Array.isArray(input['locales']) && input['locales'].length > 0 ? input['locales'] : DEFAULTS.locales;
  if (!locales.every((tag) => typeof tag === 'string')) return null;
  return {
    ...(input as Partial<SurveyConfig>),
    locales: [...locales],
    tags: isRecord(input['tags']) ? (input['tags'] as Record<string, string>) : {},
    timeBucket: (input['timeBucket'] as SurveyConfig['timeBucket']) ?? DEFAULTS.timeBucket,
    delivery: { ...DEFAULTS.delivery, ...(isRecord(input['delivery']) ? input['delivery'] : {}) },
    kiosk: { ...DEFAULTS.kiosk, ...(isRecord(input['kiosk']) ? input['kiosk'] : {}) },
    questions,
  } as SurveyConfig;
}

const CHOICE = new Set(['support-types', 'single', 'multiple']);

function readQuestion(raw: unknown): Question | null {
  if (!isRecord(raw) || typeof raw['id'] !== 'string') return null;
  const type = raw['type'];
  const common = { ...DEFAULTS.question, ...raw };
  if (type === 'rating') return { ...DEFAULTS.rating, ...common } as unknown as Question;
  if (type === 'text') return { ...DEFAULTS.text, ...common } as unknown as Question;
  if (!CHOICE.has(type as string)) return null;
  const options = type === 'support-types' && raw['options'] === undefined ? [...taxonomyOptions.keys()] : raw['options'];
  if (!Array.isArray(options)) return null;
  const read: ChoiceOption[] = [];
  for (const option of options) {
    const full = typeof option === 'string' && type === 'support-types' ? taxonomyOptions.get(option) : option;
    if (!isRecord(full) || typeof full['value'] !== 'string') return null;
    read.push(full as ChoiceOption);
  }
  return { ...DEFAULTS.choice, ...common, options: read } as unknown as Question;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

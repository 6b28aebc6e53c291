import { answerOf, isQuestionVisible, isRating, type Answers } from './answers.js';
import type { Question, SurveyConfig, TimeBucket } from './config/schema.js';
import type { AnswerValue, Submission } from './submission-schema.js';
import { redactIdentifiers } from './free-text-guard.js';
import { matchLocale, truncateCodePoints } from './text.js';

/**
 * Where anonymity is enforced. A response carries exactly: a fresh random id, the survey id and
 * version, a bucketed time, the locale, the answers to questions that were shown, and the config's
 * static tags. Never the user agent, URL, referrer, screen, timezone or any device/session id.
 */
export interface BuildOptions {
  now: () => number | Date;
  /** Must return a UUID v4 (e.g. `() => crypto.randomUUID()`); fresh per response. */
  randomId: () => string;
  locale: string;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function buildSubmission(config: SurveyConfig, answers: Answers, { now, randomId, locale }: BuildOptions): Submission {
  const id = String(randomId()).toLowerCase();
  if (!UUID_V4.test(id)) throw new TypeError('buildSubmission: randomId() must return a UUID v4');
  const time = new Date(now());
  if (Number.isNaN(time.getTime())) throw new TypeError('buildSubmission: now() returned an invalid time');

  // privacy.freeText "redact": identifiers become "[phone]" etc. before truncation, so no half number survives.
  const free = (text: unknown, max: number) =>
    typeof text === 'string' ? truncateCodePoints(config.privacy?.freeText === 'redact' ? redactIdentifiers(text.trim()) : text.trim(), max) : '';
  const kept: Answers = {};
  for (const question of config.questions) {
    // Visibility is judged on cleaned answers, exactly as the respondent could have seen it.
    if (!isQuestionVisible(question, kept)) continue;
    const value = cleanAnswer(question, answerOf(answers, question.id), free);
    if (value === undefined) continue;
    kept[question.id] = value;
    const chose = value === 'other' || (Array.isArray(value) && value.includes('other'));
    if ('allowOther' in question && question.allowOther && chose) {
      const text = free(answerOf(answers, `${question.id}.other`), question.otherMaxLength);
      if (text) kept[`${question.id}.other`] = text;
    }
  }
  return {
    id,
    survey: { id: config.id, version: config.version },
    submittedAt: floorToBucket(time, config.timeBucket).toISOString(),
    locale: matchLocale(locale, config.locales),
    answers: kept,
    tags: { ...config.tags },
  };
}

/** The answer as it may be sent, or undefined to drop it (anything outside the config is dropped). */
function cleanAnswer(question: Question, value: AnswerValue | undefined, free: (text: unknown, max: number) => string): AnswerValue | undefined {
  switch (question.type) {
    case 'text':
      return free(value, question.maxLength) || undefined;
    case 'rating':
      return isRating(question, value) ? value : undefined;
    case 'single':
      return typeof value === 'string' && question.options.some((o) => o.value === value) ? value : undefined;
    default: {
      if (!Array.isArray(value)) return undefined;
      const chosen = new Set(value);
      // Option order, not click order; duplicates and unknown values fall away.
      const list = question.options.map((o) => o.value).filter((v) => chosen.has(v));
      return list.length === 0 || (question.max !== undefined && list.length > question.max) ? undefined : list;
    }
  }
}

/** The start of the UTC hour, day, ISO week (Monday) or month containing `date`. */
export function floorToBucket(date: Date, bucket: TimeBucket): Date {
  const d = new Date(date.getTime());
  if (bucket === 'hour') {
    d.setUTCMinutes(0, 0, 0);
    return d;
  }
  d.setUTCHours(0, 0, 0, 0);
  if (bucket === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (bucket === 'month') d.setUTCDate(1);
  return d;
}

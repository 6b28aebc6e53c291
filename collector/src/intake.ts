import * as z from 'zod/mini';
import { checkSubmission, floorToBucket, redactIdentifiers, removeControlCharacters, submissionSchema, type Submission, type SurveyConfig, type TimeBucket } from 'encounter-survey/core';
import { DEFAULT_RETENTION_DAYS } from './retention.js';
import type { CountedAnswers } from './store.js';
import type { SurveyRegistry } from './surveys.js';

/**
 * From a parsed JSON body to what is stored: the submission schema, then the survey's own config
 * (`checkSubmission`), then what the response adds to the counts. Pure apart from the registry.
 */
export interface Issue {
  path: string;
  message: string;
}

export type Intake =
  | { ok: true; submission: Submission; counted: CountedAnswers; /** Any config file of the survey asks for proof of work. */ proofOfWork: boolean }
  | { ok: false; error: 'invalid-submission' | 'unknown-survey'; message: string; issues?: Issue[] };

/** For surveys without a config (only with COLLECTOR_ACCEPT_UNKNOWN=1): bounds on what one POST may add. */
export const UNKNOWN_SURVEY_LIMITS = { answers: 100, listItems: 200 } as const;

export interface IntakeOptions {
  acceptUnknown?: boolean;
  /** The collector's clock: `submittedAt` must lie in [now − retention, now + 1 day]. */
  now?: Date;
  /** COLLECTOR_RETENTION_DAYS; 0 (keep everything) still refuses anything over DEFAULT_RETENTION_DAYS old. */
  retentionDays?: number;
  /** COLLECTOR_REDACT=1: identifiers in free text (text questions, "Other" text) become "[phone]" etc. */
  redact?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * A response sent more than a day ahead (a wrong clock, or made up) or from before the retention period
 * (which retention would delete, and which no offline kiosk keeps that long) is refused, naming the field.
 * The lower bound is floored to the survey's time bucket, as `submittedAt` itself is.
 */
function outOfRange(submittedAt: string, bucket: TimeBucket, { now = new Date(), retentionDays = DEFAULT_RETENTION_DAYS }: IntakeOptions): Intake | null {
  const time = new Date(submittedAt).getTime();
  const earliest = floorToBucket(new Date(now.getTime() - (retentionDays || DEFAULT_RETENTION_DAYS) * DAY_MS), bucket).getTime();
  const latest = now.getTime() + DAY_MS;
  if (time >= earliest && time <= latest) return null;
  const message = `submittedAt must lie between ${new Date(earliest).toISOString()} (the retention period) and ${new Date(latest).toISOString()} (a day ahead of this collector's clock).`;
  return { ok: false, error: 'invalid-submission', message, issues: [{ path: 'submittedAt', message: `${submittedAt} is outside that range.` }] };
}

export function intake(body: unknown, surveys: SurveyRegistry, options: IntakeOptions = {}): Intake {
  const { acceptUnknown = false } = options;
  const parsed = z.safeParse(submissionSchema, body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    return { ok: false, error: 'invalid-submission', message: 'The body does not match the submission schema.', issues };
  }
  // The parsed JSON as received: zod's copy would drop own keys such as "__proto__" (reported as unknown below).
  const received = body as Submission;
  const { id, version } = received.survey;
  if (!surveys.has(id)) {
    if (acceptUnknown) return outOfRange(received.submittedAt, 'hour', options) ?? unknownSurvey(received);
    return { ok: false, error: 'unknown-survey', message: `This collector has no config for survey "${id}".` };
  }
  const config = surveys.find(id, version, received.tags);
  if (!config) {
    const known = surveys.versions(id).map((c) => JSON.stringify(c.version));
    return {
      ok: false,
      error: 'unknown-survey',
      message: `This collector has no config for version ${JSON.stringify(version)} of survey "${id}" (it has ${known.join(', ')}).`,
    };
  }
  const refused = outOfRange(received.submittedAt, config.timeBucket, options);
  if (refused) return refused;
  const checked = checkSubmission(config, received);
  if (!checked.ok) {
    return { ok: false, error: 'invalid-submission', message: `The response does not fit survey "${id}".`, issues: checked.issues };
  }
  const submission = options.redact ? redactFreeText(config, checked.submission) : checked.submission;
  return { ok: true, submission, counted: countedAnswers(config, submission), proofOfWork: surveys.needsProofOfWork(id) };
}

/** Free text (text questions and "Other" text) with what could identify someone replaced by placeholders (src/core/free-text-guard.ts). */
function redactFreeText(config: SurveyConfig, submission: Submission): Submission {
  const answers = { ...submission.answers };
  for (const question of config.questions) {
    for (const key of question.type === 'text' ? [question.id] : [`${question.id}.other`]) {
      const value = answers[key];
      if (typeof value === 'string') answers[key] = redactIdentifiers(value);
    }
  }
  return { ...submission, answers };
}

/** The choice and rating answers, as summaries count them; free text and "Other" text are never counted. */
export function countedAnswers(config: SurveyConfig, submission: Submission): CountedAnswers {
  const counted: CountedAnswers = { questions: [], cells: [] };
  for (const question of config.questions) {
    if (question.type === 'text' || !Object.hasOwn(submission.answers, question.id)) continue;
    const value = submission.answers[question.id]!;
    counted.questions.push(question.id);
    for (const item of Array.isArray(value) ? value : [value]) counted.cells.push([question.id, String(item)]);
  }
  return counted;
}

/** The survey config's own rule for ids. */
const SURVEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Kept as sent, minus control characters and to the hour, within bounds; counted in totals only (no config says what is a choice). */
function unknownSurvey(received: Submission): Intake {
  if (!SURVEY_ID.test(received.survey.id) || String(received.survey.version).length > 50) {
    return {
      ok: false,
      error: 'invalid-submission',
      message: 'A survey id uses letters, digits, ".", "-" or "_" (up to 100), and a version up to 50 characters.',
      issues: [{ path: 'survey', message: 'Not a survey id and version a config could declare.' }],
    };
  }
  const entries = Object.entries(received.answers);
  const items = entries.reduce((sum, [, value]) => sum + (Array.isArray(value) ? value.length : 1), 0);
  if (entries.length > UNKNOWN_SURVEY_LIMITS.answers || items > UNKNOWN_SURVEY_LIMITS.listItems) {
    return {
      ok: false,
      error: 'invalid-submission',
      message: `A survey without a config may send at most ${UNKNOWN_SURVEY_LIMITS.answers} answers and ${UNKNOWN_SURVEY_LIMITS.listItems} values in all.`,
      issues: [{ path: 'answers', message: `${entries.length} answers, ${items} values.` }],
    };
  }
  const clean = (text: string) => removeControlCharacters(text);
  const answers = Object.fromEntries(
    entries.map(([key, value]) => [
      removeControlCharacters(key, { keepNewlines: false }),
      typeof value === 'string' ? clean(value) : Array.isArray(value) ? value.map(clean) : value,
    ]),
  );
  const tags = Object.fromEntries(
    Object.entries(received.tags).map(([key, value]) => [key, removeControlCharacters(value, { keepNewlines: false })]),
  );
  return {
    ok: true,
    submission: {
      ...received,
      survey: { ...received.survey },
      // No config says the survey's bucket: the finest the widget offers, so no finer time is stored.
      submittedAt: floorToBucket(new Date(received.submittedAt), 'hour').toISOString(),
      locale: removeControlCharacters(received.locale, { keepNewlines: false }),
      answers,
      tags,
    },
    counted: { questions: [], cells: [] },
    proofOfWork: false,
  };
}

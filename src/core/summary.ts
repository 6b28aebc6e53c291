import type { AnswerValue, Submission } from './submission-schema.js';

/**
 * Aggregate counts for a survey, safe to publish: no cell can single someone out.
 *
 * - Small-cell suppression: any count below `k` (default 11, the CMS/PCORnet threshold) is returned
 *   as `count: null, display: "<11", percent: null`. Totals below `k` are suppressed the same way.
 * - Complementary suppression: for questions with one answer per response (`single`, `rating`),
 *   the cells add up to `answered`, so when exactly one cell is suppressed the next-smallest is
 *   suppressed too, otherwise the hidden one could be recovered by subtraction.
 * - Free text (and every `<id>.other` text) is never summarised.
 * - Suppressed cells are listed after the shown ones, ordered by value, so their order leaks nothing.
 *
 * Pure: no DOM, no Node; the collector and the `<survey-summary>` element both use these types.
 */

export type QuestionKind = 'multi' | 'single' | 'rating';

export interface SummaryCell {
  /** The option value (`"emotional"`) or rating (`4`), as sent in the payload. */
  value: string | number;
  /** `null` when suppressed. */
  count: number | null;
  /** `"42"`, or `"<11"` when suppressed. */
  display: string;
  /** Share of the responses that answered this question, 0–100 with one decimal; `null` when suppressed. */
  percent: number | null;
}

export interface QuestionSummary {
  id: string;
  kind: QuestionKind;
  /** Responses that answered this question; `null` when below k. */
  answered: number | null;
  answeredDisplay: string;
  counts: SummaryCell[];
}

export interface SurveySummary {
  survey: string;
  /** Responses to this survey; `null` when below k. */
  total: number | null;
  totalDisplay: string;
  k: number;
  questions: QuestionSummary[];
}

export interface SummarizeOptions {
  surveyId: string;
  /** Threshold below which counts are suppressed; at least 1. Default 11. */
  k?: number;
  /**
   * Kinds per question id, when known from the survey config. `'text'` (or leaving a question out
   * while passing this map) excludes it. Without the map, kinds are inferred: see `inferQuestionKinds`.
   */
  questionKinds?: Record<string, QuestionKind | 'text'>;
}

export const DEFAULT_K = 11;

/** More distinct string values than this and an inferred question is treated as free text. */
const MAX_INFERRED_OPTIONS = 20;
/** Option values are short codes (`emotional`, `very-helpful`); free text usually is not. */
const OPTION_CODE = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,63}$/u;

/**
 * Guesses each question's kind from the payloads alone (the collector does not see the config).
 * Arrays → `multi`, numbers → `rating`, strings → `single`. A question is left out (treated as free
 * text) when: its id ends in `.other`; its value types are mixed; a string value does not look like
 * an option code (spaces, punctuation, over 64 characters); or it has more than 20 distinct values.
 * Erring towards leaving a question out is deliberate: a free-text answer shown as a category label
 * would publish the text itself, even with its count suppressed. Residual risk: a free-text
 * question whose answers are all single words (a first name) still looks like a choice question;
 * deployments should pass the real kinds (`questionKinds`, the collector's `COLLECTOR_SURVEYS`).
 */
export function inferQuestionKinds(submissions: readonly Submission[]): Record<string, QuestionKind> {
  const seen = new Map<string, { types: Set<string>; values: Set<string>; codes: boolean }>();
  for (const submission of submissions) {
    for (const [id, value] of Object.entries(submission.answers)) {
      if (id.endsWith('.other')) continue;
      let entry = seen.get(id);
      if (!entry) seen.set(id, (entry = { types: new Set(), values: new Set(), codes: true }));
      const type = Array.isArray(value) ? 'array' : typeof value;
      entry.types.add(type);
      const strings = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      for (const text of strings) {
        entry.values.add(text);
        if (!OPTION_CODE.test(text)) entry.codes = false;
      }
    }
  }
  const kinds: Record<string, QuestionKind> = {};
  for (const [id, entry] of seen) {
    if (entry.types.size !== 1 || !entry.codes || entry.values.size > MAX_INFERRED_OPTIONS) continue;
    const [type] = entry.types;
    if (type === 'array') kinds[id] = 'multi';
    else if (type === 'number') kinds[id] = 'rating';
    else if (type === 'string') kinds[id] = 'single';
  }
  return kinds;
}

/** Values one answer contributes to a question of `kind`; empty when the value does not fit the kind. */
function valuesOf(kind: QuestionKind, value: AnswerValue): Array<string | number> {
  if (kind === 'multi') {
    if (Array.isArray(value)) return [...new Set(value)];
    return typeof value === 'string' ? [value] : [];
  }
  if (kind === 'rating') return typeof value === 'number' && Number.isFinite(value) ? [value] : [];
  return typeof value === 'string' ? [value] : [];
}

const percentOf = (count: number, of: number) => (of > 0 ? Math.round((count / of) * 1000) / 10 : 0);

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function summarizeQuestion(id: string, kind: QuestionKind, answers: AnswerValue[], k: number): QuestionSummary {
  const tally = new Map<string | number, number>();
  let answered = 0;
  for (const answer of answers) {
    const values = valuesOf(kind, answer);
    if (values.length === 0) continue;
    answered += 1;
    for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  }
  const suppressed = new Set<string | number>();
  for (const [value, count] of tally) if (count < k) suppressed.add(value);
  if (kind !== 'multi' && suppressed.size === 1) {
    // One answer per response: the hidden cell = answered − the shown ones. Hide the next-smallest too.
    const next = [...tally]
      .filter(([value]) => !suppressed.has(value))
      .sort(([va, a], [vb, b]) => a - b || compareValues(va, vb))[0];
    if (next) suppressed.add(next[0]);
  }
  const shown = [...tally].filter(([value]) => !suppressed.has(value));
  if (kind === 'rating') shown.sort(([a], [b]) => compareValues(a, b));
  else shown.sort(([va, a], [vb, b]) => b - a || compareValues(va, vb));
  const hidden = [...suppressed].sort(compareValues);
  const hiddenDisplay = `<${k}`;
  return {
    id,
    kind,
    answered: answered < k ? null : answered,
    answeredDisplay: answered < k ? hiddenDisplay : String(answered),
    counts: [
      ...shown.map(([value, count]) => ({ value, count, display: String(count), percent: percentOf(count, answered) })),
      ...hidden.map((value) => ({ value, count: null, display: hiddenDisplay, percent: null })),
    ],
  };
}

export function summarize(submissions: readonly Submission[], options: SummarizeOptions): SurveySummary {
  const k = Math.max(1, Math.floor(options.k ?? DEFAULT_K));
  const mine = submissions.filter((submission) => submission.survey.id === options.surveyId);
  const kinds = options.questionKinds ?? inferQuestionKinds(mine);
  const answersById = new Map<string, AnswerValue[]>();
  for (const submission of mine) {
    for (const [id, value] of Object.entries(submission.answers)) {
      if (id.endsWith('.other') || !Object.hasOwn(kinds, id)) continue;
      let list = answersById.get(id);
      if (!list) answersById.set(id, (list = []));
      list.push(value);
    }
  }
  const questions: QuestionSummary[] = [];
  for (const [id, answers] of answersById) {
    const kind = kinds[id];
    if (kind === 'multi' || kind === 'single' || kind === 'rating') questions.push(summarizeQuestion(id, kind, answers, k));
  }
  const total = mine.length;
  return {
    survey: options.surveyId,
    total: total < k ? null : total,
    totalDisplay: total < k ? `<${k}` : String(total),
    k,
    questions,
  };
}

const isCount = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);

/** Shape check for a summary read from the network (a page may point `src` anywhere). */
export function isSurveySummary(value: unknown): value is SurveySummary {
  if (!value || typeof value !== 'object') return false;
  const summary = value as Partial<SurveySummary>;
  return (
    typeof summary.survey === 'string' &&
    isCount(summary.total) &&
    typeof summary.totalDisplay === 'string' &&
    typeof summary.k === 'number' &&
    Array.isArray(summary.questions) &&
    summary.questions.every(
      (question: Partial<QuestionSummary>) =>
        question !== null &&
        typeof question === 'object' &&
        typeof question.id === 'string' &&
        (question.kind === 'multi' || question.kind === 'single' || question.kind === 'rating') &&
        isCount(question.answered) &&
        typeof question.answeredDisplay === 'string' &&
        Array.isArray(question.counts) &&
        question.counts.every(
          (cell: Partial<SummaryCell>) =>
            cell !== null &&
            typeof cell === 'object' &&
            (typeof cell.value === 'string' || typeof cell.value === 'number') &&
            isCount(cell.count) &&
            typeof cell.display === 'string' &&
            (cell.percent === null || (typeof cell.percent === 'number' && Number.isFinite(cell.percent))),
        ),
    )
  );
}

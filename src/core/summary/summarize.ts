import type { SurveyConfig } from '../config/schema.js';
import type { Submission } from '../submission-schema.js';
import { cellKey, KEY_RANGE } from './cell-key.js';
import { disclose, isUnfiltered, type TalliedCounts } from './disclose.js';
import { defaultUnit, openPeriod, summaryDay, unitsFor } from './periods.js';
import { surveySpec, type SurveySpec } from './spec.js';
import type { PeriodUnit, SummaryFilters, SurveySummary } from './types.js';
import { PUBLIC_UNIT, summaryPeriods } from './window.js';

/**
 * A publishable summary from the responses themselves (for receivers other than the reference
 * collector): tallies them and hands the counts to the same disclosure rules the collector uses.
 * A receiver that knows when each response arrived should pass `receivedDay`; otherwise the day of
 * its (bucketed) `submittedAt` decides its period.
 */
export interface SummarizeOptions {
  /** The survey's config (or every file of it: versions, sites). Its id picks the responses. */
  config: SurveyConfig | readonly SurveyConfig[];
  /** Decides which periods are closed. */
  now: Date;
  /** Default: week, or month for a survey bucketed by month. */
  unit?: PeriodUnit;
  /** The public summary: the latest closed calendar quarter, by month, unfiltered. What a website may show anyone. */
  public?: boolean;
  /** A day in the first and last period wanted (default: the last 12 closed periods). Not with `public`. */
  from?: string;
  to?: string;
  filters?: SummaryFilters;
  k?: number;
  rounding?: number;
  /**
   * Each response's record key (a whole number in [0, KEY_RANGE), drawn at random once when it was
   * received and kept with it, never derived from what it says): the cell-key rounding of
   * ./cell-key.ts. Omit for rounding to the nearest multiple, which protects one summary on its own
   * but not two filtered summaries compared, nor an open total from a padder looking for its flip.
   */
  recordKey?: (submission: Submission) => number;
  receivedDay?: (submission: Submission) => string;
}

export function summarize(submissions: readonly Submission[], options: SummarizeOptions): SurveySummary {
  const configs: readonly SurveyConfig[] = Array.isArray(options.config) ? options.config : [options.config as SurveyConfig];
  const first = configs[0];
  if (!first) throw new TypeError('summarize: pass the survey config');
  const buckets = configs.map((config) => config.timeBucket);
  const allowed = unitsFor(...buckets);
  const unit = options.unit ?? (options.public ? PUBLIC_UNIT : defaultUnit(...buckets));
  if (!allowed.includes(unit)) throw new RangeError(`summarize: survey "${first.id}" may be summarised by ${allowed.join(' or ')} only (its timeBucket is ${buckets.join(', ')})`);
  const filters = options.filters ?? {};
  if (options.public && !isUnfiltered(filters)) throw new RangeError('summarize: a public summary takes no filters');
  const spec = surveySpec(first.id, configs, filters.version);
  const dayOf = options.receivedDay ?? ((submission: Submission) => submission.submittedAt.slice(0, 10));
  const periods = summaryPeriods(options.now, { unit, from: options.from, to: options.to, public: options.public ?? false });
  const open = openPeriod(options.now, unit);
  const today = summaryDay(options.now);
  const range = periods.length ? { start: periods[0]!.start, end: periods.at(-1)!.end } : null;
  const mine = submissions.filter((submission) => submission.survey.id === first.id && matches(submission, filters));
  const totalOf = (counted: readonly Submission[]) => ({
    total: counted.length,
    ...(options.recordKey ? { key: cellKey(counted.map(options.recordKey)) } : {}),
  });
  const inRange = mine.filter((submission) => range !== null && dayOf(submission) >= range.start && dayOf(submission) < range.end);
  return disclose({
    spec,
    counts: tally(spec, inRange, options.recordKey),
    range,
    unit,
    series: periods.map((period) => ({ ...period, ...totalOf(inRange.filter((s) => dayOf(s) >= period.start && dayOf(s) < period.end)) })),
    // The open period over its days that are over: a response received today moves nothing until tomorrow.
    open: { ...open, ...totalOf(mine.filter((submission) => dayOf(submission) >= open.start && dayOf(submission) < today)) },
    filters,
    k: options.k,
    rounding: options.rounding,
  });
}

function matches(submission: Submission, filters: SummaryFilters): boolean {
  if (filters.version !== undefined && String(submission.survey.version) !== filters.version) return false;
  if (filters.locale !== undefined && submission.locale !== filters.locale) return false;
  return Object.entries(filters.tags ?? {}).every(([name, value]) => Object.hasOwn(submission.tags, name) && submission.tags[name] === value);
}

/**
 * Responses per question and value, as the collector's count tables hold them; with `recordKey`,
 * beside each count the sum of its responses' keys (modulo KEY_RANGE), as the tables keep that too.
 */
export function tally(spec: SurveySpec, submissions: readonly Submission[], recordKey?: (submission: Submission) => number): TalliedCounts {
  const counts: TalliedCounts = { total: submissions.length, questions: {} };
  const keys: Omit<TalliedCounts, 'keys'> = { total: cellKey(submissions.map((s) => recordKey?.(s) ?? 0)), questions: {} };
  const add = (into: Record<string, number>, name: string, amount: number) => {
    into[name] = ((Object.hasOwn(into, name) ? into[name]! : 0) + amount) % KEY_RANGE;
  };
  for (const question of spec.questions) {
    const entry = { answered: 0, values: {} as Record<string, number> };
    const keyed = { answered: 0, values: {} as Record<string, number> };
    for (const submission of submissions) {
      if (!Object.hasOwn(submission.answers, question.id)) continue;
      const answer = submission.answers[question.id]!;
      const key = recordKey?.(submission) ?? 0;
      entry.answered += 1;
      keyed.answered = (keyed.answered + key) % KEY_RANGE;
      for (const value of new Set(Array.isArray(answer) ? answer : [answer])) {
        add(entry.values, String(value), 1);
        add(keyed.values, String(value), key);
      }
    }
    counts.questions[question.id] = entry;
    keys.questions[question.id] = keyed;
  }
  return recordKey ? { ...counts, keys } : counts;
}

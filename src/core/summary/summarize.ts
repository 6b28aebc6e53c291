import type { SurveyConfig } from '../config/schema.js';
import type { Submission } from '../submission-schema.js';
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
  /** Keyed random rounding (see `disclose`); omit for rounding to the nearest multiple. */
  noise?: (identity: string) => number;
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
  const inRange = mine.filter((submission) => range !== null && dayOf(submission) >= range.start && dayOf(submission) < range.end);
  return disclose({
    spec,
    counts: tally(spec, inRange),
    range,
    unit,
    series: periods.map((period) => ({ ...period, total: inRange.filter((s) => dayOf(s) >= period.start && dayOf(s) < period.end).length })),
    // The open period over its days that are over: a response received today moves nothing until tomorrow.
    open: { ...open, total: mine.filter((submission) => dayOf(submission) >= open.start && dayOf(submission) < today).length },
    filters,
    k: options.k,
    rounding: options.rounding,
    noise: options.noise,
  });
}

function matches(submission: Submission, filters: SummaryFilters): boolean {
  if (filters.version !== undefined && String(submission.survey.version) !== filters.version) return false;
  if (filters.locale !== undefined && submission.locale !== filters.locale) return false;
  return Object.entries(filters.tags ?? {}).every(([name, value]) => Object.hasOwn(submission.tags, name) && submission.tags[name] === value);
}

/** Responses per question and value, as the collector's count tables hold them. */
export function tally(spec: SurveySpec, submissions: readonly Submission[]): TalliedCounts {
  const counts: TalliedCounts = { total: submissions.length, questions: {} };
  for (const question of spec.questions) {
    const entry = { answered: 0, values: {} as Record<string, number> };
    for (const submission of submissions) {
      if (!Object.hasOwn(submission.answers, question.id)) continue;
      const answer = submission.answers[question.id]!;
      entry.answered += 1;
      for (const value of new Set(Array.isArray(answer) ? answer : [answer])) {
        const key = String(value);
        entry.values[key] = (Object.hasOwn(entry.values, key) ? entry.values[key]! : 0) + 1;
      }
    }
    counts.questions[question.id] = entry;
  }
  return counts;
}

import type { LocalizedText } from '../config/schema.js';
import { parseDay } from './periods.js';

/**
 * The published summary of a survey (format 2): only figures that passed the disclosure rules of
 * ./disclose.ts. Every figure is a `Count`: a rounded number, or `null` with `display: "<k"` when it
 * is suppressed. Labels are the config's own (a string or one per locale) so a chart reads "Yes",
 * not "yes", in the reader's language.
 */
export const SUMMARY_FORMAT = 'encounter-survey/summary@2';

export type QuestionKind = 'single' | 'multiple' | 'rating';
export type PeriodUnit = 'week' | 'month';

export interface Count {
  /** Rounded to the summary's `rounding`; `null` when suppressed. */
  count: number | null;
  /** `"480"`, or `"<11"` when suppressed. */
  display: string;
}

export interface SummaryCell extends Count {
  /** The option value (`"emotional"`) or rating point (`4`), as sent in the payload. */
  value: string | number;
  label: LocalizedText;
  /** Whole percent of the question's published `answered`, from the rounded figures; `null` when suppressed. */
  percent: number | null;
}

export interface QuestionSummary {
  id: string;
  kind: QuestionKind;
  label: LocalizedText;
  /** Responses that answered. When fewer than k skipped the question, this is the total (see the README). */
  answered: Count;
  /** Every option of the config (every point of a rating), in the config's order, zero included. */
  cells: SummaryCell[];
  /** Ratings only: the median point of the answers (a half point between two); `null` when `answered` is suppressed. */
  median?: number | null;
  /** Ratings only: the words at the ends of the scale. */
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
}

/** One closed period: `start` inclusive, `end` exclusive (UTC days, `YYYY-MM-DD`). */
export interface Period {
  start: string;
  end: string;
}

export interface PeriodTotal extends Period, Count {}

export interface SurveySummary {
  format: typeof SUMMARY_FORMAT;
  survey: string;
  title: LocalizedText;
  /** Counts below `k` are suppressed; shown counts are rounded to `rounding`. */
  k: number;
  rounding: number;
  unit: PeriodUnit;
  /** The closed periods covered; `null` when none has closed yet (then nothing is broken down). */
  range: Period | null;
  /** Filters applied (staff only). */
  filters: SummaryFilters;
  total: Count;
  /** Responses per closed period of the range, oldest first. */
  series: PeriodTotal[];
  /**
   * The period still open: its total alone over the days of it that are over (so it moves at most
   * once a day), rounded to 10, never broken down; null in a filtered summary (a filter would break it down).
   */
  open: Period & { total: Count | null };
  questions: QuestionSummary[];
}

export interface SummaryFilters {
  version?: string;
  locale?: string;
  tags?: Record<string, string>;
}

/** What the collector's staff API lists for each survey: the dashboard offers its filters from this. */
export interface SurveyDescription {
  id: string;
  title: LocalizedText;
  versions: string[];
  locales: string[];
  /** Declared tag values by tag name, across the survey's config files. */
  tags: Record<string, string[]>;
  units: PeriodUnit[];
  /** Its unfiltered summary is public (COLLECTOR_PUBLIC_SURVEYS). */
  public: boolean;
  /** Its config asks for proof of work. */
  proofOfWork: boolean;
}

const isCount = (value: unknown): boolean => {
  if (!value || typeof value !== 'object') return false;
  const { count, display } = value as Partial<Count>;
  return (count === null || (typeof count === 'number' && Number.isFinite(count) && count >= 0)) && typeof display === 'string';
};
const isDay = (value: unknown) => typeof value === 'string' && parseDay(value) !== null;
const isPeriod = (value: unknown): value is Period =>
  !!value && typeof value === 'object' && isDay((value as Period).start) && isDay((value as Period).end);
const isText = (value: unknown) =>
  typeof value === 'string' ||
  (!!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((text) => typeof text === 'string'));

function isQuestion(value: unknown): value is QuestionSummary {
  if (!value || typeof value !== 'object') return false;
  const question = value as Partial<QuestionSummary>;
  return (
    typeof question.id === 'string' &&
    (question.kind === 'single' || question.kind === 'multiple' || question.kind === 'rating') &&
    isText(question.label) &&
    isCount(question.answered) &&
    Array.isArray(question.cells) &&
    question.cells.every(
      (cell: Partial<SummaryCell>) =>
        isCount(cell as unknown) &&
        (typeof cell.value === 'string' || typeof cell.value === 'number') &&
        isText(cell.label) &&
        (cell.percent === null || (typeof cell.percent === 'number' && Number.isFinite(cell.percent))),
    ) &&
    (question.median === undefined || question.median === null || typeof question.median === 'number')
  );
}

/** Shape check for a summary read from the network (a page may point `src` anywhere). */
export function isSurveySummary(value: unknown): value is SurveySummary {
  if (!value || typeof value !== 'object') return false;
  const summary = value as Partial<SurveySummary>;
  return (
    summary.format === SUMMARY_FORMAT &&
    typeof summary.survey === 'string' &&
    isText(summary.title) &&
    typeof summary.k === 'number' &&
    typeof summary.rounding === 'number' &&
    (summary.unit === 'week' || summary.unit === 'month') &&
    (summary.range === null || isPeriod(summary.range)) &&
    isCount(summary.total) &&
    Array.isArray(summary.series) &&
    summary.series.every((point) => isPeriod(point) && isCount(point)) &&
    isPeriod(summary.open) &&
    (summary.open.total === null || isCount(summary.open.total)) &&
    Array.isArray(summary.questions) &&
    summary.questions.every(isQuestion)
  );
}

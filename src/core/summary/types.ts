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

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): boolean => {
  if (!isObject(value)) return false;
  const { count, display } = value as Partial<Count>;
  return (count === null || (typeof count === 'number' && Number.isFinite(count) && count >= 0)) && typeof display === 'string';
};
const isDay = (value: unknown) => typeof value === 'string' && parseDay(value) !== null;
const isPeriod = (value: unknown): value is Period => isObject(value) && isDay(value.start) && isDay(value.end);
const isText = (value: unknown) => typeof value === 'string' || (isObject(value) && Object.values(value).every((text) => typeof text === 'string'));
const isCell = (cell: unknown) =>
  isCount(cell) &&
  isObject(cell) &&
  (typeof cell.value === 'string' || typeof cell.value === 'number') &&
  isText(cell.label) &&
  (cell.percent === null || (typeof cell.percent === 'number' && Number.isFinite(cell.percent)));

/** The paths of a question that are missing or of the wrong kind (`questions[1].cells`). */
function questionProblems(value: unknown, path: string): string[] {
  if (!isObject(value)) return [path];
  const q = value as Partial<Record<keyof QuestionSummary, unknown>>;
  const problems: string[] = [];
  const need = (ok: boolean, field: string) => {
    if (!ok) problems.push(`${path}.${field}`);
  };
  need(typeof q.id === 'string', 'id');
  need(q.kind === 'single' || q.kind === 'multiple' || q.kind === 'rating', 'kind');
  need(isText(q.label), 'label');
  need(isCount(q.answered), 'answered');
  if (!Array.isArray(q.cells)) problems.push(`${path}.cells`);
  else q.cells.forEach((cell, index) => need(isCell(cell), `cells[${index}]`));
  need(q.median === undefined || q.median === null || typeof q.median === 'number', 'median');
  return problems;
}

/**
 * What is wrong with a value read as a summary: one path per field that is missing or of the wrong
 * kind (`format`, `questions[1].cells`, `series[0]`), or `summary` when it is not an object at all;
 * empty for a summary this package can draw. A page may point `src` anywhere, or set `summary` to anything.
 */
export function summaryProblems(value: unknown): string[] {
  if (!isObject(value)) return ['summary'];
  const summary = value as Partial<Record<keyof SurveySummary, unknown>>;
  const problems: string[] = [];
  const need = (ok: boolean, path: string) => {
    if (!ok) problems.push(path);
  };
  need(summary.format === SUMMARY_FORMAT, 'format');
  need(typeof summary.survey === 'string', 'survey');
  need(isText(summary.title), 'title');
  need(typeof summary.k === 'number', 'k');
  need(typeof summary.rounding === 'number', 'rounding');
  need(summary.unit === 'week' || summary.unit === 'month', 'unit');
  need(summary.range === null || isPeriod(summary.range), 'range');
  need(isCount(summary.total), 'total');
  if (!Array.isArray(summary.series)) problems.push('series');
  else summary.series.forEach((point, index) => need(isPeriod(point) && isCount(point), `series[${index}]`));
  need(isPeriod(summary.open), 'open');
  need(isObject(summary.open) && (summary.open.total === null || isCount(summary.open.total)), 'open.total');
  if (!Array.isArray(summary.questions)) problems.push('questions');
  else summary.questions.forEach((question, index) => problems.push(...questionProblems(question, `questions[${index}]`)));
  return problems;
}

/** Shape check for a summary read from the network (a page may point `src` anywhere). */
export function isSurveySummary(value: unknown): value is SurveySummary {
  return summaryProblems(value).length === 0;
}

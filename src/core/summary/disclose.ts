import { pinnedFigures, type AuditFigure, type Relation } from './audit.js';
import { perturbed } from './cell-key.js';
import type { SurveySpec } from './spec.js';
import {
  SUMMARY_FORMAT,
  type Count,
  type Period,
  type PeriodUnit,
  type QuestionSummary,
  type SummaryFilters,
  type SurveySummary,
} from './types.js';

/**
 * The disclosure rules, the one place they live (the collector and `summarize()` both end here).
 * Input: true counts over whole closed periods. Output: what may be published. In order:
 *
 * 1. Threshold: a count below k (default 11), zero included, is suppressed and shown as "<k".
 * 2. Every option of the config is listed, in the config's order, so a value's appearance or place
 *    reveals nothing.
 * 3. Skips folded in: when fewer than k responses skipped a question, its `answered` is published
 *    as the total, so "total − answered" can never show a small number.
 * 4. Complementary suppression: in every sum of published figures (the options of a single, rating
 *    or multiple question add up to `answered` — for multiple, under the one-choice reading an
 *    attacker would try — and the periods of the series add up to the total), one hidden figure
 *    never stands alone: the next-smallest is hidden too.
 * 5. Rounding: every shown count is rounded to a multiple of `rounding` (default 5); percentages
 *    come from the rounded figures. With cell keys (`counts.keys`: the sum of the figure's record
 *    keys, ./cell-key.ts), rounding is random and unbiased and decided by the set of responses
 *    counted, so the same responses get the same figure in every table, range and filter, and
 *    padding with known answers cannot be subtracted out. Without them, to the nearest multiple.
 * 6. Audit: ./audit.ts attacks the result; while any hidden count below k can be pinned to one
 *    value, the smallest shown figure of a sum it belongs to is hidden too.
 * The open period's total alone is published, rounded to 10, and only unfiltered: a filter (a site,
 * a language) would break the open period down. Ratings get the median their published cells fix.
 */
export const DEFAULT_K = 11;
export const DEFAULT_ROUNDING = 5;

export interface TalliedCounts {
  total: number;
  /** Per question id: responses that answered, and responses per value (`String(value)`). */
  questions: Record<string, { answered: number; values: Record<string, number> }>;
  /**
   * The cell key of each of these figures (the sum of its responses' record keys modulo KEY_RANGE,
   * ./cell-key.ts), in the same shape. Omit for rounding to the nearest multiple, which protects
   * this summary on its own but not two filtered summaries compared with each other.
   */
  keys?: Omit<TalliedCounts, 'keys'>;
}

export interface DiscloseInput {
  spec: SurveySpec;
  /** Counts over `range` (every closed period of the series together). */
  counts: TalliedCounts;
  range: Period | null;
  unit: PeriodUnit;
  /** Each period's total, and its cell key when `counts.keys` is given. */
  series: Array<Period & { total: number; key?: number }>;
  open: Period & { total: number; key?: number };
  filters?: SummaryFilters;
  k?: number;
  rounding?: number;
}

interface Figure extends AuditFigure {
  /** False for figures never published on their own (skips; `answered` when folded). */
  publishable: boolean;
  /** The cell key of the responses it counts (cell-key rounding); undefined: to the nearest multiple. */
  key: number | undefined;
}

/** Down to a multiple of `step`, or up with a chance of remainder / step when `u` is uniform in [0, 1) (0.5: the nearest). */
export function roundTo(value: number, step: number, u = 0.5): number {
  const down = Math.floor(value / step) * step;
  return u < (value - down) / step ? down + step : down;
}

export function disclose(input: DiscloseInput): SurveySummary {
  const k = Math.max(1, Math.floor(input.k ?? DEFAULT_K));
  // Rounding coarser than k would publish a count of k as "0", which pins it: at most k.
  const rounding = Math.min(k, Math.max(1, Math.floor(input.rounding ?? DEFAULT_ROUNDING)));
  const { spec, counts } = input;
  const keys = counts.keys;
  const rules = { k, rounding, random: keys !== undefined };
  const filters = input.filters ?? {};
  const figures = new Map<string, Figure>();
  const relations: Relation[] = [];
  const groups: string[][] = [];
  const add = (id: string, truth: number, key: number | undefined, extra: Partial<Figure> = {}) =>
    figures.set(id, { truth, shown: null, publishable: true, key: keys ? (key ?? 0) : undefined, ...extra });

  add('total', counts.total, keys?.total);
  for (const question of spec.questions) {
    const tally = counts.questions[question.id] ?? { answered: 0, values: {} };
    const keyed = keys?.questions[question.id];
    const skipped = Math.max(0, counts.total - tally.answered);
    const folded = skipped < k;
    // Folded: `answered` is published as the total; the attacker then knows 0 ≤ skipped < k.
    add(`answered:${question.id}`, tally.answered, keyed?.answered, folded ? { publishable: false, hiddenRange: [0, Number.POSITIVE_INFINITY] } : {});
    add(`skipped:${question.id}`, skipped, undefined, { publishable: false, hiddenRange: folded ? [0, k - 1] : [k, Number.POSITIVE_INFINITY] });
    relations.push({ parent: 'total', children: [`answered:${question.id}`, `skipped:${question.id}`] });
    const cells = question.options.map((option) => {
      const id = `cell:${question.id}:${String(option.value)}`;
      const value = String(option.value);
      add(id, Object.hasOwn(tally.values, value) ? tally.values[value]! : 0, keyed && Object.hasOwn(keyed.values, value) ? keyed.values[value] : 0);
      return id;
    });
    groups.push(cells);
    relations.push({ parent: `answered:${question.id}`, children: cells, ...(question.kind === 'multiple' ? { naive: true } : {}) });
  }
  const periods = input.series.map((period) => {
    // A period's total counts the same responses as a range of that one period: the same cell key, the same figure.
    add(`period:${period.start}`, period.total, period.key);
    return `period:${period.start}`;
  });
  if (periods.length > 1) {
    groups.push(periods);
    relations.push({ parent: 'total', children: periods });
  }

  const hidden = new Set<string>();
  for (const [id, figure] of figures) if (!figure.publishable || figure.truth < k) hidden.add(id);
  for (const group of groups) complement(group, figures, hidden);
  const publish = () => {
    for (const [id, figure] of figures) {
      figure.shown = hidden.has(id) ? null : figure.key === undefined ? roundTo(figure.truth, rounding) : perturbed(figure.truth, figure.key, rounding);
    }
  };
  publish();
  for (let round = 0; round < figures.size; round += 1) {
    const pinned = pinnedFigures(figures, relations, rules);
    if (pinned.length === 0) break;
    // One more hidden figure at a time, then attack again: one often unpins several.
    hideNextTo(pinned[0]!, relations, figures, hidden);
    publish();
  }
  foldSmallDifferences(spec, figures, k);
  // Its cell key changes with every response added, so a padder cannot find where it flips.
  const open = input.open;
  const openTotal = open.total < k ? suppressedCount(k) : shownCount(keys ? perturbed(open.total, open.key ?? 0, 10) : roundTo(open.total, 10));
  return published(input, figures, { k, rounding }, isUnfiltered(filters) ? openTotal : null);
}

/** No version, language or tag chosen. */
export const isUnfiltered = (filters: SummaryFilters): boolean =>
  filters.version === undefined && filters.locale === undefined && Object.keys(filters.tags ?? {}).length === 0;

const suppressedCount = (k: number): Count => ({ count: null, display: `<${k}` });
const shownCount = (count: number): Count => ({ count, display: String(count) });

/** Rule 3, after rounding: a question whose rounded `answered` is within k of the rounded total is folded too. */
function foldSmallDifferences(spec: SurveySpec, figures: Map<string, Figure>, k: number): void {
  const total = figures.get('total')!.shown;
  for (const question of spec.questions) {
    const answered = figures.get(`answered:${question.id}`)!;
    if (total === null || answered.shown === null || !answered.publishable) continue;
    if (total - answered.shown < k) {
      answered.publishable = false;
      answered.shown = null;
      answered.hiddenRange = [0, Number.POSITIVE_INFINITY];
    }
  }
}

/** Rule 4: one hidden figure in a sum gets company, the smallest shown one. */
function complement(group: string[], figures: Map<string, Figure>, hidden: Set<string>): void {
  if (group.filter((id) => hidden.has(id)).length !== 1) return;
  const next = smallestShown(group, figures, hidden);
  if (next) hidden.add(next);
}

function smallestShown(ids: readonly string[], figures: Map<string, Figure>, hidden: Set<string>): string | undefined {
  return ids
    .filter((id) => !hidden.has(id) && id !== 'total')
    .sort((a, b) => figures.get(a)!.truth - figures.get(b)!.truth || (a < b ? -1 : 1))[0];
}

/**
 * Rule 6: hide the smallest shown figure of a sum that `id` belongs to; when those sums show
 * nothing else, the sums their hidden members belong to, and so on (the pin came through them).
 */
function hideNextTo(id: string, relations: readonly Relation[], figures: Map<string, Figure>, hidden: Set<string>): void {
  const reached = new Set([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const mine = relations.filter((relation) => frontier.some((member) => relation.parent === member || relation.children.includes(member)));
    const next = smallestShown(mine.flatMap((relation) => [...relation.children, relation.parent]), figures, hidden);
    if (next) return void hidden.add(next);
    frontier = mine.flatMap((relation) => [relation.parent, ...relation.children]).filter((member) => !reached.has(member));
    for (const member of frontier) reached.add(member);
  }
  hidden.add('total'); // nothing else left to hide: the total goes too
}

function published(input: DiscloseInput, figures: Map<string, Figure>, { k, rounding }: { k: number; rounding: number }, openTotal: Count | null): SurveySummary {
  const suppressed = suppressedCount(k);
  const countOf = (id: string): Count => {
    const shown = figures.get(id)!.shown;
    return shown === null ? suppressed : shownCount(shown);
  };
  const total = countOf('total');
  const questions: QuestionSummary[] = input.spec.questions.map((question) => {
    const answeredFigure = figures.get(`answered:${question.id}`)!;
    const answered = answeredFigure.publishable ? countOf(`answered:${question.id}`) : answeredFigure.truth < k ? suppressed : total;
    const cells = question.options.map((option) => {
      const count = countOf(`cell:${question.id}:${String(option.value)}`);
      const percent = count.count === null || !answered.count ? null : Math.round((count.count / answered.count) * 100);
      return { value: option.value, label: option.label, ...count, percent };
    });
    const summary: QuestionSummary = { id: question.id, kind: question.kind, label: question.label, answered, cells };
    if (question.kind === 'rating') {
      summary.median = answered.count === null ? null : publishedMedian(cells.map((cell) => [Number(cell.value), cell.count]), answered.count, rounding);
      if (question.minLabel) summary.minLabel = question.minLabel;
      if (question.maxLabel) summary.maxLabel = question.maxLabel;
    }
    return summary;
  });
  return {
    format: SUMMARY_FORMAT,
    survey: input.spec.id,
    title: input.spec.title,
    k,
    rounding,
    unit: input.unit,
    range: input.range,
    filters: input.filters ?? {},
    total,
    series: input.series.map((period) => ({ start: period.start, end: period.end, ...countOf(`period:${period.start}`) })),
    open: { start: input.open.start, end: input.open.end, total: openTotal },
    questions,
  };
}

/**
 * The median the published figures fix, whatever the hidden cells hold, or null. Together the hidden
 * cells hold 0 to what `answered` leaves over the shown cells (plus their rounding). Mass moved to a
 * lower point never raises the median, and mass added at a point moves it towards that point, so
 * its lowest and highest values are reached with nothing hidden or all of it on one hidden point.
 * Computed from published figures only, it tells nothing they do not.
 */
function publishedMedian(cells: Array<[point: number, count: number | null]>, answered: number, rounding: number): number | null {
  const hiddenAt = cells.flatMap(([point, count]) => (count === null ? [point] : []));
  const shownSum = cells.reduce((sum, [, count]) => sum + (count ?? 0), 0);
  const most = Math.max(0, answered - shownSum) + (cells.length - hiddenAt.length + 1) * (rounding - 1);
  const medians = [null, ...hiddenAt].map((heavy) => median(cells.map(([point, count]) => [point, count ?? (point === heavy ? most : 0)])));
  return medians.every((value) => value !== null && value === medians[0]) ? medians[0]! : null;
}

/** The middle answer (the mean of the two middle ones for an even number). */
function median(distribution: Array<[point: number, count: number]>): number | null {
  const n = distribution.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [point, count] of distribution) if ((seen += count) > rank) return point;
    return distribution.at(-1)![0];
  };
  return (at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2))) / 2;
}

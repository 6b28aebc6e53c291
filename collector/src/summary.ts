import {
  defaultUnit,
  disclose,
  openPeriod,
  parseDay,
  PUBLIC_UNIT,
  summaryDay,
  summaryPeriods,
  surveySpec,
  unitsFor,
  type PeriodUnit,
  type SummaryFilters,
  type SurveySummary,
  type TalliedCounts,
} from 'encounter-survey/core';
import type { CountFilter, ResponseStore } from './store.js';
import type { SurveyRegistry } from './surveys.js';

/**
 * `GET /summary`: the query read and checked against the survey's configs, the counts read from the
 * pre-aggregated tables (a few thousand rows whatever the number of responses), and the disclosure
 * rules of `encounter-survey/core` applied to them. Nothing here decides what may be published.
 */
export interface SummaryQuery {
  surveyId: string;
  unit: PeriodUnit;
  from?: string;
  to?: string;
  filters: SummaryFilters;
  /** Not staff, and no range, filter or weeks chosen: the public window (the latest closed quarter). */
  public: boolean;
}

export type QueryCheck = { ok: true; query: SummaryQuery } | { ok: false; message: string };

/**
 * What anyone may read of a listed survey: nothing chosen but the survey (`unit=month` allowed):
 * the latest closed quarter by month. Anything else (from, to, version, locale, tag.*, weeks) is staff only.
 */
export function asksForPublicWindow(params: URLSearchParams): boolean {
  const chosen = [...params.keys()].some((key) => ['from', 'to', 'version', 'locale'].includes(key) || key.startsWith('tag.'));
  const unit = params.get('unit');
  return !chosen && (unit === null || unit === PUBLIC_UNIT);
}

/** `survey`, `unit` (week | month), `from`/`to` (days in the first and last period), `version`, `locale`, `tag.<name>`. */
export function readSummaryQuery(params: URLSearchParams, surveys: SurveyRegistry, { asStaff = false } = {}): QueryCheck {
  const surveyId = params.get('survey') ?? '';
  const configs = surveys.versions(surveyId);
  // Never finer than the coarsest time bucket of any of its files.
  const buckets = configs.map((config) => config.timeBucket);
  const isPublic = !asStaff && asksForPublicWindow(params);
  const unit = (params.get('unit') ?? (isPublic ? PUBLIC_UNIT : defaultUnit(...buckets))) as PeriodUnit;
  if (!unitsFor(...buckets).includes(unit)) return { ok: false, message: `unit must be ${unitsFor(...buckets).join(' or ')} for this survey (the timeBucket of its config files: ${[...new Set(buckets)].join(', ')}).` };
  const query: SummaryQuery = { surveyId, unit, filters: {}, public: isPublic };
  for (const name of ['from', 'to'] as const) {
    const day = params.get(name);
    if (day === null) continue;
    if (!parseDay(day)) return { ok: false, message: `${name} must be a day, YYYY-MM-DD.` };
    query[name] = day;
  }
  const version = params.get('version');
  if (version !== null) {
    if (!configs.some((config) => String(config.version) === version)) return { ok: false, message: `This survey has no version ${JSON.stringify(version)}.` };
    query.filters.version = version;
  }
  const locale = params.get('locale');
  if (locale !== null) {
    if (!configs.some((config) => config.locales.includes(locale))) return { ok: false, message: `This survey has no language ${JSON.stringify(locale)}.` };
    query.filters.locale = locale;
  }
  for (const [key, value] of params) {
    if (!key.startsWith('tag.')) continue;
    const name = key.slice(4);
    if (!configs.some((config) => Object.hasOwn(config.tags, name) && config.tags[name] === value)) {
      return { ok: false, message: `No config of this survey declares the tag ${name}=${JSON.stringify(value)}.` };
    }
    query.filters.tags = { ...query.filters.tags, [name]: value };
  }
  return { ok: true, query };
}

export interface SummaryRules {
  k: number;
  rounding: number;
  now: Date;
  /**
   * The first day retention keeps. A period that began before it is not summarised: it loses a day
   * of responses every day, and two days' figures would differ by one day's responses.
   */
  keptFrom?: string;
}

export async function readSummary(store: ResponseStore, surveys: SurveyRegistry, query: SummaryQuery, rules: SummaryRules): Promise<SurveySummary> {
  const { surveyId, unit, filters } = query;
  const periods = summaryPeriods(rules.now, { unit, from: query.from, to: query.to, public: query.public, ...(rules.keptFrom ? { keptFrom: rules.keptFrom } : {}) });
  const open = openPeriod(rules.now, unit);
  const range = periods.length > 0 ? { start: periods[0]!.start, end: periods.at(-1)!.end } : null;
  const filter: CountFilter = {
    surveyId,
    ...(filters.version !== undefined ? { version: filters.version } : {}),
    ...(filters.locale !== undefined ? { locales: [filters.locale] } : {}),
    ...(filters.tags ? { tags: filters.tags } : {}),
  };
  const spec = surveySpec(surveyId, surveys.versions(surveyId), filters.version);
  const [raw, byPeriod, openTotal] = await Promise.all([
    range ? store.counts({ ...filter, receivedFrom: range.start, receivedBefore: range.end }) : null,
    range ? store.periodTotals({ ...filter, receivedFrom: range.start, receivedBefore: range.end }, unit) : new Map<string, { count: number; key: number }>(),
    // Over the open period's days that are over: it moves once a day at most.
    store.total({ ...filter, receivedFrom: open.start, receivedBefore: summaryDay(rules.now) }),
  ]);
  // Each count with its cell key (the sum of its responses' record keys): the rounding of core's cell-key method.
  const counts: TalliedCounts = { total: raw?.total ?? 0, questions: {} };
  const keys: Omit<TalliedCounts, 'keys'> = { total: raw?.totalKey ?? 0, questions: {} };
  for (const question of spec.questions) {
    const answered = raw?.answered.get(question.id);
    counts.questions[question.id] = { answered: answered?.count ?? 0, values: {} };
    keys.questions[question.id] = { answered: answered?.key ?? 0, values: {} };
  }
  for (const { question, value, count, key } of raw?.cells ?? []) {
    if (!Object.hasOwn(counts.questions, question)) continue;
    counts.questions[question]!.values[value] = count;
    keys.questions[question]!.values[value] = key;
  }
  return disclose({
    spec,
    counts: { ...counts, keys },
    range,
    unit,
    series: periods.map((period) => ({ ...period, total: byPeriod.get(period.start)?.count ?? 0, key: byPeriod.get(period.start)?.key ?? 0 })),
    open: { ...open, total: openTotal.count, key: openTotal.key },
    filters,
    k: rules.k,
    rounding: rules.rounding,
  });
}

import type { TimeBucket } from '../config/schema.js';
import type { Period, PeriodUnit } from './types.js';

/**
 * Calendar periods in UTC, as `YYYY-MM-DD` days: ISO weeks (Monday to Sunday) and months. A period
 * is closed once its last day has ended; only closed periods are ever broken down. Responses count
 * in the period in which they were received, so a late delivery never changes a closed period.
 */
const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The date of a `YYYY-MM-DD` day, or null when it is not one (`2026-13-45` is not). */
export function parseDay(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dayOf(date) === day ? date : null;
}

const mustParse = (day: string): Date => {
  const date = parseDay(day);
  if (!date) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  return date;
};

/**
 * The units a survey may be broken down by: never finer than the time bucket of any of its config
 * files (versions, sites), and at least a week.
 */
export function unitsFor(...timeBuckets: TimeBucket[]): PeriodUnit[] {
  return timeBuckets.includes('month') ? ['month'] : ['week', 'month'];
}

export const defaultUnit = (...timeBuckets: TimeBucket[]): PeriodUnit => unitsFor(...timeBuckets)[0]!;

/** The first day of the period that holds `day`. */
export function periodStart(day: string, unit: PeriodUnit): string {
  const date = mustParse(day);
  if (unit === 'month') return dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return dayOf(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** The first day after the period that starts on `start`. */
export function periodEnd(start: string, unit: PeriodUnit): string {
  const date = mustParse(start);
  if (unit === 'month') return dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
  return dayOf(new Date(date.getTime() + 7 * DAY_MS));
}

export const periodOf = (day: string, unit: PeriodUnit): Period => {
  const start = periodStart(day, unit);
  return { start, end: periodEnd(start, unit) };
};

/**
 * A day counts as over for summaries an hour after its last midnight (UTC): a response received at
 * 23:59 whose write commits a moment later, or sent to an instance whose clock lags, still lands
 * before its period is broken down.
 */
export const CLOSING_GRACE_MS = 3_600_000;

/** The day a summary made at `now` treats as today: every earlier day is over. */
export const summaryDay = (now: Date): string => dayOf(new Date(now.getTime() - CLOSING_GRACE_MS));

/** The period still open at `now`. */
export const openPeriod = (now: Date, unit: PeriodUnit): Period => periodOf(summaryDay(now), unit);

export interface RangeRequest {
  unit: PeriodUnit;
  /** A day in the first period wanted; default: `count` periods before the open one. */
  from?: string;
  /** A day in the last period wanted; default: the last closed period. */
  to?: string;
  /** Periods when `from` is not given. Default 12. */
  count?: number;
}

/**
 * The closed periods asked for, oldest first (never the open one, nor any later): whole periods
 * from the one holding `from` to the one holding `to`. Empty when none has closed in that span.
 */
export function closedPeriods(now: Date, { unit, from, to, count = 12 }: RangeRequest): Period[] {
  const open = openPeriod(now, unit);
  let last = to === undefined ? null : periodStart(to, unit);
  if (last === null || last >= open.start) last = previousStart(open.start, unit);
  let first = from === undefined ? null : periodStart(from, unit);
  if (first === null) {
    first = last;
    for (let n = 1; n < Math.max(1, count); n += 1) first = previousStart(first, unit);
  }
  const periods: Period[] = [];
  for (let start = first; start <= last && periods.length < 520; start = periodEnd(start, unit)) {
    periods.push({ start, end: periodEnd(start, unit) });
  }
  return periods;
}

function previousStart(start: string, unit: PeriodUnit): string {
  return periodStart(dayOf(new Date(mustParse(start).getTime() - DAY_MS)), unit);
}

import { closedPeriods, dayOf, parseDay, periodEnd, summaryDay, type RangeRequest } from './periods.js';
import type { Period, PeriodUnit } from './types.js';

/**
 * Which closed periods a summary covers. The public window is a fixed block, never a sliding one:
 * the latest calendar quarter that has closed, by month. Two public summaries therefore cover the
 * same quarter (and publish the same figures: the quarter is closed, and a response counts on the
 * day it was received, so nothing in it changes) or two quarters that share no day. A window that
 * slid one period at a time made the difference of two summaries one period's answers (issue #22:
 * "crisis <11" became "crisis 10" when one week closed, while that week's own count read "<11").
 *
 * One unit only: a block of weeks never covers the same days as a block of months, so a week
 * summary and a month summary of "the same" quarter would differ by a few days' answers.
 */
export const PUBLIC_UNIT: PeriodUnit = 'month';

/** The calendar quarter that holds `day`. */
export function quarterOf(day: string): Period {
  const date = parseDay(day);
  if (!date) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  const first = date.getUTCMonth() - (date.getUTCMonth() % 3);
  return { start: dayOf(new Date(Date.UTC(date.getUTCFullYear(), first, 1))), end: dayOf(new Date(Date.UTC(date.getUTCFullYear(), first + 3, 1))) };
}

/** The months of the latest quarter closed at `now`, oldest first (the public window). */
export function publicPeriods(now: Date): Period[] {
  const current = quarterOf(summaryDay(now));
  const previous = quarterOf(dayOf(new Date(parseDay(current.start)!.getTime() - 86_400_000)));
  const periods: Period[] = [];
  for (let start = previous.start; start < previous.end; start = periodEnd(start, PUBLIC_UNIT)) periods.push({ start, end: periodEnd(start, PUBLIC_UNIT) });
  return periods;
}

export interface WindowRequest extends RangeRequest {
  /** The public window (nothing chosen): the latest closed quarter, by month. */
  public?: boolean;
  /** The first day retention keeps: periods that began before it are left out; the public quarter is whole or not at all. */
  keptFrom?: string;
}

/** The closed periods a summary covers: the public quarter, or the range staff chose (see `closedPeriods`). */
export function summaryPeriods(now: Date, { public: isPublic = false, keptFrom, ...range }: WindowRequest): Period[] {
  if (isPublic) {
    if (range.from !== undefined || range.to !== undefined || range.unit !== PUBLIC_UNIT) {
      throw new RangeError(`A public summary covers the latest closed quarter by ${PUBLIC_UNIT}: it takes no from, to or other unit.`);
    }
    const quarter = publicPeriods(now);
    return keptFrom !== undefined && quarter[0]!.start < keptFrom ? [] : quarter;
  }
  return closedPeriods(now, range).filter((period) => keptFrom === undefined || period.start >= keptFrom);
}

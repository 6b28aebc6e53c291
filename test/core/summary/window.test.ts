// The public window cannot be differenced (issue #22, catalogue 53): fast-check over random
// populations, "window t vs t + 1" (and any two days), and every pair of queries a public reader can
// make. Two public summaries either cover the same quarter with the same figures, or share no day.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { summarize, type SummarizeOptions } from '../../../src/core/summary/summarize.js';
import type { SummaryFilters, SurveySummary } from '../../../src/core/summary/types.js';
import { publicPeriods, quarterOf } from '../../../src/core/summary/window.js';
import { config, figuresOf, many, response } from './fixtures.js';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2025, 9, 1); // 1 October 2025
const dayAt = (index: number) => new Date(FIRST + index * DAY_MS).toISOString().slice(0, 10);
const SPAN = 460; // to early January 2027: five quarter ends, a year end, a leap-free February
const TYPES = ['emotional', 'social', 'information', 'crisis', 'other'];

const responseArb = fc
  .record({
    day: fc.integer({ min: 0, max: SPAN }).map(dayAt),
    site: fc.constantFrom('north', 'north', 'south'),
    types: fc.option(fc.subarray(TYPES, { minLength: 1, maxLength: 2 }), { freq: 6 }),
    helped: fc.option(fc.constantFrom('yes', 'yes', 'no', 'unsure'), { freq: 4 }),
  })
  .map(({ types, helped, ...rest }) => response({ ...rest, types: types ?? undefined, helped: helped ?? undefined }));
// Days are kept sorted so "received by now" is a prefix: what a collector would hold at that moment.
const populationArb = fc.array(responseArb, { minLength: 40, maxLength: 200 }); // large enough that figures are shown
const at = (index: number, hour = 12) => new Date(FIRST + index * DAY_MS + hour * 3_600_000);
/** Everything received before the summary's day is over (later responses are not there yet). */
const receivedBy = (population: ReturnType<typeof response>[], now: Date) => population.filter((s) => new Date(s.submittedAt).getTime() < now.getTime());

/** Every query a reader could make: a unit or none, a range or none, any filter. Only some are public. */
const FILTERS: SummaryFilters[] = [{}, { tags: { site: 'north' } }, { locale: 'es' }, { version: '1' }];
const queryArb = fc.record({
  unit: fc.constantFrom<'week' | 'month' | undefined>(undefined, 'week', 'month'),
  filters: fc.constantFrom(...FILTERS),
  from: fc.option(fc.constantFrom('2025-11-10', '2026-02-01'), { nil: undefined }),
});

function publicSummary(population: ReturnType<typeof response>[], now: Date, query: { unit?: 'week' | 'month'; filters: SummaryFilters; from?: string } = { filters: {} }): SurveySummary | 'refused' {
  const options: SummarizeOptions = { config, now, public: true, filters: query.filters, ...(query.unit ? { unit: query.unit } : {}), ...(query.from ? { from: query.from } : {}) };
  try {
    return summarize(receivedBy(population, now), options);
  } catch (error) {
    if (error instanceof RangeError) return 'refused';
    throw error;
  }
}

const withoutOpen = (summary: SurveySummary) => new Map([...figuresOf(summary)].map(([id, count]) => [id, count.display]));

/** The two summaries cover the same quarter with the same figures, or share no day. */
function expectSameOrDisjoint(a: SurveySummary, b: SurveySummary) {
  if (a.range === null || b.range === null) return;
  const overlap = a.range.start < b.range.end && b.range.start < a.range.end;
  if (!overlap) return;
  expect(b.range).to.deep.equal(a.range);
  expect(withoutOpen(b)).to.deep.equal(withoutOpen(a));
}

describe('the public window: fixed quarters that cannot be differenced (fast-check)', function () {
  this.timeout(120_000);

  it('the public window is the latest closed calendar quarter, by month', () => {
    expect(publicPeriods(new Date('2026-04-01T00:30:00Z')).map((p) => p.start)).to.deep.equal(['2025-10-01', '2025-11-01', '2025-12-01']);
    expect(publicPeriods(new Date('2026-04-01T01:00:00Z')).map((p) => p.start)).to.deep.equal(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(publicPeriods(new Date('2026-12-31T12:00:00Z')).at(-1)).to.deep.equal({ start: '2026-09-01', end: '2026-10-01' });
    expect(quarterOf('2028-02-29')).to.deep.equal({ start: '2028-01-01', end: '2028-04-01' });
  });

  it('window t vs t + 1 (a day, a week, a month or any later day): the same quarter with the same figures, or no day in common', () => {
    fc.assert(
      fc.property(populationArb, fc.integer({ min: 0, max: SPAN - 1 }), fc.oneof(fc.constantFrom(1, 7, 31), fc.integer({ min: 1, max: SPAN })), (population, t, step) => {
        const a = publicSummary(population, at(t));
        const b = publicSummary(population, at(Math.min(SPAN, t + step)));
        if (a === 'refused' || b === 'refused') throw new Error('the plain public query is never refused');
        expectSameOrDisjoint(a, b);
      }),
      { numRuns: 150 },
    );
  });

  it('every pair of queries a public reader can make: any that is answered is the one public summary (or disjoint from it in time)', () => {
    fc.assert(
      fc.property(populationArb, queryArb, queryArb, fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 0, max: SPAN }), (population, q1, q2, t1, t2) => {
        const answers = [publicSummary(population, at(t1), q1), publicSummary(population, at(t2), q2)];
        for (const [answer, query] of [[answers[0], q1], [answers[1], q2]] as const) {
          // Filters, a chosen range and weeks are for staff only.
          const chooses = query.unit === 'week' || query.from !== undefined || Object.keys(query.filters).length > 0;
          expect(answer === 'refused', JSON.stringify(query)).to.equal(chooses);
        }
        if (answers[0] !== 'refused' && answers[1] !== 'refused') expectSameOrDisjoint(answers[0], answers[1]);
      }),
      { numRuns: 150 },
    );
  });

  it('regression (issue #22): 11 emotional, 11 social, 1 crisis, then 9 crisis; one crisis response later changes no published figure until its whole quarter is shown', () => {
    const population = [
      ...many(11, { day: '2026-01-05', types: ['emotional'], helped: 'yes' }),
      ...many(11, { day: '2026-01-06', types: ['social'], helped: 'yes' }),
      response({ day: '2026-01-07', types: ['crisis'], helped: 'no' }),
      ...many(9, { day: '2026-02-03', types: ['crisis'], helped: 'no' }),
      response({ day: '2026-03-18', types: ['crisis'], helped: 'no' }),
    ];
    const shown = ['2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07'].map((day) => publicSummary(population, new Date(`${day}T12:00:00Z`)) as SurveySummary);
    for (let i = 1; i < shown.length; i += 1) expectSameOrDisjoint(shown[i - 1]!, shown[i]!);
    // Until 1 April the public window is the last quarter of 2025; from then, the whole first quarter.
    expect(shown.map((summary) => summary.range?.start)).to.deep.equal(['2025-10-01', '2025-10-01', '2025-10-01', '2026-01-01']);
  });
});

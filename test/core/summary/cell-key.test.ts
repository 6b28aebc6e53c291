// Record-key perturbation (the ONS/ABS cell-key method, issue #22, catalogue 54): the perturbation
// table's guarantees, and with fast-check, that the same set of responses gets the same published
// figure in every table, range, unit and filter, so asking many overlapping questions averages nothing.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Submission } from '../../../src/core/submission-schema.js';
import { KEY_RANGE, cellKey, perturbation, perturbed } from '../../../src/core/summary/cell-key.js';
import { summarize, type SummarizeOptions } from '../../../src/core/summary/summarize.js';
import type { SummaryFilters, SurveySummary } from '../../../src/core/summary/types.js';
import { NOW, config, many, response } from './fixtures.js';

const DAYS = Array.from({ length: 74 }, (_, i) => new Date(Date.UTC(2026, 1, 1 + i)).toISOString().slice(0, 10)); // 1 Feb – 15 Apr
const TYPES = ['emotional', 'social', 'information', 'crisis', 'other'];

describe('the perturbation table', () => {
  it('is bounded, zero-preserving, unbiased, and lands on a multiple of the step', () => {
    for (const step of [5, 10]) {
      for (let count = 0; count < 40; count += 1) {
        let sum = 0;
        const columns = 1000;
        for (let column = 0; column < columns; column += 1) {
          const key = Math.floor(((column + 0.5) / columns) * KEY_RANGE);
          const noise = perturbation(count, key, step);
          expect(Math.abs(noise)).to.be.below(step);
          expect((count + noise) % step).to.equal(0);
          sum += noise;
        }
        expect(Math.abs(sum / columns), `mean noise at ${count}`).to.be.below(0.01);
      }
      expect(perturbation(0, 12345, step)).to.equal(0);
      expect(perturbed(0, KEY_RANGE - 1, step)).to.equal(0);
    }
  });

  it('the cell key is the sum of record keys modulo the range, in any order', () => {
    expect(cellKey([KEY_RANGE - 1, 2])).to.equal(1);
    expect(cellKey([5, 7, 11])).to.equal(cellKey([11, 5, 7]));
    expect(cellKey([])).to.equal(0);
  });
});

const responseArb = fc
  .record({
    day: fc.constantFrom(...DAYS),
    site: fc.constantFrom('north', 'north', 'south'),
    locale: fc.constantFrom('en', 'en', 'es'),
    types: fc.option(fc.subarray(TYPES, { minLength: 1, maxLength: 2 }), { freq: 6 }),
    helped: fc.option(fc.constantFrom('yes', 'yes', 'no', 'unsure'), { freq: 4 }),
    heard: fc.option(fc.constantFrom(5, 4, 3), { freq: 3 }),
  })
  .map(({ types, helped, heard, ...rest }) => response({ ...rest, types: types ?? undefined, helped: helped ?? undefined, heard: heard ?? undefined }));

const FILTERS: SummaryFilters[] = [{}, { tags: { site: 'north' } }, { tags: { site: 'south' } }, { locale: 'en' }, { locale: 'es' }, { version: '1' }];
const RANGES = [{}, { from: '2026-02-01', to: '2026-02-28' }, { from: '2026-03-01', to: '2026-03-31' }, { from: '2026-02-01', to: '2026-03-31' }, { from: '2026-02-09', to: '2026-03-22' }];
const queryArb = fc.record({ filters: fc.constantFrom(...FILTERS), range: fc.constantFrom(...RANGES), unit: fc.constantFrom<'week' | 'month'>('week', 'month') });

/** Every published figure of a summary with the ids of the responses it counts. */
function figuresWithSets(population: Submission[], summary: SurveySummary, filters: SummaryFilters): Array<{ name: string; ids: string; count: number | null }> {
  const day = (s: Submission) => s.submittedAt.slice(0, 10);
  const mine = population.filter(
    (s) =>
      summary.range !== null && day(s) >= summary.range.start && day(s) < summary.range.end &&
      (filters.locale === undefined || s.locale === filters.locale) &&
      Object.entries(filters.tags ?? {}).every(([name, value]) => s.tags[name] === value),
  );
  const idsOf = (list: Submission[]) => list.map((s) => s.id).sort().join(',');
  const out = [{ name: 'total', ids: idsOf(mine), count: summary.total.count }];
  for (const question of summary.questions) {
    const answered = mine.filter((s) => Object.hasOwn(s.answers, question.id));
    // A folded "answered" is published as the total: it counts the total's responses.
    const folded = question.answered.count !== null && question.answered.count === summary.total.count && answered.length !== mine.length;
    if (!folded) out.push({ name: `answered:${question.id}`, ids: idsOf(answered), count: question.answered.count });
    for (const cell of question.cells) out.push({ name: `cell:${question.id}:${cell.value}`, ids: idsOf(answered.filter((s) => [s.answers[question.id]].flat().includes(cell.value))), count: cell.count });
  }
  for (const point of summary.series) out.push({ name: `period:${point.start}`, ids: idsOf(mine.filter((s) => day(s) >= point.start && day(s) < point.end)), count: point.count });
  return out;
}

describe('cell-key rounding: the same responses, the same figure (fast-check)', function () {
  this.timeout(120_000);

  it('across every pair of queries (filters, ranges, units, tables), figures counting the same responses are published the same', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(responseArb, { minLength: 40, maxLength: 160 }), fc.array(queryArb, { minLength: 2, maxLength: 4 }), fc.integer(), (population, queries, seed) => {
        const keys = new Map(population.map((s, i) => [s.id, Math.abs(Math.imul(seed ^ (i + 1), 2654435761)) % KEY_RANGE]));
        const recordKey = (s: Submission) => keys.get(s.id)!;
        const seen = new Map<string, { count: number; where: string }>();
        // Always one pair that selects the same responses under another name: no filter and the only version.
        const [first] = queries as [(typeof queries)[0]];
        for (const query of [...queries, { ...first, filters: {} }, { ...first, filters: { version: '1' } }]) {
          const options: SummarizeOptions = { config, now: NOW, unit: query.unit, filters: query.filters, ...query.range, recordKey };
          const summary = summarize(population, options);
          // Asking again changes nothing.
          expect(summarize(population, options)).to.deep.equal(summary);
          for (const { name, ids, count } of figuresWithSets(population, summary, query.filters)) {
            if (count === null || ids === '') continue;
            const earlier = seen.get(ids);
            if (earlier) {
              compared += 1;
              expect(count, `${name} of ${JSON.stringify(query)} vs ${earlier.where}`).to.equal(earlier.count);
            }
            else seen.set(ids, { count, where: `${name} of ${JSON.stringify(query)}` });
          }
        }
      }),
      { numRuns: 120 },
    );
    expect(compared, 'figures compared across queries').to.be.above(500);
  });

  it('the open total: padding one response at a time finds no fixed flip point (its cell key moves with every response)', () => {
    // Figure-keyed rounding gave the open period one rounding for its whole life: published(n) grew with n
    // and flipped at one findable n. With record keys every added response draws the rounding again.
    let state = 7;
    const draw = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % KEY_RANGE;
    const keys = new Map<string, number>();
    const recordKey = (s: Submission) => keys.get(s.id) ?? (keys.set(s.id, draw()), keys.get(s.id)!);
    const padding: Submission[] = [];
    const shown: number[] = [];
    for (let n = 0; n < 60; n += 1) {
      padding.push(...many(1, { day: '2026-04-13' }));
      if (n >= 20) shown.push(summarize(padding, { config, now: NOW, unit: 'week', recordKey }).open.total!.count!);
    }
    const monotone = shown.every((value, i) => i === 0 || value >= shown[i - 1]!);
    expect(monotone, shown.join(' ')).to.equal(false);
    for (const [i, value] of shown.entries()) expect(Math.abs(value - (i + 21))).to.be.below(10);
  });
});

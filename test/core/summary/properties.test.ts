// Property tests of the disclosure rules (fast-check): random populations over three months and two
// sites, every supported filter, both roundings. Failing cases shrink to a small population.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Submission } from '../../../src/core/submission-schema.js';
import { KEY_RANGE } from '../../../src/core/summary/cell-key.js';
import { summarize, type SummarizeOptions } from '../../../src/core/summary/summarize.js';
import type { SummaryFilters } from '../../../src/core/summary/types.js';
import { NOW, attack, config, many, response } from './fixtures.js';

const DAYS = Array.from({ length: 74 }, (_, i) => new Date(Date.UTC(2026, 1, 1 + i)).toISOString().slice(0, 10)); // 1 Feb – 15 Apr
const TYPES = ['emotional', 'social', 'information', 'crisis', 'other'];

/** Skewed on purpose: most answers pile on a few values, so small cells, skips and zeros are common. */
const responseArb = fc
  .record({
    day: fc.constantFrom(...DAYS),
    site: fc.constantFrom('north', 'north', 'south'),
    locale: fc.constantFrom('en', 'en', 'es'),
    types: fc.option(fc.subarray(TYPES, { minLength: 1, maxLength: 3 }), { freq: 6 }),
    helped: fc.option(fc.constantFrom('yes', 'yes', 'yes', 'no', 'unsure'), { freq: 4 }),
    heard: fc.option(fc.constantFrom(5, 5, 4, 4, 3, 1), { freq: 3 }),
  })
  .map(({ types, helped, heard, ...rest }) => response({ ...rest, types: types ?? undefined, helped: helped ?? undefined, heard: heard ?? undefined }));

const populationArb = fc.array(responseArb, { maxLength: 160 });
const roundingArb = fc.constantFrom(1, 5, 10);
const kArb = fc.constantFrom(5, 11);
const keyArb = fc.option(fc.string({ minLength: 1, maxLength: 8 }), { freq: 2 });
const unitArb = fc.constantFrom<'week' | 'month'>('week', 'month');

/** Every filter the staff API supports, and the filter that differs from it by one value. */
const filterPairs: Array<[whole: SummaryFilters, part: SummaryFilters]> = [
  [{}, { tags: { site: 'north' } }],
  [{}, { tags: { site: 'south' } }],
  [{}, { locale: 'es' }],
  [{}, { version: '1' }],
  [{ tags: { site: 'north' } }, { tags: { site: 'north' }, locale: 'en' }],
  [{ locale: 'en' }, { locale: 'en', tags: { site: 'south' } }],
];

/** Record keys as a receiver draws them (here from a seed, so a failing case replays): `null`, none (nearest rounding). */
function keyedNoise(key: string | null) {
  if (key === null) return undefined;
  return (submission: Submission) => {
    let hash = 2166136261;
    for (const char of `${key}|${submission.id}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    return hash % KEY_RANGE;
  };
}

/** The true value of every figure name the attacker uses, for a population under a filter. */
function truths(population: Submission[], options: SummarizeOptions, filters: SummaryFilters) {
  const summary = summarize(population, { ...options, filters });
  const range = summary.range;
  const mine = population.filter(
    (s) =>
      range !== null &&
      s.submittedAt.slice(0, 10) >= range.start &&
      s.submittedAt.slice(0, 10) < range.end &&
      (filters.locale === undefined || s.locale === filters.locale) &&
      (filters.version === undefined || String(s.survey.version) === filters.version) &&
      Object.entries(filters.tags ?? {}).every(([name, value]) => s.tags[name] === value),
  );
  const values = new Map<string, number>([['total', mine.length]]);
  for (const question of summary.questions) {
    const answered = mine.filter((s) => Object.hasOwn(s.answers, question.id));
    values.set(`answered:${question.id}`, answered.length);
    values.set(`skipped:${question.id}`, mine.length - answered.length);
    for (const cell of question.cells) {
      values.set(`cell:${question.id}:${String(cell.value)}`, answered.filter((s) => [s.answers[question.id]].flat().includes(cell.value)).length);
    }
  }
  for (const point of summary.series) values.set(`period:${point.start}`, mine.filter((s) => s.submittedAt.slice(0, 10) >= point.start && s.submittedAt.slice(0, 10) < point.end).length);
  return { summary, values };
}

describe('disclosure rules, for random populations and every filter (fast-check)', function () {
  this.timeout(120_000);

  it('a response received in the open period changes no published breakdown', () => {
    fc.assert(
      fc.property(populationArb, responseArb, fc.constantFrom(...filterPairs.flat()), unitArb, keyArb, (population, extra, filters, unit, key) => {
        const late = { ...extra, submittedAt: `${DAYS.at(-1)}T00:00:00.000Z` }; // today: the open period
        const options: SummarizeOptions = { config, now: NOW, unit, filters, recordKey: keyedNoise(key) };
        const before = summarize(population, options);
        const after = summarize([...population, late], options);
        expect({ ...after, open: null }).to.deep.equal({ ...before, open: null });
      }),
      { numRuns: 60 },
    );
  });

  /** Pins of counts below k to their true value, as `id pinned to value`. */
  function disclosed(population: Submission[], options: SummarizeOptions, wholeFilter: SummaryFilters, partFilter?: SummaryFilters): string[] {
    const whole = truths(population, options, wholeFilter);
    const part = partFilter ? truths(population, options, partFilter) : undefined;
    const truthOf = (id: string) => {
      const name = id.slice(2);
      if (id.startsWith('w:')) return whole.values.get(name);
      if (id.startsWith('p:')) return part!.values.get(name);
      return (whole.values.get(name) ?? 0) - (part!.values.get(name) ?? 0);
    };
    const found: string[] = [];
    for (const [id, value] of attack(whole.summary, part?.summary, { random: options.recordKey !== undefined })) {
      const truth = truthOf(id);
      if (truth !== undefined && truth < (options.k ?? 11) && truth === value) found.push(`${id} pinned to ${value}`);
    }
    return found;
  }

  it('no hidden count below k can be worked out from the other figures of a summary (any rounding, even none)', () => {
    fc.assert(
      fc.property(populationArb, fc.constantFrom(...filterPairs.flat()), unitArb, kArb, roundingArb, keyArb, (population, filters, unit, k, rounding, key) => {
        const options: SummarizeOptions = { config, now: NOW, unit, k, rounding, recordKey: keyedNoise(key) };
        expect(disclosed(population, options, filters)).to.deep.equal([]);
      }),
      { numRuns: 150 },
    );
  });

  // Across two summaries it is the keyed random rounding (the collector's) that protects: rounding to the
  // nearest multiple leaves edges an attacker can meet exactly (the regression test below).
  it('nor from two summaries whose filters differ by one value (site A + the rest vs all sites), keyed rounding to 5 or 10', () => {
    fc.assert(
      fc.property(populationArb, fc.constantFrom(...filterPairs), unitArb, kArb, fc.constantFrom(5, 10), fc.string({ minLength: 1, maxLength: 8 }), (population, [whole, part], unit, k, rounding, key) => {
        const options: SummarizeOptions = { config, now: NOW, unit, k, rounding, recordKey: keyedNoise(key) };
        expect(disclosed(population, options, whole, part)).to.deep.equal([]);
      }),
      { numRuns: 150 },
    );
  });

  it('regression (found by the property above): all sites vs north at k = 5 pins nothing with keyed rounding, and pins the skips with nearest rounding', () => {
    // 9 responses in one week, 8 from north; 4 of north skipped "heard". Rounded to the nearest 5, north's
    // total "10" means at least 8, and the skips folded into all sites' "heard" mean at most 4 skipped:
    // so north is exactly 8 and its skips exactly 4. Keyed random rounding widens "10" to 6–14.
    const population = [
      ...many(4, { day: '2026-02-01', site: 'north' }),
      ...many(4, { day: '2026-02-01', site: 'north', heard: 5 }),
      response({ day: '2026-02-01', site: 'south', heard: 5 }),
    ];
    const nearest: SummarizeOptions = { config, now: NOW, unit: 'week', k: 5, rounding: 5 };
    expect(disclosed(population, nearest, {}, { tags: { site: 'north' } })).to.include('w:skipped:heard pinned to 4');
    for (const key of ['a', 'staff', 'k3y', 'another secret']) {
      expect(disclosed(population, { ...nearest, recordKey: keyedNoise(key) }, {}, { tags: { site: 'north' } }), key).to.deep.equal([]);
    }
  });

  it('every option is listed and suppressed cells carry no percentage', () => {
    fc.assert(
      fc.property(populationArb, unitArb, kArb, (population, unit, k) => {
        const summary = summarize(population, { config, now: NOW, unit, k });
        expect(summary.questions.find((q) => q.id === 'types')!.cells.map((cell) => cell.value)).to.deep.equal(TYPES);
        for (const question of summary.questions) {
          for (const cell of question.cells) {
            if (cell.count === null) expect([cell.display, cell.percent]).to.deep.equal([`<${k}`, null]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

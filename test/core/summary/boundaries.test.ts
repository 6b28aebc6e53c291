// Boundaries the mutation testing of issue #22 found unguarded: a count of exactly k is published
// and k − 1 is not (for the total, a cell and a period), and a `to` inside the open period breaks
// nothing of it down.
import { expect } from '@open-wc/testing';
import { summarize } from '../../../src/core/summary/summarize.js';
import { NOW, config, many } from './fixtures.js';

const march = { config, now: NOW, unit: 'month' as const, from: '2026-03-01', to: '2026-03-31' };
// Every question answered, so no skip count below k sits beside the total.
const full = { day: '2026-03-10', helped: 'yes', types: ['emotional'], heard: 5 };
const helped = (summary: ReturnType<typeof summarize>, value: string) => summary.questions.find((q) => q.id === 'helped')!.cells.find((c) => c.value === value)!;

describe('disclosure rules at exactly k and k − 1', () => {
  for (const k of [5, 11]) {
    it(`k = ${k}: a cell of exactly k is shown, k − 1 reads "<${k}"`, () => {
      // yes k, no k − 1, unsure 0: two hidden cells, so no complementary suppression touches "yes".
      const population = [...many(k, { day: '2026-03-10', helped: 'yes' }), ...many(k - 1, { day: '2026-03-10', helped: 'no' })];
      const summary = summarize(population, { ...march, k, rounding: 1 });
      expect([helped(summary, 'yes').display, helped(summary, 'yes').count]).to.deep.equal([String(k), k]);
      expect([helped(summary, 'no').display, helped(summary, 'no').count]).to.deep.equal([`<${k}`, null]);
    });

    it(`k = ${k}: a total of exactly k is shown, k − 1 hides everything`, () => {
      // Rounded to 5 (to the nearest): with exact figures, "everyone said yes" would pin the other options to 0.
      const exactlyK = summarize(many(k, full), { ...march, k });
      expect(exactlyK.total.display).to.equal(String(Math.round(k / 5) * 5));
      const small = summarize(many(k - 1, full), { ...march, k });
      expect([small.total.display, small.total.count]).to.deep.equal([`<${k}`, null]);
      expect(helped(small, 'yes').display).to.equal(`<${k}`);
    });
  }

  it('the open period total: exactly k is shown (rounded to 10), k − 1 reads "<k"', () => {
    expect(summarize(many(11, { day: '2026-04-13' }), { ...march }).open.total?.display).to.equal('10');
    expect(summarize(many(10, { day: '2026-04-13' }), { ...march }).open.total?.display).to.equal('<11');
  });

  it('`to` inside the open period stops at the last closed one, and a response received in the open period moves nothing', () => {
    const population = many(30, { day: '2026-03-10', helped: 'yes' });
    const options = { config, now: NOW, unit: 'month' as const, from: '2026-03-01', to: '2026-04-20' };
    const before = summarize(population, options);
    expect(before.range).to.deep.equal({ start: '2026-03-01', end: '2026-04-01' });
    const after = summarize([...population, ...many(12, { day: '2026-04-14', helped: 'no' })], options);
    expect({ ...after, open: null }).to.deep.equal({ ...before, open: null });
  });
});

// The attacks of issue #12, as regression tests: each worked against the old exact, live summary.
import { expect } from '@open-wc/testing';
import { KEY_RANGE } from '../../../src/core/summary/cell-key.js';
import { summarize, type SummarizeOptions } from '../../../src/core/summary/summarize.js';
import type { Submission } from '../../../src/core/submission-schema.js';
import { NOW, attack, config, many, response } from './fixtures.js';

const march: Omit<SummarizeOptions, 'config'> = { now: NOW, unit: 'month', from: '2026-03-01', to: '2026-03-31' };
const withoutOpen = (summary: ReturnType<typeof summarize>) => ({ ...summary, open: null });

describe('the attacks of issue #12', () => {
  it('before/after one response: a response received now changes no published breakdown', () => {
    const before = [...many(40, { day: '2026-03-05', types: ['emotional'], helped: 'yes', heard: 4 }), ...many(12, { day: '2026-04-13', types: ['social'] })];
    const one = response({ day: '2026-04-15', types: ['crisis'], helped: 'no', heard: 1 });
    const a = summarize(before, { config, now: NOW, unit: 'month' });
    const b = summarize([...before, one], { config, now: NOW, unit: 'month' });
    expect(withoutOpen(b)).to.deep.equal(withoutOpen(a));
    // The open month's total alone, rounded to 10: 12 and 13 both read 10.
    expect([a.open.total!.display, b.open.total!.display]).to.deep.equal(['10', '10']);
    expect(JSON.stringify(b)).not.to.contain('crisis":{');
  });

  it('a late delivery from an offline kiosk counts when it is received, so a closed period never changes', () => {
    const received = new Map<string, string>();
    const late = response({ day: '2026-03-31', types: ['crisis'] });
    received.set(late.id, '2026-04-14');
    const receivedDay = (s: Submission) => received.get(s.id) ?? s.submittedAt.slice(0, 10);
    const base = many(30, { day: '2026-03-05', types: ['emotional'] });
    expect(withoutOpen(summarize([...base, late], { ...march, config, receivedDay }))).to.deep.equal(withoutOpen(summarize(base, { ...march, config, receivedDay })));
  });

  it('padding: 50 known answers no longer let published − fake recover the real ones', () => {
    const fake = many(50, { types: ['emotional'], helped: 'yes', heard: 5 });
    const realA = [response({ types: ['crisis'], helped: 'no', heard: 1 }), response({ types: ['social'], helped: 'unsure', heard: 2 }), response({ types: ['information'], helped: 'yes', heard: 3 })];
    const realB = [response({ types: ['social'], helped: 'no', heard: 2 }), response({ types: ['social'], helped: 'no', heard: 1 }), response({ types: ['crisis'], helped: 'yes', heard: 3 })];
    const a = summarize([...fake, ...realA], { ...march, config });
    const b = summarize([...fake, ...realB], { ...march, config });
    // Two different sets of three real answers publish the same figures: nothing can tell them apart.
    expect(b).to.deep.equal(a);
    const helped = a.questions.find((q) => q.id === 'helped')!;
    expect(helped.cells.map((cell) => cell.display)).to.deep.equal(['50', '<11', '<11']);
  });

  it('padding against cell-key rounding: the same responses round the same way every time, and the direction is not predictable', () => {
    const keys = new Map<string, number>();
    // Record keys drawn at random once, as the collector does at intake.
    const recordKey = (s: Submission) => keys.get(s.id) ?? (keys.set(s.id, Math.floor(Math.random() * KEY_RANGE)), keys.get(s.id)!);
    const fake = many(51, { types: ['emotional'], helped: 'yes', heard: 5 });
    const again = summarize(fake, { ...march, config, recordKey });
    expect(summarize(fake, { ...march, config, recordKey })).to.deep.equal(again);
    // The same 51 responses under every filter that selects them all: the same figure each time.
    const shown = new Set([{}, { locale: 'en' }, { tags: { site: 'north' } }, { version: '1' }].map((filters) => summarize(fake, { ...march, config, recordKey, filters }).total.display));
    expect(shown.size).to.equal(1);
    expect(['50', '55']).to.include([...shown][0]);
  });

  it('multi-select subtraction: "emotional 11, social 11, crisis <11, answered 23" no longer gives crisis = 1', () => {
    const population = [...many(11, { types: ['emotional'] }), ...many(11, { types: ['social'] }), response({ types: ['crisis'] })];
    const summary = summarize(population, { ...march, config });
    const types = summary.questions.find((q) => q.id === 'types')!;
    const shownSum = types.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
    expect(types.answered.count! - shownSum).not.to.equal(1);
    expect(attack(summary).has('w:cell:types:crisis')).to.equal(false);
  });

  it('total − answered never shows a count below k', () => {
    for (const skips of [1, 5, 10, 11, 12, 14, 20]) {
      const summary = summarize([...many(40, { helped: 'yes', types: ['emotional'] }), ...many(skips, { types: ['emotional'] })], { ...march, config });
      const helped = summary.questions.find((q) => q.id === 'helped')!;
      const difference = summary.total.count! - helped.answered.count!;
      expect(difference === 0 || difference >= summary.k, `${skips} skipped: total − answered = ${difference}`).to.equal(true);
    }
  });

  it('rounding boundaries: four options just over k cannot pin the hidden ones to zero', () => {
    // 18 + 18 + 18 + 18 answers read "20" each, answered 72 reads "70": without the audit, 4 × 18 ≥ 72 pins the rest to 0.
    const wide = {
      ...config,
      questions: [{ id: 'pick', type: 'single' as const, label: 'Pick', required: false, allowOther: false, otherMaxLength: 100, options: 'abcdef'.split('').map((value) => ({ value, label: value })) }],
    };
    const population = ['a', 'b', 'c', 'd'].flatMap((value) => Array.from({ length: 18 }, () => ({ ...response(), answers: { pick: value } })));
    const summary = summarize(population, { ...march, config: wide });
    expect(attack(summary).get('w:cell:pick:e')).to.equal(undefined);
    expect(attack(summary).get('w:cell:pick:f')).to.equal(undefined);
  });
});

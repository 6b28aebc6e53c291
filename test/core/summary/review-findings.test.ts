// Findings of the independent review of the disclosure rules (after #12), each kept by a test.
import { expect } from '@open-wc/testing';
import type { SurveyConfig } from '../../../src/core/config/schema.js';
import { summarize } from '../../../src/core/summary/summarize.js';
import { isSurveySummary } from '../../../src/core/summary/types.js';
import { NOW, config, many, response } from './fixtures.js';

const heard = (summary: ReturnType<typeof summarize>) => summary.questions.find((question) => question.id === 'heard')!;

describe('disclosure rules: review findings', () => {
  it('the open period total moves at most once a day: a response received today counts from tomorrow', () => {
    const earlier = many(15, { day: '2026-04-13' });
    const today = response({ day: '2026-04-15' });
    const before = summarize(earlier, { config, now: NOW, unit: 'month' });
    const after = summarize([...earlier, today], { config, now: NOW, unit: 'month' });
    expect([before.open.total?.display, after.open.total?.display]).to.deep.equal(['10', '10']);
    const tomorrow = summarize([...earlier, today], { config, now: new Date('2026-04-16T10:00:00Z'), unit: 'month' });
    expect(tomorrow.open.total?.display).to.equal('20');
  });

  it('a filtered summary publishes no open period total (a filter would break the open period down)', () => {
    const population = many(30, { day: '2026-04-13', site: 'north' });
    expect(summarize(population, { config, now: NOW, unit: 'month' }).open.total?.display).to.equal('30');
    expect(summarize(population, { config, now: NOW, unit: 'month', filters: { tags: { site: 'north' } } }).open.total).to.equal(null);
    expect(summarize(population, { config, now: NOW, unit: 'month', filters: { locale: 'en' } }).open.total).to.equal(null);
    // Unfiltered and small: suppressed like any count, not left out.
    expect(summarize(many(3, { day: '2026-04-13' }), { config, now: NOW, unit: 'month' }).open.total?.display).to.equal('<11');
  });

  it('a period closes an hour after its last midnight, not at it', () => {
    const population = many(20, { day: '2026-04-30' });
    const justAfterMidnight = summarize(population, { config, now: new Date('2026-05-01T00:30:00Z'), unit: 'month' });
    expect(justAfterMidnight.range?.end).to.equal('2026-04-01');
    expect(justAfterMidnight.open.start).to.equal('2026-04-01');
    const anHourLater = summarize(population, { config, now: new Date('2026-05-01T01:00:00Z'), unit: 'month' });
    expect(anHourLater.range?.end).to.equal('2026-05-01');
    expect(anHourLater.series.at(-1)!.display).to.equal('20');
  });

  it('a rating median comes from the published figures: null when the hidden cells could move it', () => {
    // True median 3 (8 × 1, 20 × 3, 20 × 4); published: 3 → 20, 4 → 20, the rest hidden. With 1 or
    // nothing in the hidden cells the median could be 3 or 3.5: the old code published the true 3.
    const undecided = [...many(8, { day: '2026-03-10', heard: 1 }), ...many(20, { day: '2026-03-10', heard: 3 }), ...many(20, { day: '2026-03-10', heard: 4 })];
    expect(heard(summarize(undecided, { config, now: NOW, unit: 'month' })).median).to.equal(null);
    // Hidden cells too small to move it: 40 each on 3, 4 and 5, and 3 people on 1.
    const decided = [...many(3, { day: '2026-03-10', heard: 1 }), ...many(40, { day: '2026-03-10', heard: 3 }), ...many(40, { day: '2026-03-10', heard: 4 }), ...many(40, { day: '2026-03-10', heard: 5 })];
    expect(heard(summarize(decided, { config, now: NOW, unit: 'month' })).median).to.equal(4);
  });

  it('never finer than the coarsest time bucket of any of the survey\'s config files', () => {
    const monthly: SurveyConfig = { ...config, version: 2, timeBucket: 'month' };
    const population = many(20, { day: '2026-03-10' });
    expect(() => summarize(population, { config: [config, monthly], now: NOW, unit: 'week' })).to.throw(RangeError, /month only/);
    expect(summarize(population, { config: [config, monthly], now: NOW }).unit).to.equal('month');
  });

  it('a summary from elsewhere with a day that does not exist is refused, rather than breaking the chart', () => {
    const summary = summarize(many(20, { day: '2026-03-10' }), { config, now: NOW, unit: 'month' });
    expect(isSurveySummary(summary)).to.equal(true);
    expect(isSurveySummary({ ...summary, range: { start: '2026-13-45', end: '2026-04-01' } })).to.equal(false);
  });
});

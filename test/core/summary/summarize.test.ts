import { expect } from '@open-wc/testing';
import { summarize } from '../../../src/core/summary/summarize.js';
import { isSurveySummary } from '../../../src/core/summary/types.js';
import { NOW, config, many, response } from './fixtures.js';

const question = (summary: ReturnType<typeof summarize>, id: string) => summary.questions.find((q) => q.id === id)!;
const cells = (summary: ReturnType<typeof summarize>, id: string) => question(summary, id).cells.map((cell) => [cell.value, cell.display, cell.percent]);

/** 60 responses in March: emotional 48, information 24, crisis 6, social 0, other 2; helped yes 32 / no 22 / unsure 6. */
function march() {
  return Array.from({ length: 60 }, (_, i) =>
    response({
      day: `2026-03-${String(2 + (i % 20)).padStart(2, '0')}`,
      types: [...(i < 48 ? ['emotional'] : []), ...(i % 5 < 2 ? ['information'] : []), ...(i < 6 ? ['crisis'] : []), ...(i >= 58 ? ['other'] : [])],
      helped: i < 32 ? 'yes' : i < 54 ? 'no' : 'unsure',
      heard: i < 30 ? 5 : i < 50 ? 4 : 2,
      story: `free text number ${i}`,
    }),
  );
}

describe('summarize(): the disclosure rules', () => {
  const summary = summarize(march(), { config, now: NOW, unit: 'month', from: '2026-03-01', to: '2026-03-31' });

  it('is a valid format-2 summary of the closed month asked for', () => {
    expect(isSurveySummary(summary)).to.equal(true);
    expect(summary.range).to.deep.equal({ start: '2026-03-01', end: '2026-04-01' });
    expect(summary.total).to.deep.equal({ count: 60, display: '60' });
    expect(summary.title).to.deep.equal({ en: 'After the call', es: 'Después de la llamada' });
  });

  it('lists every option of the config in its order, zero included, with the config\'s labels', () => {
    const types = question(summary, 'types');
    expect(types.cells.map((cell) => cell.value)).to.deep.equal(['emotional', 'social', 'information', 'crisis', 'other']);
    expect(types.cells[0]!.label).to.deep.include({ en: 'Emotional support' });
    expect(question(summary, 'helped').cells[0]!.label).to.deep.equal({ en: 'Yes', es: 'Sí' });
    expect(question(summary, 'heard').cells.map((cell) => cell.value)).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('counts below k, zero included, read "<11" with no percentage; shown counts are rounded to 5', () => {
    expect(cells(summary, 'types')).to.deep.equal([
      ['emotional', '50', 83],
      ['social', '<11', null],
      ['information', '25', 42],
      ['crisis', '<11', null],
      ['other', '<11', null],
    ]);
  });

  it('one hidden option of a single-choice question hides the next-smallest too', () => {
    expect(cells(summary, 'helped')).to.deep.equal([
      ['yes', '30', 50],
      ['no', '<11', null],
      ['unsure', '<11', null],
    ]);
  });

  it('a multiple-choice question gets complementary suppression too', () => {
    const few = summarize(
      [...many(15, { types: ['emotional'] }), ...many(12, { types: ['social'] }), ...many(1, { types: ['crisis'] })],
      { config, now: NOW, unit: 'month', from: '2026-03-01', to: '2026-03-31' },
    );
    // emotional 15, social 12, crisis 1 (information and other 0: two hidden already, so nothing more to hide).
    expect(cells(few, 'types').map(([value, display]) => [value, display])).to.deep.equal([
      ['emotional', '15'],
      ['social', '10'],
      ['information', '<11'],
      ['crisis', '<11'],
      ['other', '<11'],
    ]);
    const lone = summarize([...many(15, { types: ['emotional'] }), ...many(12, { types: ['social'] }), ...many(13, { types: ['information'] }), ...many(14, { types: ['other'] }), ...many(2, { types: ['crisis'] })], {
      config,
      now: NOW,
      unit: 'month',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    // Only crisis is below k: social (the next-smallest) goes with it.
    expect(cells(lone, 'types').filter(([, display]) => display === '<11').map(([value]) => value)).to.deep.equal(['social', 'crisis']);
  });

  it('ratings carry their distribution, median and end labels', () => {
    const heard = question(summary, 'heard');
    // Three hidden cells could hold anything up to what "answered" leaves over: the published figures
    // do not fix the median, so none is published (test/core/summary/review-findings.test.ts).
    expect(heard.median).to.equal(null);
    expect(heard.minLabel).to.equal('Not at all');
    expect(heard.cells.map((cell) => cell.display)).to.deep.equal(['<11', '<11', '<11', '20', '30']);
  });

  it('when fewer than k skip a question, "answered" is the total, so total − answered shows nothing', () => {
    const skipped = summarize([...march(), ...many(3, { day: '2026-03-20', types: ['emotional'] })], { config, now: NOW, unit: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(skipped.total.display).to.equal('65');
    expect(question(skipped, 'helped').answered).to.deep.equal(skipped.total);
    const many_skip = summarize([...march(), ...many(20, { day: '2026-03-20', types: ['emotional'] })], { config, now: NOW, unit: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(many_skip.total.display).to.equal('80');
    expect(question(many_skip, 'helped').answered.display).to.equal('60');
  });

  it('never summarises free text or shows "Other" text', () => {
    const text = JSON.stringify(summarize([...march(), response({ types: ['other'], story: 'Call 1-900-555 now' })], { config, now: NOW, unit: 'month', from: '2026-03-01' }));
    expect(text).not.to.match(/free text|1-900|story/);
  });

  it('a total below k hides everything', () => {
    const small = summarize(many(7, { types: ['emotional'], helped: 'yes' }), { config, now: NOW, unit: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(small.total.display).to.equal('<11');
    for (const q of small.questions) {
      expect(q.answered.count, q.id).to.equal(null);
      expect(q.cells.every((cell) => cell.count === null && cell.percent === null), q.id).to.equal(true);
    }
  });

  it('covers closed periods only: the open month shows its total alone, rounded to 10', () => {
    const withApril = summarize([...march(), ...many(26, { day: '2026-04-02', types: ['crisis'] })], { config, now: NOW, unit: 'month' });
    expect(withApril.range!.end).to.equal('2026-04-01');
    expect(withApril.series.at(-1)).to.deep.equal({ start: '2026-03-01', end: '2026-04-01', count: 60, display: '60' });
    expect(withApril.open).to.deep.equal({ start: '2026-04-01', end: '2026-05-01', total: { count: 30, display: '30' } });
    expect(question(withApril, 'types').cells.find((cell) => cell.value === 'crisis')!.display).to.equal('<11');
  });

  it('a weekly series over closed ISO weeks; weeks that alone would show a small count are hidden in pairs', () => {
    const weekly = summarize(
      [...many(20, { day: '2026-03-02' }), ...many(3, { day: '2026-03-09' }), ...many(30, { day: '2026-03-16' }), ...many(40, { day: '2026-03-23' })],
      { config, now: NOW, unit: 'week', from: '2026-03-02', to: '2026-03-29' },
    );
    expect(weekly.series.map((point) => [point.start, point.display])).to.deep.equal([
      ['2026-03-02', '<11'],
      ['2026-03-09', '<11'],
      ['2026-03-16', '30'],
      ['2026-03-23', '40'],
    ]);
  });

  it('refuses weeks for a survey bucketed by month', () => {
    const monthly = { ...config, timeBucket: 'month' as const };
    expect(() => summarize([], { config: monthly, now: NOW, unit: 'week' })).to.throw(/month only/);
  });

  it('filters by tag, locale and version', () => {
    const mixed = [...many(30, { site: 'north', helped: 'yes' }), ...many(20, { site: 'south', locale: 'es', helped: 'yes' })];
    const options = { config, now: NOW, unit: 'month' as const, from: '2026-03-01', to: '2026-03-31' };
    expect(summarize(mixed, { ...options, filters: { tags: { site: 'south' } } }).total.display).to.equal('20');
    expect(summarize(mixed, { ...options, filters: { locale: 'en' } }).total.display).to.equal('30');
    expect(summarize(mixed, { ...options, filters: { version: '2' } }).total.display).to.equal('<11');
  });
});

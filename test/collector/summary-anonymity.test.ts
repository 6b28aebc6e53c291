// Issue #22 through GET /summary, on both engines: the public window cannot be slid one week at a
// time to learn that week's answers (catalogue 53), boundaries at exactly k and k − 1, the rounding
// is random (a nearest-multiple rounding fails here), and a `to` inside the open period breaks
// nothing of it down.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Count, SurveySummary } from 'encounter-survey/core';
import { SurveyRegistry } from '../../collector/src/surveys.js';
import { afterCall, engines, json, post, staff, submission, withCollector, type TestCollector } from './helpers.js';

/** Every published figure of a summary by a stable name (the open total left out). */
function figures(summary: SurveySummary): Map<string, Count> {
  const all = new Map<string, Count>([['total', summary.total]]);
  for (const question of summary.questions) {
    all.set(`answered:${question.id}`, question.answered);
    for (const cell of question.cells) all.set(`cell:${question.id}:${String(cell.value)}`, cell);
  }
  for (const point of summary.series) all.set(`period:${point.start}`, point);
  return all;
}

const cell = (summary: SurveySummary, question: string, value: string | number) => summary.questions.find((q) => q.id === question)!.cells.find((c) => c.value === value)!;

for (const { engine, skip } of engines) {
  describe(`GET /summary, anonymity round 3 (${engine})`, { skip }, () => {
    let collector: TestCollector;
    let today = new Date('2026-01-07T12:00:00Z');
    const send = async (count: number, answers: Record<string, unknown>) => {
      for (let i = 0; i < count; i += 1) {
        assert.equal((await post(collector.url, submission({ answers: answers as never, submittedAt: `${today.toISOString().slice(0, 10)}T00:00:00.000Z` }))).status, 201);
      }
    };
    const read = async (query: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${collector.url}/summary?survey=after-call${query}`, { headers });
      assert.equal(res.status, 200, await res.clone().text());
      return (await json(res)) as SurveySummary;
    };
    before(async () => {
      collector = await withCollector(engine, { surveys: new SurveyRegistry([afterCall]), publicSurveys: ['after-call'], now: () => today });
    });
    after(() => collector?.stop());

    test('the sliding-window attack of issue #22: one week closing never changes a figure of a public summary it shares periods with', async () => {
      // Week of 5 January: 11 emotional, 11 social, 1 crisis. Week of 2 February: 9 crisis.
      today = new Date('2026-01-07T12:00:00Z');
      await send(11, { types: ['emotional'], helped: 'yes', heard: 5 });
      await send(11, { types: ['social'], helped: 'yes', heard: 4 });
      await send(1, { types: ['crisis'], helped: 'no', heard: 1 });
      today = new Date('2026-02-04T12:00:00Z');
      await send(9, { types: ['crisis'], helped: 'no', heard: 2 });
      today = new Date('2026-03-18T12:00:00Z');
      const published: SurveySummary[] = [await read('')];
      assert.equal(cell(published[0]!, 'types', 'crisis').display, '<11');
      // One response, {crisis, helped: no, heard: 1}, in the week of 16 March; then week after week.
      await send(1, { types: ['crisis'], helped: 'no', heard: 1 });
      for (const day of ['2026-03-19', '2026-03-24', '2026-03-31', '2026-04-01', '2026-04-07', '2026-04-14']) {
        today = new Date(`${day}T12:00:00Z`);
        published.push(await read(''));
      }
      for (let i = 1; i < published.length; i += 1) {
        const [a, b] = [published[i - 1]!, published[i]!];
        if (a.range === null || b.range === null) continue;
        const overlap = a.range.start < b.range.end && b.range.start < a.range.end;
        if (!overlap) continue;
        // Overlapping windows must be the same window with the same figures: otherwise their difference is one week.
        assert.deepEqual(b.range, a.range, `windows ${JSON.stringify(a.range)} and ${JSON.stringify(b.range)} overlap but differ`);
        assert.deepEqual(figures(b), figures(a));
      }
    });

    test('every query a public reader can make is refused (401) or answered with the one public summary', async () => {
      today = new Date('2026-04-14T12:00:00Z');
      const queries = ['', '&unit=month', '&unit=week', '&from=2026-01-01', '&to=2026-03-31', '&tag.site=north', '&locale=en', '&version=1', '&unit=month&from=2026-01-01'];
      const answered: SurveySummary[] = [];
      for (const query of queries) {
        const res = await fetch(`${collector.url}/summary?survey=after-call${query}`);
        const publicQuery = query === '' || query === '&unit=month';
        assert.equal(res.status, publicQuery ? 200 : 401, query);
        if (publicQuery) answered.push((await json(res)) as SurveySummary);
      }
      assert.deepEqual(answered[1], answered[0]);
      assert.deepEqual(answered[0]!.range, { start: '2026-01-01', end: '2026-04-01' });
      // Staff asking for nothing in particular (the dashboard's first view) get the last 12 closed months.
      const staffDefault = await read('&unit=month', staff);
      assert.deepEqual(staffDefault.range, { start: '2025-04-01', end: '2026-04-01' });
    });

    test('a count of exactly k is shown and k − 1 is suppressed', async () => {
      // Week of 4 May: helped yes 11, no 10, unsure 0.
      today = new Date('2026-05-06T12:00:00Z');
      await send(11, { types: ['emotional'], helped: 'yes', heard: 5 });
      await send(10, { types: ['emotional'], helped: 'no', heard: 5 });
      today = new Date('2026-05-13T12:00:00Z');
      const week = await read('&unit=week&from=2026-05-04&to=2026-05-04', staff);
      assert.deepEqual(week.range, { start: '2026-05-04', end: '2026-05-11' });
      const yes = cell(week, 'helped', 'yes');
      assert.notEqual(yes.display, '<11', 'a count of exactly k = 11 is published');
      assert.ok(yes.count === 10 || yes.count === 15, `11 rounds to 10 or 15, not ${yes.count}`);
      assert.deepEqual([cell(week, 'helped', 'no').display, cell(week, 'helped', 'no').count], ['<11', null]);
    });

    test('`to` inside the open period: the open period is never broken down, and a response received in it moves nothing', async () => {
      today = new Date('2026-05-20T12:00:00Z'); // the week of 18 May is open
      const query = '&unit=week&from=2026-05-04&to=2026-05-21';
      const before = await read(query, staff);
      assert.equal(before.range!.end, '2026-05-18', 'the range stops at the last closed week');
      assert.ok(before.series.every((point) => point.end <= before.open.start));
      await send(12, { types: ['crisis'], helped: 'unsure', heard: 1 });
      today = new Date('2026-05-22T12:00:00Z');
      const later = await read(query, staff);
      assert.deepEqual({ ...later, open: null }, { ...before, open: null });
    });

    test('shown counts are rounded at random to a multiple of 5, by at most 4 (rounding to the nearest multiple fails this)', async () => {
      // Ten weeks of 12 responses each (a remainder of 2, which the nearest multiple always rounds down),
      // then every range of consecutive weeks: 55 different sets of responses.
      const weeks = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 5, 1 + 7 * i)).toISOString().slice(0, 10)); // Mondays from 1 June
      for (const monday of weeks) {
        today = new Date(`${monday}T12:00:00Z`);
        await send(12, { types: ['emotional'], helped: 'yes', heard: 5 });
      }
      today = new Date('2026-08-12T12:00:00Z');
      let differsFromNearest = 0;
      for (let i = 0; i < weeks.length; i += 1) {
        for (let j = i; j < weeks.length; j += 1) {
          const truth = 12 * (j - i + 1);
          const { total } = await read(`&unit=week&from=${weeks[i]}&to=${weeks[j]}`, staff);
          assert.equal(total.count! % 5, 0, `${total.count} is a multiple of 5`);
          assert.ok(Math.abs(total.count! - truth) <= 4, `${total.count} is within 4 of ${truth}`);
          if (total.count !== Math.round(truth / 5) * 5) differsFromNearest += 1;
        }
      }
      // 55 unbiased random roundings all landing on the nearest multiple: about 1 in 10^8.
      assert.ok(differsFromNearest > 0, 'every total was rounded to the nearest multiple of 5');
    });
  });
}

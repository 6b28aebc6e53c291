// GET /summary over the pre-aggregated counts: closed periods by the day received, the disclosure
// rules of encounter-survey/core (catalogue scenario 31), public surveys vs the staff API and its
// filters (nothing about a private survey told without staff access), the same figures across a
// change of staff token (the rounding follows the record keys kept in SQL). Both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseSurveyConfig, type SurveySummary } from 'encounter-survey/core';
import { startCollector, type RunningCollector } from '../../collector/src/server.js';
import { SurveyRegistry } from '../../collector/src/surveys.js';
import {
  TOKEN,
  afterCall,
  afterCallInput,
  afterCallSouth,
  engines,
  freshDatabase,
  json,
  post,
  signIn,
  staff,
  submission,
  surveys,
  withCollector,
  type TestCollector,
  useClock,
} from './helpers.js';

/** A survey not listed in publicSurveys, with the same site tags as the public one. */
const privateSurvey = parseSurveyConfig({ ...afterCallInput, id: 'private' });

for (const { engine, skip } of engines) {
  describe(`GET /summary (${engine})`, { skip }, () => {
    let collector: TestCollector;
    let today = new Date('2026-02-10T12:00:00Z');
    const send = async (count: number, overrides: Parameters<typeof submission>[0] = {}) => {
      for (let i = 0; i < count; i += 1) assert.equal((await post(collector.url, submission(overrides))).status, 201);
    };
    const summary = async (query: string, headers: Record<string, string> = staff) => {
      const res = await fetch(`${collector.url}/summary?survey=after-call${query}`, { headers });
      assert.equal(res.status, 200, await res.clone().text());
      return (await json(res)) as SurveySummary;
    };
    before(async () => {
      collector = await withCollector(engine, { surveys: new SurveyRegistry([afterCall, afterCallSouth, privateSurvey]), publicSurveys: ['after-call'], now: () => today });
      // February: 40 at north (emotional, helped yes), 3 at south (crisis, helped no).
      await send(40, { answers: { types: ['emotional'], helped: 'yes', heard: 5 } });
      await send(3, { tags: { site: 'south', channel: 'phone' }, answers: { types: ['crisis'], helped: 'no', heard: 1 } });
      // March: 30 at north, 14 at south in Spanish.
      today = new Date('2026-03-12T09:00:00Z');
      await send(30, { answers: { types: ['emotional', 'social'], helped: 'yes', heard: 4 } });
      await send(14, { locale: 'es', tags: { site: 'south', channel: 'phone' }, answers: { types: ['information'], helped: 'unsure', heard: 3 } });
      today = new Date('2026-04-08T09:00:00Z');
    });
    after(() => collector?.stop());

    test('closed months only, by the day received; every option listed with its label; small counts "<11"; the rest rounded to 5', async () => {
      const result = await summary('&unit=month&from=2026-02-01');
      assert.deepEqual(result.range, { start: '2026-02-01', end: '2026-04-01' });
      assert.deepEqual(result.series.map((point) => point.start), ['2026-02-01', '2026-03-01']);
      assert.equal(result.total.count! % 5, 0);
      assert.ok(Math.abs(result.total.count! - 87) < 5, `total ${result.total.count} is 87 rounded`);
      const types = result.questions.find((question) => question.id === 'types')!;
      assert.deepEqual(types.cells.map((cell) => cell.value), ['emotional', 'social', 'information', 'practical', 'advocacy', 'wellness', 'crisis', 'other']);
      assert.equal((types.cells[0]!.label as Record<string, string>).en, 'Emotional support');
      const crisis = types.cells.find((cell) => cell.value === 'crisis')!;
      assert.deepEqual([crisis.display, crisis.count, crisis.percent], ['<11', null, null]);
      for (const cell of types.cells) if (cell.count !== null) assert.equal(cell.count % 5, 0);
      assert.equal(result.questions.find((question) => question.id === 'why'), undefined, 'free text is never summarised');
      assert.equal(result.questions.find((question) => question.id === 'story'), undefined);
    });

    test('a response received now changes nothing today; tomorrow the open total alone moves, rounded to 10', async () => {
      const before = await summary('&unit=month&from=2026-02-01');
      await send(12, { answers: { types: ['crisis'], helped: 'no', heard: 1 } });
      const after = await summary('&unit=month&from=2026-02-01');
      assert.deepEqual(after, before);
      assert.equal(before.open.total!.display, '<11');
      const received = today;
      today = new Date('2026-04-09T09:00:00Z');
      try {
        const tomorrow = await summary('&unit=month&from=2026-02-01');
        assert.deepEqual({ ...tomorrow, open: null }, { ...before, open: null });
        assert.ok([10, 20].includes(tomorrow.open.total!.count!), `open total ${tomorrow.open.total!.display}`);
        assert.equal(tomorrow.open.start, '2026-04-01');
        // A filter would break the open month down: no open total at all.
        assert.equal((await summary('&unit=month&from=2026-02-01&tag.site=north')).open.total, null);
      } finally {
        today = received;
      }
    });

    test('asking again gives the same figures (keyed rounding averages nothing away)', async () => {
      assert.deepEqual(await summary('&unit=week&from=2026-02-01'), await summary('&unit=week&from=2026-02-01'));
    });

    test('public survey: the default summary needs no sign-in; filters and chosen ranges need staff (token or session)', async () => {
      const res = await fetch(`${collector.url}/summary?survey=after-call&unit=month`, { headers: { origin: 'http://allowed.test' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://allowed.test');
      assert.equal((await fetch(`${collector.url}/summary?survey=after-call&tag.site=south`)).status, 401);
      assert.equal((await fetch(`${collector.url}/summary?survey=after-call&from=2026-02-01`)).status, 401);
      // The public window is the latest closed quarter by month; weeks are staff only (a week block and a
      // month block never cover the same days, so their difference would be a few days' answers).
      assert.equal((await fetch(`${collector.url}/summary?survey=after-call&unit=week`)).status, 401);
      const anyone = await json(await fetch(`${collector.url}/summary?survey=after-call`));
      assert.deepEqual(anyone, await json(res), 'with or without unit=month: one public summary');
      assert.deepEqual(anyone.range, { start: '2026-01-01', end: '2026-04-01' });
      assert.deepEqual(anyone.series.map((point: { start: string }) => point.start), ['2026-01-01', '2026-02-01', '2026-03-01']);
      const cookie = await signIn(collector.url);
      const south = await summary('&unit=month&from=2026-02-01&tag.site=south', { cookie });
      assert.deepEqual(south.filters, { tags: { site: 'south' } });
      assert.equal(south.total.count! % 5, 0);
      const spanish = await summary('&unit=month&from=2026-03-01&locale=es');
      assert.deepEqual(spanish.filters, { locale: 'es' });
    });

    test('filters and periods are checked against the survey\'s configs', async () => {
      for (const [query, pattern] of [
        ['&unit=day', /unit must be week or month/],
        ['&tag.site=west', /site="west"/],
        ['&tag.room=1', /room="1"/],
        ['&version=9', /no version "9"/],
        ['&locale=de', /no language "de"/],
        ['&from=2026-02-30', /from must be a day/],
      ] as const) {
        const res = await fetch(`${collector.url}/summary?survey=after-call${query}`, { headers: staff });
        assert.equal(res.status, 400, query);
        const body = await json(res);
        assert.equal(body.error, 'invalid-query');
        assert.match(body.message, pattern);
      }
    });

    test('a survey not listed as public answers 401 without staff access', async () => {
      const res = await fetch(`${collector.url}/summary?survey=elsewhere`);
      assert.equal(res.status, 401);
      assert.equal((await json(res)).error, 'unauthorized');
      assert.equal((await fetch(`${collector.url}/summary`)).status, 400);
    });

    test('without staff access, a private survey tells nothing: its real or made-up tags, versions and units, an unknown survey and a filtered public one all answer the same 401', async () => {
      const queries = [
        'survey=private&tag.site=north',
        'survey=private&tag.site=nosuch',
        'survey=private&version=9&locale=de&unit=day',
        'survey=private&unit=day',
        'survey=nosuch',
        'survey=nosuch&tag.site=north',
        'survey=after-call&tag.site=nosuch',
        'survey=after-call&version=9',
      ];
      const answers: Array<{ status: number; body: string; challenge: string | null }> = [];
      for (const query of queries) {
        const res = await fetch(`${collector.url}/summary?${query}`);
        answers.push({ status: res.status, body: await res.text(), challenge: res.headers.get('www-authenticate') });
      }
      assert.equal(answers[0]!.status, 401);
      assert.equal(JSON.parse(answers[0]!.body).error, 'unauthorized');
      answers.forEach((answer, i) => assert.deepEqual(answer, answers[0], queries[i]));
      const wrong = await fetch(`${collector.url}/summary?survey=private&tag.site=nosuch`, { headers: staff });
      assert.equal(wrong.status, 400, 'staff still learn what is wrong');
      assert.match((await json(wrong)).message, /site="nosuch"/);
    });
  });

  describe(`the rounding across a restart (${engine})`, { skip }, () => {
    test('a new staff token on the same database publishes the same figures: the record keys are kept in SQL, nothing is derived from the token', async () => {
      const database = await freshDatabase(engine);
      let today = new Date('2026-02-03T12:00:00Z');
      useClock(() => today);
      const start = (staffToken: string) => startCollector({ port: 0, database: database.location, surveys: surveys(), staffToken, rateLimit: false, now: () => today });
      const published = async (url: string, staffToken: string) => {
        const res = await fetch(`${url}/summary?survey=after-call&unit=week&from=2026-02-02`, { headers: { authorization: `Bearer ${staffToken}` } });
        assert.equal(res.status, 200);
        return (await json(res)) as SurveySummary;
      };
      let collector: RunningCollector | undefined = await start(TOKEN);
      try {
        // Three weeks of counts that are not multiples of 5, so nearly every figure is rounded at random.
        for (const [day, count, answers] of [
          ['2026-02-03', 13, { types: ['emotional'], helped: 'yes', heard: 5 }],
          ['2026-02-10', 17, { types: ['emotional', 'social'], helped: 'no', heard: 4 }],
          ['2026-02-17', 22, { types: ['information'], helped: 'unsure', heard: 3 }],
        ] as const) {
          today = new Date(`${day}T12:00:00Z`);
          for (let i = 0; i < count; i += 1) assert.equal((await post(collector.url, submission({ answers: { ...answers, types: [...answers.types] } }))).status, 201);
        }
        today = new Date('2026-03-10T12:00:00Z');
        const before = await published(collector.url, TOKEN);
        assert.ok(before.series.some((point) => point.count !== null), 'some figures are shown');
        await collector.close();
        collector = undefined;
        const rotated = `${TOKEN.slice(0, -3)}new`;
        collector = await start(rotated);
        assert.deepEqual(await published(collector.url, rotated), before);
      } finally {
        await collector?.close();
        await database.drop();
      }
    });
  });
}

for (const { engine, skip } of engines) {
  describe(`GET /summary and retention (${engine})`, { skip }, () => {
    test('a period that began before the first day retention keeps is left out, not shown shrinking day by day', async () => {
      let today = new Date('2026-02-10T12:00:00Z');
      const collector = await withCollector(engine, { surveys: new SurveyRegistry([afterCall]), retentionDays: 50, now: () => today });
      try {
        for (let i = 0; i < 20; i += 1) assert.equal((await post(collector.url, submission({ answers: { types: ['emotional'] } }))).status, 201);
        today = new Date('2026-03-20T12:00:00Z');
        for (let i = 0; i < 20; i += 1) assert.equal((await post(collector.url, submission({ answers: { types: ['social'] } }))).status, 201);
        // 8 April, 50 days kept: from 17 February. February began before that, so only March is summarised.
        today = new Date('2026-04-08T12:00:00Z');
        const res = await fetch(`${collector.url}/summary?survey=after-call&unit=month&from=2026-01-01`, { headers: staff });
        assert.equal(res.status, 200);
        const result = (await json(res)) as SurveySummary;
        assert.deepEqual(result.range, { start: '2026-03-01', end: '2026-04-01' });
        assert.deepEqual(result.series.map((point) => point.start), ['2026-03-01']);
        assert.equal(result.total.display, '20');
      } finally {
        await collector.stop();
      }
    });
  });
}

// The staff exports (CSV columns from the config only, formula-safe cells, export order), the count
// filters summaries are built on, and retention keeping counts consistent with what is deleted.
// Both engines. (GET /summary itself: summary.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseSurveyConfig } from 'encounter-survey/core';
import type { CountFilter } from '../../collector/src/store.js';
import { SurveyRegistry } from '../../collector/src/surveys.js';
import { cell } from '../../collector/src/csv.js';
import { startCollector } from '../../collector/src/server.js';
import {
  TOKEN,
  afterCall,
  afterCallInput,
  engines,
  exported,
  freshDatabase,
  post,
  staff,
  submission,
  surveys,
  withCollector,
  type TestCollector,
  useClock,
} from './helpers.js';

/** 30 responses: emotional in 24, information in 12, crisis in 3, social in 6, other in 1; helped yes 16 / no 11 / unsure 3. */
function dataset() {
  return Array.from({ length: 30 }, (_, i) =>
    submission({
      submittedAt: `2026-03-${String(1 + (i % 3)).padStart(2, '0')}T00:00:00.000Z`,
      answers: {
        types: [
          ...(i < 24 ? ['emotional'] : []),
          ...(i % 5 < 2 ? ['information'] : []),
          ...(i < 3 ? ['crisis'] : []),
          ...(i >= 24 ? ['social'] : []),
          ...(i === 0 ? ['other'] : []),
        ],
        ...(i === 0 ? { 'types.other': '=HYPERLINK("http://evil.test")' } : {}),
        helped: i < 16 ? 'yes' : i < 27 ? 'no' : 'unsure',
        heard: 4,
        story: i === 1 ? '\u0000=1+2' : i === 2 ? '\u0001@SUM(A1)' : `free text number ${i}`,
      },
    }),
  );
}

for (const { engine, skip } of engines) {
  describe(`the exports (${engine})`, { skip }, () => {
    let collector: TestCollector;
    const sent = dataset();
    before(async () => {
      collector = await withCollector(engine);
      for (const body of sent) assert.equal((await post(collector.url, body)).status, 201);
    });
    after(() => collector?.stop());

    test('CSV: columns from the config only, one 1/0 column per option, rows by time bucket then id', async () => {
      const res = await fetch(`${collector.url}/export.csv?survey=after-call`, { headers: staff });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      assert.equal(lines.length, 31);
      const header = lines[0]!.split(',');
      const options = ['emotional', 'social', 'information', 'practical', 'advocacy', 'wellness', 'crisis', 'other'];
      assert.deepEqual(header, [
        'id', 'survey', 'version', 'submittedAt', 'locale',
        ...options.map((option) => `types.${option}`), 'types.other (text)',
        'helped', 'heard', 'why', 'story', 'tag.site', 'tag.channel',
      ]);
      const rows = lines.slice(1).map((line) => line.split(','));
      const order = rows.map((row) => `${row[3]} ${row[0]}`);
      assert.deepEqual(order, [...order].sort(), 'ordered by submittedAt, then id');
      assert.deepEqual(new Set(rows.map((row) => row[0])), new Set(sent.map((body) => body.id)));
    });

    test('CSV cells a spreadsheet would run are neutral, including NUL- and control-prefixed ones', async () => {
      const csv = await (await fetch(`${collector.url}/export.csv?survey=after-call`, { headers: staff })).text();
      assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.test"")"`));
      assert.ok(csv.includes(",'=1+2,"), 'NUL-prefixed formula');
      assert.ok(csv.includes(",'@SUM(A1),"), 'control-prefixed formula');
      assert.doesNotMatch(csv, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      for (const line of csv.split('\r\n')) for (const value of line.split(',')) assert.doesNotMatch(value, /^[=+@\t]/);
    });

    test('JSON Lines: every response once, as stored', async () => {
      const rows = await exported(collector.url);
      assert.equal(rows.length, 30);
      assert.deepEqual(new Set(rows.map((row) => row.id)), new Set(sent.map((body) => body.id)));
      assert.equal(rows.find((row) => row.id === sent[1]!.id)!.answers.story, '=1+2');
    });

    test('an export without ?survey= → 400 missing-survey', async () => {
      const res = await fetch(`${collector.url}/export.csv`, { headers: staff });
      assert.equal(res.status, 400);
    });
  });

  describe(`count filters (${engine})`, { skip }, () => {
    test('counts by version, received day, locale and tags add up to the whole', async () => {
      const spanish = parseSurveyConfig({ ...afterCallInput, tags: { site: 'south', channel: 'phone' } });
      let today = new Date('2026-03-02T12:00:00Z');
      const collector = await withCollector(engine, { surveys: new SurveyRegistry([afterCall, spanish]), now: () => today });
      try {
        const send = async (count: number, overrides: Parameters<typeof submission>[0]) => {
          for (let i = 0; i < count; i += 1) assert.equal((await post(collector.url, submission(overrides))).status, 201);
        };
        await send(3, {});
        await send(4, { locale: 'es', tags: { site: 'south', channel: 'phone' } });
        today = new Date('2026-03-09T12:00:00Z');
        await send(5, { tags: { site: 'south', channel: 'phone' } });
        const total = (filter: Omit<CountFilter, 'surveyId'>) => collector.store.counts({ surveyId: 'after-call', ...filter }).then((c) => c.total);
        assert.equal(await total({}), 12);
        assert.equal(await total({ version: '1' }), 12);
        assert.equal(await total({ version: '2' }), 0);
        assert.equal(await total({ receivedFrom: '2026-03-03' }), 5);
        assert.equal(await total({ receivedBefore: '2026-03-03' }), 7);
        assert.equal(await total({ locales: ['es'] }), 4);
        assert.equal(await total({ tags: { site: 'south' } }), 9);
        assert.equal(await total({ tags: { site: 'north', channel: 'phone' } }), 3);
        const south = await collector.store.counts({ surveyId: 'after-call', tags: { site: 'south' }, receivedBefore: '2026-03-03' });
        assert.equal(south.answered.get('types')?.count, 4);
        assert.deepEqual(south.cells.filter((cell) => cell.question === 'helped').map(({ key: _key, ...cell }) => cell), [{ question: 'helped', value: 'yes', count: 4 }]);
      } finally {
        await collector.stop();
      }
    });
  });

  describe(`retention (${engine})`, { skip }, () => {
    test('responses received over COLLECTOR_RETENTION_DAYS ago are deleted at start, and the summary counts follow', async () => {
      const database = await freshDatabase(engine);
      let today = new Date('2024-01-10T12:00:00Z');
      useClock(() => today);
      const start = () =>
        startCollector({ port: 0, database: database.location, staffToken: TOKEN, surveys: surveys(), rateLimit: false, retentionDays: 730, now: () => today });
      try {
        const first = await start();
        for (let i = 0; i < 12; i += 1) assert.equal((await post(first.url, submission({ answers: { helped: 'no' } }))).status, 201);
        today = new Date('2024-05-01T12:00:00Z');
        for (let i = 0; i < 15; i += 1) assert.equal((await post(first.url, submission({ answers: { helped: 'yes' } }))).status, 201);
        assert.equal((await first.store.counts({ surveyId: 'after-call' })).total, 27);
        await first.close();

        today = new Date('2026-01-15T12:00:00Z'); // 736 days after the first batch, 624 after the second
        const second = await start();
        try {
          assert.equal(second.started.retentionDeleted, 12);
          const counts = await second.store.counts({ surveyId: 'after-call' });
          assert.equal(counts.total, 15);
          assert.deepEqual(counts.cells.filter((c) => c.question === 'helped').map((c) => [c.value, c.count]), [['yes', 15]]);
          assert.equal((await exported(second.url)).length, 15);
        } finally {
          await second.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}

test('CSV cell(): control characters stripped first, then formulas prefixed, quotes doubled, numbers untouched', () => {
  assert.equal(cell('=1+2'), "'=1+2");
  assert.equal(cell('\u0000=1+2'), "'=1+2");
  assert.equal(cell('\u001b\u0000+1'), "'+1");
  assert.equal(cell('-1'), "'-1");
  assert.equal(cell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(cell('\tx'), "'\tx");
  assert.equal(cell('\rx'), 'x');
  assert.equal(cell('a,b'), '"a,b"');
  assert.equal(cell('say "hi"'), '"say ""hi"""');
  assert.equal(cell('line\nbreak'), '"line\nbreak"');
  assert.equal(cell(-3), '-3');
  assert.equal(cell(null), '');
  assert.equal(cell('plain'), 'plain');
});

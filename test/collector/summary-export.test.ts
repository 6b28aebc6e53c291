// GET /summary (suppression, scenario 31) and GET /export.csv (token, CSV safety; scenario 26).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cell } from '../../collector/csv.js';
import type { SurveySummary } from '../../src/core/summary.js';
import { TOKEN, json, post, submission, withCollector } from './helpers.js';

type Collector = Awaited<ReturnType<typeof withCollector>>;

/** 30 responses: emotional in 24, information in 12, crisis in 3; helped yes 16 / no 11 / unsure 3. */
function dataset() {
  return Array.from({ length: 30 }, (_, i) =>
    submission({
      answers: {
        types: [
          ...(i < 24 ? ['emotional'] : []),
          ...(i % 5 < 2 ? ['information'] : []),
          ...(i < 3 ? ['crisis'] : []),
          ...(i >= 24 ? ['social'] : []),
        ],
        helped: i < 16 ? 'yes' : i < 27 ? 'no' : 'unsure',
        heard: 4,
        story: `free text number ${i}`,
        'types.other': i === 0 ? '=HYPERLINK("http://evil.test")' : '',
      },
    }),
  );
}

describe('GET /summary and GET /export.csv', () => {
  let collector: Collector;
  before(async () => {
    collector = await withCollector({ allowedOrigins: ['http://allowed.test'] });
    for (const body of dataset()) assert.equal((await post(collector.url, body)).status, 201);
    await post(collector.url, submission({ survey: { id: 'other-survey', version: 1 } }));
  });
  after(() => collector.stop());

  test('counts per support type with percentages of responses, small cells as "<11"', async () => {
    const res = await fetch(`${collector.url}/summary?survey=after-call`, { headers: { origin: 'http://allowed.test' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://allowed.test');
    const summary = (await json(res)) as SurveySummary;
    assert.equal(summary.total, 30);
    assert.equal(summary.k, 11);
    const types = summary.questions.find((question) => question.id === 'types')!;
    assert.equal(types.kind, 'multi');
    assert.deepEqual(types.counts, [
      { value: 'emotional', count: 24, display: '24', percent: 80 },
      { value: 'information', count: 12, display: '12', percent: 40 },
      { value: 'crisis', count: null, display: '<11', percent: null },
      { value: 'social', count: null, display: '<11', percent: null },
    ]);
  });

  test('single choice: one small cell also hides the next-smallest (complementary suppression)', async () => {
    const summary = (await (await fetch(`${collector.url}/summary?survey=after-call`)).json()) as SurveySummary;
    const helped = summary.questions.find((question) => question.id === 'helped')!;
    assert.equal(helped.kind, 'single');
    // "unsure" (3) alone would be recoverable as 30 − 16 − 11, so "no" (11, not small) is hidden too.
    assert.equal(helped.answered, 30);
    assert.deepEqual(
      helped.counts.map((c) => [c.value, c.display, c.percent]),
      [['yes', '16', 53.3], ['no', '<11', null], ['unsure', '<11', null]],
    );
  });

  test('free text and ".other" texts never appear', async () => {
    const text = await (await fetch(`${collector.url}/summary?survey=after-call`)).text();
    assert.doesNotMatch(text, /free text|HYPERLINK|story|types\.other/);
  });

  test('a survey with fewer than k responses shows its total as "<11"', async () => {
    const summary = (await (await fetch(`${collector.url}/summary?survey=other-survey`)).json()) as SurveySummary;
    assert.equal(summary.total, null);
    assert.equal(summary.totalDisplay, '<11');
    assert.ok(summary.questions.every((q) => q.counts.every((c) => c.count === null && c.percent === null)));
  });

  test('no survey parameter → 400 missing-survey', async () => {
    const res = await fetch(`${collector.url}/summary`);
    assert.equal(res.status, 400);
    assert.equal((await json(res)).error, 'missing-survey');
  });

  test('GET /export.csv without the token → 401; a wrong token → 401', async () => {
    const none = await fetch(`${collector.url}/export.csv`);
    assert.equal(none.status, 401);
    assert.equal((await json(none)).error, 'unauthorized');
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    const wrong = await fetch(`${collector.url}/export.csv`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    assert.equal(wrong.status, 401);
    const prefix = await fetch(`${collector.url}/export.csv`, { headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } });
    assert.equal(prefix.status, 401);
  });

  test('GET /export.csv with the token → one row per response, support types as 1/0 columns', async () => {
    const res = await fetch(`${collector.url}/export.csv?survey=after-call`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines.length, 31);
    const header = lines[0]!.split(',');
    assert.deepEqual(header.slice(0, 5), ['id', 'survey', 'version', 'submittedAt', 'locale']);
    for (const type of ['emotional', 'information', 'crisis', 'social']) assert.ok(header.includes(`types.${type}`), type);
    const first = lines[1]!;
    const emotional = header.indexOf('types.emotional');
    const social = header.indexOf('types.social');
    const cells = first.split(',');
    assert.equal(cells[emotional], '1');
    assert.equal(cells[social], '0');
    // Formula injection neutralised and quoted.
    assert.ok(first.includes(`"'=HYPERLINK(""http://evil.test"")"`), first);
  });

  test('CSV cells: formulas prefixed, quotes doubled, numbers untouched', () => {
    assert.equal(cell('=1+2'), "'=1+2");
    assert.equal(cell('+1'), "'+1");
    assert.equal(cell('-1'), "'-1");
    assert.equal(cell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(cell('\tx'), "'\tx");
    assert.equal(cell('\rx'), `"'\rx"`);
    assert.equal(cell('a,b'), '"a,b"');
    assert.equal(cell('say "hi"'), '"say ""hi"""');
    assert.equal(cell('line\nbreak'), '"line\nbreak"');
    assert.equal(cell(-3), '-3');
    assert.equal(cell('plain'), 'plain');
  });
});

// POST /responses against the real server on both engines: the receiver contract (catalogue
// scenario 26), exactly-once, and the survey-aware checks that stop injected values and columns.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { engines, exported, json, post, staff, submission, withCollector, type TestCollector } from './helpers.js';

for (const { engine, skip } of engines) {
  describe(`POST /responses (${engine})`, { skip }, () => {
    let collector: TestCollector;
    before(async () => {
      collector = await withCollector(engine);
    });
    after(() => collector?.stop());

    const storedIds = async () => (await exported(collector.url)).map((row) => row.id);

    test('stores a valid response once and answers 201; the stored copy is what was sent', async () => {
      const body = submission({ answers: { types: ['information', 'emotional'], helped: 'no', why: 'Too short', heard: 2 } });
      const res = await post(collector.url, body);
      assert.equal(res.status, 201);
      assert.deepEqual(await json(res), { stored: true, id: body.id });
      assert.equal(res.headers.get('set-cookie'), null);
      const stored = (await exported(collector.url)).find((row) => row.id === body.id);
      // Choices in option order, as the widget's buildSubmission sends them.
      assert.deepEqual(stored, { ...body, answers: { types: ['emotional', 'information'], helped: 'no', heard: 2, why: 'Too short' } });
    });

    test('a repeated Idempotency-Key answers 409 { duplicate: true } and stores nothing', async () => {
      const body = submission();
      assert.equal((await post(collector.url, body)).status, 201);
      const again = await post(collector.url, body);
      assert.equal(again.status, 409);
      assert.equal((await json(again)).duplicate, true);
      assert.equal((await storedIds()).filter((id) => id === body.id).length, 1);
    });

    test('concurrent requests with one key store one record: one 201, the rest 409', async () => {
      const body = submission();
      const statuses = (await Promise.all(Array.from({ length: 8 }, () => post(collector.url, body)))).map((r) => r.status);
      assert.deepEqual(statuses.sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
      assert.equal((await storedIds()).filter((id) => id === body.id).length, 1);
    });

    test('submittedAt is floored again to the survey time bucket (a client cannot store a finer time)', async () => {
      const body = submission({ submittedAt: '2026-03-02T17:43:12.345Z' });
      assert.equal((await post(collector.url, body)).status, 201);
      const stored = (await exported(collector.url)).find((row) => row.id === body.id)!;
      assert.equal(stored.submittedAt, '2026-03-02T00:00:00.000Z');
    });

    test('control characters and bidi overrides are removed from stored text; newlines and tabs stay', async () => {
      const body = submission({
        answers: { types: ['other'], 'types.other': '\u0000=cmd\u202E|x', story: 'line one\n\tline two\u0007\u2066\u0085 end' },
      });
      assert.equal((await post(collector.url, body)).status, 201);
      const stored = (await exported(collector.url)).find((row) => row.id === body.id)!;
      assert.equal(stored.answers['types.other'], '=cmd|x');
      assert.equal(stored.answers.story, 'line one\n\tline two end');
    });

    const refused: Array<[string, Parameters<typeof submission>[0], string]> = [
      ['an unknown question', { answers: { types: ['emotional'], injected: 'Call 1-900-…, our new helpline' } }, 'answers.injected'],
      ['a value that is not an option', { answers: { types: ['emotional', 'Call 1-900-…'] } }, 'answers.types'],
      ['a single-choice value that is not an option', { answers: { helped: 'maybe' } }, 'answers.helped'],
      ['a rating out of range', { answers: { heard: 9 } }, 'answers.heard'],
      ['a rating that is not whole', { answers: { heard: 2.5 } }, 'answers.heard'],
      ['text over maxLength', { answers: { helped: 'no', why: 'x'.repeat(51) } }, 'answers.why'],
      ['an answer to a question its showIf hides', { answers: { helped: 'yes', why: 'hidden' } }, 'answers.why'],
      ['"Other" text without choosing "other"', { answers: { types: ['emotional'], 'types.other': 'text' } }, 'answers.types.other'],
      ['"Other" text on a question without allowOther', { answers: { helped: 'yes', 'helped.other': 'text' } }, 'answers.helped.other'],
      ['more choices than max', { answers: { types: ['emotional', 'social', 'information', 'practical', 'crisis'] } }, 'answers.types'],
      ['a tag value the config does not declare', { tags: { site: 'south', channel: 'phone' } }, 'tags.site'],
      ['a tag the config does not declare', { tags: { site: 'north', channel: 'phone', extra: 'x' } }, 'tags.extra'],
      ['a locale the survey does not have', { locale: 'de' }, 'locale'],
      ['a wrong type for an answer', { answers: { types: 'emotional' } }, 'answers.types'],
    ];
    for (const [name, overrides, path] of refused) {
      test(`${name} → 400 invalid-submission naming ${path}, nothing stored`, async () => {
        const body = submission(overrides);
        const res = await post(collector.url, body);
        assert.equal(res.status, 400);
        const error = await json(res);
        assert.equal(error.error, 'invalid-submission');
        assert.ok(error.issues.some((issue: { path: string }) => issue.path === path), JSON.stringify(error.issues));
        assert.ok(!(await storedIds()).includes(body.id));
      });
    }

    test('~2,000 distinct values in one POST are refused (no column or summary cell per value)', async () => {
      const values = Array.from({ length: 2000 }, (_, i) => `v${i}`);
      const body = submission({ answers: { types: values } });
      const res = await post(collector.url, body);
      assert.equal(res.status, 400);
      const error = await json(res);
      assert.equal(error.error, 'invalid-submission');
      assert.ok(JSON.stringify(error).length < 4000, 'the answer stays small');
      assert.ok(!(await storedIds()).includes(body.id));
    });

    test('an unknown survey id → 400 unknown-survey; an unknown version → 400 unknown-survey', async () => {
      const unknown = await post(collector.url, submission({ survey: { id: 'nobody-configured-this', version: 1 } }));
      assert.equal(unknown.status, 400);
      assert.equal((await json(unknown)).error, 'unknown-survey');
      const version = await post(collector.url, submission({ survey: { id: 'after-call', version: 7 } }));
      assert.equal(version.status, 400);
      assert.match((await json(version)).message, /version 7/);
    });

    for (const [name, body] of [
      ['an extra top-level key', { ...submission(), userAgent: 'Mozilla/5.0' }],
      ['a missing key', (({ locale: _locale, ...rest }) => rest)(submission())],
      ['an id that is not a UUID v4', submission({ id: 'not-a-uuid' })],
      ['a non-ISO date', submission({ submittedAt: 'yesterday' })],
    ] as const) {
      test(`wrong schema (${name}) → 400 invalid-submission with issues`, async () => {
        const res = await post(collector.url, body);
        assert.equal(res.status, 400);
        const error = await json(res);
        assert.equal(error.error, 'invalid-submission');
        assert.ok(Array.isArray(error.issues) && error.issues.length > 0);
      });
    }

    test('malformed JSON and invalid UTF-8 → 400 invalid-json', async () => {
      const res = await post(collector.url, '{"id": ', { 'idempotency-key': crypto.randomUUID() });
      assert.equal(res.status, 400);
      assert.equal((await json(res)).error, 'invalid-json');
      const bytes = await fetch(`${collector.url}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
        body: Buffer.from([0x7b, 0xff, 0x7d]),
      });
      assert.equal(bytes.status, 400);
      assert.equal((await json(bytes)).error, 'invalid-json');
    });

    test('missing Idempotency-Key → 400; a key different from the body id → 400 idempotency-key-mismatch', async () => {
      const missing = await fetch(`${collector.url}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission()),
      });
      assert.equal(missing.status, 400);
      assert.equal((await json(missing)).error, 'missing-idempotency-key');
      const mismatch = await post(collector.url, submission(), { 'idempotency-key': crypto.randomUUID() });
      assert.equal(mismatch.status, 400);
      assert.equal((await json(mismatch)).error, 'idempotency-key-mismatch');
    });

    test('not application/json → 415 unsupported-media-type', async () => {
      const res = await post(collector.url, submission(), { 'content-type': 'text/plain' });
      assert.equal(res.status, 415);
      assert.equal((await json(res)).error, 'unsupported-media-type');
    });

    test('a body over 16 KiB → 413 payload-too-large, nothing stored', async () => {
      const body = submission({ answers: { story: 'x'.repeat(17 * 1024) } });
      const res = await post(collector.url, body);
      assert.equal(res.status, 413);
      assert.equal((await json(res)).error, 'payload-too-large');
      assert.ok(!(await storedIds()).includes(body.id));
    });

    test('a chunked body (no Content-Length) is cut off once over the limit → 413', async () => {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${collector.url}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        });
        req.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write('{"pad":"');
        req.write('y'.repeat(20 * 1024));
        req.end('"}');
      });
      assert.equal(status, 413);
      assert.equal(JSON.parse(body).error, 'payload-too-large');
    });

    test('a "__proto__" answer key is refused as an unknown question and pollutes nothing', async () => {
      const id = crypto.randomUUID();
      const raw = `{"id":"${id}","survey":{"id":"after-call","version":1},"submittedAt":"2026-03-02T10:00:00Z","locale":"en","answers":{"__proto__":{"polluted":1},"helped":"yes"},"tags":{"site":"north","channel":"phone"}}`;
      const res = await post(collector.url, raw, { 'idempotency-key': id });
      assert.equal(res.status, 400);
      assert.ok((await json(res)).issues.some((issue: { path: string }) => issue.path === 'answers.__proto__'));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });

  describe(`COLLECTOR_ACCEPT_UNKNOWN=1 (${engine})`, { skip }, () => {
    let collector: TestCollector;
    before(async () => {
      collector = await withCollector(engine, { acceptUnknown: true });
    });
    after(() => collector?.stop());

    test('a survey without a config is stored (control characters removed, time to the hour) and counted in totals only', async () => {
      const body = submission({
        survey: { id: 'legacy', version: 'v2' },
        submittedAt: '2026-03-02T17:43:12Z',
        answers: { q: '\u0000=x', list: ['a', 'b'] },
        tags: {},
      });
      assert.equal((await post(collector.url, body)).status, 201);
      const [stored] = await exported(collector.url, 'legacy');
      assert.deepEqual(stored, { ...body, submittedAt: '2026-03-02T17:00:00.000Z', answers: { q: '=x', list: ['a', 'b'] } });
      const summary = await json(await fetch(`${collector.url}/summary?survey=legacy`, { headers: staff }));
      assert.deepEqual(summary.questions, []);
    });

    test('still bounded: 2,000 values in one POST → 400', async () => {
      const body = submission({ survey: { id: 'legacy', version: 1 }, answers: { list: Array.from({ length: 2000 }, (_, i) => `v${i}`) } });
      const res = await post(collector.url, body);
      assert.equal(res.status, 400);
    });

    test('a known survey is still checked against its config', async () => {
      const res = await post(collector.url, submission({ answers: { helped: 'maybe' } }));
      assert.equal(res.status, 400);
    });
  });
}

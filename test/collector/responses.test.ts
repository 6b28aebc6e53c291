// POST /responses against the real server: validation, dedupe, limits, CORS (catalogue scenario 26).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { json, parseJsonl, post, submission, withCollector } from './helpers.js';

type Collector = Awaited<ReturnType<typeof withCollector>>;

describe('POST /responses', () => {
  let collector: Collector;
  before(async () => {
    collector = await withCollector();
  });
  after(() => collector.stop());

  test('stores a valid response once and answers 201', async () => {
    const body = submission();
    const res = await post(collector.url, body);
    assert.equal(res.status, 201);
    assert.deepEqual(await json(res), { stored: true, id: body.id });
    assert.equal(res.headers.get('set-cookie'), null);
    const lines = parseJsonl(await readFile(collector.dataFile, 'utf8'));
    assert.deepEqual(lines.filter((line) => line.id === body.id), [body]);
  });

  test('a repeated Idempotency-Key answers 409 { duplicate: true } and stores nothing', async () => {
    const body = submission();
    assert.equal((await post(collector.url, body)).status, 201);
    const before = await readFile(collector.dataFile, 'utf8');
    const again = await post(collector.url, body);
    assert.equal(again.status, 409);
    assert.equal((await json(again)).duplicate, true);
    assert.equal(await readFile(collector.dataFile, 'utf8'), before);
  });

  test('concurrent requests with one key store one record', async () => {
    const body = submission();
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => post(collector.url, body)))).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
    const lines = parseJsonl(await readFile(collector.dataFile, 'utf8'));
    assert.equal(lines.filter((line) => line.id === body.id).length, 1);
  });

  test('malformed JSON → 400 invalid-json', async () => {
    const res = await post(collector.url, '{"id": ', { 'idempotency-key': crypto.randomUUID() });
    assert.equal(res.status, 400);
    const error = await json(res);
    assert.equal(error.error, 'invalid-json');
    assert.equal(typeof error.message, 'string');
  });

  test('invalid UTF-8 → 400 invalid-json', async () => {
    const res = await fetch(`${collector.url}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
      body: Buffer.from([0x7b, 0xff, 0x7d]),
    });
    assert.equal(res.status, 400);
    assert.equal((await json(res)).error, 'invalid-json');
  });

  for (const [name, body] of [
    ['an extra top-level key', { ...submission(), userAgent: 'Mozilla/5.0' }],
    ['a missing key', (({ locale: _locale, ...rest }) => rest)(submission())],
    ['an answer of the wrong type', submission({ answers: { types: [1, 2] as unknown as string[] } })],
    ['an id that is not a UUID v4', submission({ id: 'not-a-uuid' })],
    ['a non-ISO date', submission({ submittedAt: 'yesterday' })],
  ] as const) {
    test(`wrong schema (${name}) → 400 invalid-submission with issues, nothing stored`, async () => {
      const before = await readFile(collector.dataFile, 'utf8');
      const res = await post(collector.url, body);
      assert.equal(res.status, 400);
      const error = await json(res);
      assert.equal(error.error, 'invalid-submission');
      assert.ok(Array.isArray(error.issues) && error.issues.length > 0);
      for (const issue of error.issues) assert.equal(typeof issue.path, 'string');
      assert.equal(await readFile(collector.dataFile, 'utf8'), before);
    });
  }

  test('the issue path points at the bad answer', async () => {
    const res = await post(collector.url, submission({ answers: { heard: { deep: 1 } as unknown as number } }));
    const error = await json(res);
    assert.equal(error.issues[0].path, 'answers.heard');
  });

  test('missing Idempotency-Key → 400 missing-idempotency-key', async () => {
    const res = await fetch(`${collector.url}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission()),
    });
    assert.equal(res.status, 400);
    assert.equal((await json(res)).error, 'missing-idempotency-key');
  });

  test('Idempotency-Key different from the body id → 400 idempotency-key-mismatch', async () => {
    const res = await post(collector.url, submission(), { 'idempotency-key': crypto.randomUUID() });
    assert.equal(res.status, 400);
    assert.equal((await json(res)).error, 'idempotency-key-mismatch');
  });

  test('not application/json → 415 unsupported-media-type', async () => {
    const res = await post(collector.url, submission(), { 'content-type': 'text/plain' });
    assert.equal(res.status, 415);
    assert.equal((await json(res)).error, 'unsupported-media-type');
  });

  test('a body over 16 KiB → 413 payload-too-large, nothing stored', async () => {
    const before = await readFile(collector.dataFile, 'utf8');
    const res = await post(collector.url, submission({ answers: { note: 'x'.repeat(17 * 1024) } }));
    assert.equal(res.status, 413);
    assert.equal((await json(res)).error, 'payload-too-large');
    assert.equal(await readFile(collector.dataFile, 'utf8'), before);
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

  test('a body exactly at the limit is read (and judged on its content)', async () => {
    const body = submission({ answers: { note: '' } });
    const size = Buffer.byteLength(JSON.stringify(body));
    body.answers.note = 'z'.repeat(16 * 1024 - size);
    const res = await post(collector.url, body);
    assert.equal(res.status, 201);
  });

  test('a "__proto__" answer key is stored as data and pollutes nothing', async () => {
    const id = crypto.randomUUID();
    const raw = `{"id":"${id}","survey":{"id":"after-call","version":1},"submittedAt":"2026-03-02T10:00:00Z","locale":"en","answers":{"__proto__":"x","constructor":"y"},"tags":{}}`;
    const res = await post(collector.url, raw, { 'idempotency-key': id });
    assert.equal(res.status, 201);
    assert.equal(({} as Record<string, unknown>).x, undefined);
    const line = parseJsonl(await readFile(collector.dataFile, 'utf8')).find((record) => record.id === id);
    assert.ok(line && Object.hasOwn((line as unknown as { answers: object }).answers, '__proto__'));
  });
});

describe('CORS, limits and other routes', () => {
  let collector: Collector;
  before(async () => {
    collector = await withCollector({ rateLimit: { max: 3, windowMs: 60_000 } });
  });
  after(() => collector.stop());

  test('a configured origin gets CORS headers and a preflight allowing Idempotency-Key', async () => {
    const res = await fetch(`${collector.url}/responses`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://allowed.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://allowed.test');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /retry-after/);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  test('any other origin gets no CORS headers', async () => {
    const res = await fetch(`${collector.url}/responses`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('over the rate limit → 429 rate-limited with Retry-After (health is exempt)', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await post(collector.url, submission(), { origin: 'http://allowed.test' });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    assert.equal((await json(last!)).error, 'rate-limited');
    assert.ok(Number(last!.headers.get('retry-after')) >= 1);
    assert.equal(last!.headers.get('access-control-allow-origin'), 'http://allowed.test');
    assert.equal((await fetch(`${collector.url}/health`)).status, 200);
  });

  test('unknown route → 404 not-found; wrong method → 405', async () => {
    const missing = await fetch(`${collector.url}/nope`);
    assert.equal(missing.status, 404);
    assert.equal((await json(missing)).error, 'not-found');
    const wrong = await fetch(`${collector.url}/responses`);
    assert.equal(wrong.status, 405);
    assert.match(wrong.headers.get('allow') ?? '', /POST/);
  });

  test('GET /health → { ok: true }', async () => {
    const res = await fetch(`${collector.url}/health`);
    assert.deepEqual(await json(res), { ok: true });
  });
});

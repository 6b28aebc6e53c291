// The HTTP surface around storage: CORS for listed origins only, the rate limit, 404/405, health,
// the staff token, body limits on every route that reads a body, the refusal to start with a short
// token or weak disclosure settings, the demo switch kept out of production.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoOfflineSwitch } from '../../collector/src/demo.js';
import { startCollector, type CollectorOptions } from '../../collector/src/server.js';
import { TOKEN, engines, freshDatabase, json, post, submission, tempDir, withCollector, type TestCollector } from './helpers.js';
import { databaseEnv, launch } from './processes.js';

for (const { engine, skip } of engines) {
  describe(`HTTP surface (${engine})`, { skip }, () => {
    let collector: TestCollector;
    before(async () => {
      collector = await withCollector(engine);
    });
    after(() => collector?.stop());

    test('a listed origin gets a preflight allowing Idempotency-Key and Altcha, exposing Retry-After', async () => {
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
      assert.deepEqual((res.headers.get('access-control-allow-headers') ?? '').split(','), ['content-type', 'idempotency-key', 'altcha']);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /retry-after/);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
    });

    test('any other origin gets no CORS headers; exports never get CORS headers', async () => {
      const res = await fetch(`${collector.url}/responses`, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      const exportRes = await fetch(`${collector.url}/export.csv?survey=after-call`, {
        headers: { origin: 'http://allowed.test', authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(exportRes.status, 200);
      assert.equal(exportRes.headers.get('access-control-allow-origin'), null);
      await exportRes.body?.cancel();
    });

    test('over the rate limit → 429 rate-limited with Retry-After and CORS headers', async () => {
      const limited = await withCollector(engine, { rateLimit: { max: 3 } });
      after(() => limited.stop());
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i += 1) {
        last = await post(limited.url, submission(), { origin: 'http://allowed.test' });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      assert.equal((await json(last!)).error, 'rate-limited');
      assert.ok(Number(last!.headers.get('retry-after')) >= 1);
      assert.equal(last!.headers.get('access-control-allow-origin'), 'http://allowed.test');
    });

    test('/health and the dashboard\'s files are rate limited too (the files in a bucket ten times as large)', async () => {
      const limited = await withCollector(engine, { rateLimit: { max: 3 } });
      after(() => limited.stop());
      const statuses = async (path: string, times: number) => {
        const seen: number[] = [];
        for (let i = 0; i < times; i += 1) {
          const res = await fetch(`${limited.url}${path}`);
          await res.body?.cancel();
          seen.push(res.status);
        }
        return seen;
      };
      assert.deepEqual(await statuses('/health', 4), [200, 200, 200, 429]);
      const files = await statuses('/dashboard/encounter-survey.js', 31);
      assert.deepEqual(files.slice(0, 30), Array(30).fill(200), 'run npm run build first: the dashboard serves dist/');
      assert.equal(files[30], 429);
    });

    test('unknown route → 404 not-found; wrong method → 405 with Allow', async () => {
      const missing = await fetch(`${collector.url}/nope`);
      assert.equal(missing.status, 404);
      assert.deepEqual(Object.keys(await json(missing)), ['error', 'message']);
      const wrong = await fetch(`${collector.url}/health`, { method: 'DELETE' });
      assert.equal(wrong.status, 405);
      assert.match(wrong.headers.get('allow') ?? '', /GET/);
      assert.equal((await json(wrong)).error, 'method-not-allowed');
    });

    test(`GET /health → { ok: true, storage: "${engine}" }, no cookies, no caching`, async () => {
      const res = await fetch(`${collector.url}/health`);
      assert.deepEqual(await json(res), { ok: true, storage: engine });
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('set-cookie'), null);
    });

    test('exports need the staff token: none, wrong, or a prefix of it → 401 unauthorized', async () => {
      const attempts: Array<Record<string, string>> = [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }];
      for (const headers of attempts) {
        for (const path of ['/export.csv?survey=after-call', '/export.json?survey=after-call']) {
          const res = await fetch(`${collector.url}${path}`, { headers });
          assert.equal(res.status, 401, `${path} ${JSON.stringify(headers)}`);
          assert.equal((await json(res)).error, 'unauthorized');
          assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
        }
      }
      const malformed = await fetch(`${collector.url}/export.csv?survey=after-call`, { headers: { authorization: TOKEN } });
      assert.equal(malformed.status, 400);
      assert.equal((await json(malformed)).error, 'invalid-authorization');
    });

    test('POST /staff/session with a 100 KiB body → 413 payload-too-large, no session', async () => {
      const res = await fetch(`${collector.url}/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(collector.url).origin },
        body: JSON.stringify({ token: TOKEN, padding: 'x'.repeat(100 * 1024) }),
      });
      assert.equal(res.status, 413);
      const body = await json(res);
      assert.deepEqual(Object.keys(body), ['error', 'message']);
      assert.equal(body.error, 'payload-too-large');
      assert.match(body.message, /1024-byte limit of POST \/staff\/session/);
      assert.equal(res.headers.get('set-cookie'), null);
    });

    test('POST /demo/offline is not a route in production', async () => {
      const res = await fetch(`${collector.url}/demo/offline`, { method: 'POST', body: '{"offline":true}' });
      assert.equal(res.status, 404);
    });
  });
}

describe('start-up refusals and the demo switch', () => {
  test('a staff token shorter than 24 characters is refused before anything starts', async () => {
    await assert.rejects(
      startCollector({ database: { dataDir: '/nonexistent/never-opened' }, staffToken: 'short-token-12345' }),
      /at least 24 characters/,
    );
  });

  test('k below 5, or a rounding below 5 or above k, is refused before anything listens, naming the variable', async () => {
    /** The start's error message, or "started" (then closed at once). */
    const refusal = async (settings: Partial<CollectorOptions>) => {
      const folder = await tempDir();
      try {
        const collector = await startCollector({ port: 0, database: { dataDir: folder.dir }, staffToken: TOKEN, ...settings });
        await collector.close();
        return 'started';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await folder.remove();
      }
    };
    assert.match(await refusal({ k: 1 }), /^COLLECTOR_K \(k\) must be a whole number of at least 5 \(got 1\)/);
    assert.match(await refusal({ k: 4 }), /^COLLECTOR_K /);
    assert.match(await refusal({ rounding: 2 }), /^COLLECTOR_ROUNDING \(rounding\) must be a whole number from 5 to COLLECTOR_K, 11 \(got 2\)/);
    assert.match(await refusal({ k: 5, rounding: 10 }), /^COLLECTOR_ROUNDING .* \(got 10\)/);
    assert.match(await refusal({ summarySecret: 'short' }), /^COLLECTOR_SUMMARY_SECRET .*at least 24 characters/);
  });

  test('the same refusals from the environment: COLLECTOR_K=1, COLLECTOR_ROUNDING=15 with k 11', async () => {
    const folder = await tempDir();
    try {
      const env = databaseEnv({ dataDir: folder.dir });
      const [k, rounding] = await Promise.allSettled([launch({ ...env, COLLECTOR_K: '1' }), launch({ ...env, COLLECTOR_DATA_DIR: `${folder.dir}/2`, COLLECTOR_ROUNDING: '15' })]);
      assert.equal(k.status, 'rejected', 'COLLECTOR_K=1 started');
      assert.match((k as PromiseRejectedResult).reason.message, /collector: COLLECTOR_K must be a whole number ≥ 5 \(got "1"\)/);
      assert.equal(rounding.status, 'rejected', 'COLLECTOR_ROUNDING=15 started');
      assert.match((rounding as PromiseRejectedResult).reason.message, /collector: COLLECTOR_ROUNDING \(rounding\) must be a whole number from 5 to COLLECTOR_K, 11 \(got 15\)/);
    } finally {
      await folder.remove();
    }
  });

  test('with the demo switch, /responses answers 503 with Retry-After while "offline", then stores again', async () => {
    const database = await freshDatabase('pglite');
    const collector = await startCollector({
      port: 0,
      database: database.location,
      staffToken: TOKEN,
      surveys: (await import('./helpers.js')).surveys(),
      extras: demoOfflineSwitch(),
    });
    try {
      const set = (offline: boolean) => fetch(`${collector.url}/demo/offline`, { method: 'POST', body: JSON.stringify({ offline }) });
      assert.equal((await set(true)).status, 200);
      const body = submission();
      const offline = await post(collector.url, body);
      assert.equal(offline.status, 503);
      assert.equal(offline.headers.get('retry-after'), '2');
      assert.equal((await set(false)).status, 200);
      assert.equal((await post(collector.url, body)).status, 201);
    } finally {
      await collector.close();
      await database.drop();
    }
  });
});

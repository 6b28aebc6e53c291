// Staff sign-in: the token exchanged for an HttpOnly, SameSite=Strict session cookie kept in SQL
// (so any instance knows it), sign-out, expiry, Origin checked on every state change; the
// dashboard page and the files it may load. Both engines; two instances on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startCollector } from '../../collector/src/server.js';
import { TOKEN, engines, freshDatabase, json, signIn, surveys, useClock, withCollector, type TestCollector } from './helpers.js';

const signInRequest = (url: string, token: string, origin: string | null) =>
  fetch(`${url}/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ token }),
  });

for (const { engine, skip } of engines) {
  describe(`staff sessions and the dashboard (${engine})`, { skip }, () => {
    let collector: TestCollector;
    let today = new Date('2026-03-02T12:00:00Z');
    before(async () => {
      collector = await withCollector(engine, { sessionMinutes: 60, now: () => today });
    });
    after(() => collector?.stop());

    test('the staff token buys an HttpOnly, SameSite=Strict cookie; the cookie opens every staff route', async () => {
      const res = await signInRequest(collector.url, TOKEN, new URL(collector.url).origin);
      assert.equal(res.status, 201);
      const cookie = res.headers.get('set-cookie')!;
      assert.match(cookie, /^es-staff=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/, 'http: no Secure flag (the browser would drop it)');
      const session = cookie.split(';')[0]!;
      for (const path of ['/staff/session', '/export.csv?survey=after-call', '/export.json?survey=after-call', '/summary?survey=after-call']) {
        assert.equal((await fetch(`${collector.url}${path}`, { headers: { cookie: session } })).status, 200, path);
        assert.equal((await fetch(`${collector.url}${path}`)).status, 401, `${path} without the cookie`);
      }
      const described = await json(await fetch(`${collector.url}/staff/session`, { headers: { cookie: session } }));
      assert.equal(described.surveys[0].id, 'after-call');
      assert.deepEqual(described.surveys[0].tags, { site: ['north'], channel: ['phone'] });
      assert.deepEqual(described.surveys[0].units, ['week', 'month']);
    });

    test('a wrong token is 401; a sign-in or sign-out from another origin, or with no Origin, is 403', async () => {
      const own = new URL(collector.url).origin;
      assert.equal((await signInRequest(collector.url, 'not-the-token-at-all-0000000', own)).status, 401);
      for (const origin of [null, 'http://evil.test', 'null']) {
        const res = await signInRequest(collector.url, TOKEN, origin);
        assert.equal(res.status, 403, String(origin));
        assert.equal((await json(res)).error, 'origin-refused');
        assert.equal(res.headers.get('set-cookie'), null);
      }
      const cookie = await signIn(collector.url);
      const out = await fetch(`${collector.url}/staff/session`, { method: 'DELETE', headers: { cookie, origin: 'http://evil.test' } });
      assert.equal(out.status, 403);
      assert.equal((await fetch(`${collector.url}/staff/session`, { headers: { cookie } })).status, 200, 'still signed in');
    });

    test('sign-out ends the session (the same cookie is refused afterwards)', async () => {
      const cookie = await signIn(collector.url);
      const out = await fetch(`${collector.url}/staff/session`, { method: 'DELETE', headers: { cookie, origin: new URL(collector.url).origin } });
      assert.equal(out.status, 204);
      assert.match(out.headers.get('set-cookie')!, /es-staff=;.*Max-Age=0/);
      assert.equal((await fetch(`${collector.url}/export.csv?survey=after-call`, { headers: { cookie } })).status, 401);
    });

    test('a session expires', async () => {
      const cookie = await signIn(collector.url);
      today = new Date(today.getTime() + 61 * 60_000);
      assert.equal((await fetch(`${collector.url}/staff/session`, { headers: { cookie } })).status, 401);
    });

    test('/dashboard: the page under a strict CSP, and only the one-file build\'s own files', async () => {
      const page = await fetch(`${collector.url}/dashboard`);
      assert.equal(page.status, 200, 'run npm run build first: the dashboard serves dist/');
      assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
      const html = await page.text();
      assert.match(html, /<survey-dashboard>/);
      // The page names its icon, and the icon is served (no 404 in the staff member's console).
      const icon = html.match(/<link rel="icon" href="([^"]+)"/)?.[1];
      assert.equal(icon, '/dashboard/favicon.svg');
      const iconResponse = await fetch(`${collector.url}${icon}`);
      assert.equal(iconResponse.status, 200);
      assert.equal(iconResponse.headers.get('content-type'), 'image/svg+xml');
      const script = await fetch(`${collector.url}/dashboard/encounter-survey.js`);
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type')!, /javascript/);
      for (const path of ['/dashboard/encounter-survey.chunks.json', '/dashboard/..%2Fpackage.json', '/dashboard/index.js']) {
        assert.equal((await fetch(`${collector.url}${path}`)).status, 404, path);
      }
    });
  });
}

describe('sessions behind https (COLLECTOR_PUBLIC_URL)', () => {
  test('the cookie is Secure and __Host- prefixed; the Origin must be the public one', async () => {
    const collector = await withCollector('pglite', { publicUrl: 'https://surveys.example.org' });
    try {
      assert.equal((await signInRequest(collector.url, TOKEN, new URL(collector.url).origin)).status, 403);
      const res = await signInRequest(collector.url, TOKEN, 'https://surveys.example.org');
      assert.equal(res.status, 201);
      assert.match(res.headers.get('set-cookie')!, /^__Host-es-staff=.*; Path=\/; .*Secure/);
    } finally {
      await collector.stop();
    }
  });
});

describe('sessions across instances (postgres)', { skip: engines[1]!.skip }, () => {
  test('signed in on one instance, known to another; signed out on the second, refused by the first', async () => {
    const database = await freshDatabase('postgres');
    useClock(undefined); // the real clock, as this collector has
    const start = () => startCollector({ port: 0, database: database.location, staffToken: TOKEN, surveys: surveys(), rateLimit: false });
    const [a, b] = [await start(), await start()];
    try {
      const cookie = await signIn(a.url);
      assert.equal((await fetch(`${b.url}/export.json?survey=after-call`, { headers: { cookie } })).status, 200);
      const out = await fetch(`${b.url}/staff/session`, { method: 'DELETE', headers: { cookie, origin: new URL(b.url).origin } });
      assert.equal(out.status, 204);
      assert.equal((await fetch(`${a.url}/export.json?survey=after-call`, { headers: { cookie } })).status, 401);
    } finally {
      await a.close();
      await b.close();
      await database.drop();
    }
  });
});

for (const { engine, skip } of engines) {
  describe(`staff sessions end with the token that made them (${engine})`, { skip }, () => {
    test('a new COLLECTOR_STAFF_TOKEN on the same database: every session made with the old one is refused at once', async () => {
      const database = await freshDatabase(engine);
      const start = (staffToken: string) => startCollector({ port: 0, database: database.location, staffToken, surveys: surveys(), rateLimit: false });
      let collector = await start(TOKEN);
      try {
        const cookie = await signIn(collector.url);
        assert.equal((await fetch(`${collector.url}/export.csv?survey=after-call`, { headers: { cookie } })).status, 200);
        await collector.close();
        collector = await start(`${TOKEN.slice(0, -6)}rotate`);
        for (const path of ['/export.csv?survey=after-call', '/export.json?survey=after-call', '/staff/session']) {
          assert.equal((await fetch(`${collector.url}${path}`, { headers: { cookie } })).status, 401, path);
        }
      } finally {
        await collector.close();
        await database.drop();
      }
    });

    test('DELETE /staff/sessions signs every session out (from the dashboard or with the Bearer token)', async () => {
      const collector = await withCollector(engine);
      try {
        const own = new URL(collector.url).origin;
        const [first, second] = [await signIn(collector.url), await signIn(collector.url)];
        const refused = await fetch(`${collector.url}/staff/sessions`, { method: 'DELETE', headers: { cookie: first, origin: 'http://evil.test' } });
        assert.equal(refused.status, 403);
        const out = await fetch(`${collector.url}/staff/sessions`, { method: 'DELETE', headers: { cookie: first, origin: own } });
        assert.equal(out.status, 204);
        for (const cookie of [first, second]) assert.equal((await fetch(`${collector.url}/staff/session`, { headers: { cookie } })).status, 401);
        const third = await signIn(collector.url);
        const script = await fetch(`${collector.url}/staff/sessions`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(script.status, 204);
        assert.equal((await fetch(`${collector.url}/staff/session`, { headers: { cookie: third } })).status, 401);
        assert.equal((await fetch(`${collector.url}/staff/sessions`, { method: 'DELETE', headers: { origin: own } })).status, 401, 'staff only');
      } finally {
        await collector.stop();
      }
    });
  });
}

// A scripted stand-in for the collector's staff API, mounted in web-test-runner's dev server, so the
// dashboard's browser tests run over real HTTP with real cookies in all three engines. It answers as
// the collector does (401 without a session, 403 from another origin, an HttpOnly SameSite=Strict
// cookie, 204 on sign-out) but its summaries are fixtures made by `summarize()` (test/dashboard/fixtures).
// The real collector behind the real dashboard is tested end to end in test/e2e/dashboard.test.ts.
//
//   /__staff/<bucket>/staff/session   POST {token} · GET · DELETE     (token: "dashboard-fixture-token-0123456789")
//   a bucket starting "twins" lists two surveys with the same title (drop-in, drop-in-east)
//   /__staff/<bucket>/summary          the fixture for ?tag.site=south, ?from=to (one month), or all
//   /__staff/<bucket>/export.csv|json  a line of text, only with a session
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const FIXTURE_TOKEN = 'dashboard-fixture-token-0123456789';
const fixture = (name) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');

export function staffApiFixture() {
  const sessions = new Set();
  return async (ctx, next) => {
    const match = /^\/__staff\/([\w-]+)\/(staff\/session|summary|export\.csv|export\.json)$/.exec(ctx.path);
    if (!match) return next();
    const [, bucket, route] = match;
    const cookiePath = `/__staff/${bucket}`;
    const value = ctx.cookies.get('es-staff');
    const signedIn = value !== undefined && sessions.has(value);
    const send = (status, body) => {
      ctx.status = status;
      ctx.set('cache-control', 'no-store');
      if (body !== undefined) {
        ctx.type = 'application/json';
        ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
      }
    };
    if (route === 'staff/session' && ctx.method !== 'GET') {
      if (ctx.get('origin') !== ctx.origin) return send(403, { error: 'origin-refused' });
      if (ctx.method === 'DELETE') {
        sessions.delete(value);
        ctx.cookies.set('es-staff', '', { path: cookiePath, httpOnly: true, sameSite: 'strict', maxAge: 0, overwrite: true });
        return send(204);
      }
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      let token;
      try {
        token = JSON.parse(Buffer.concat(chunks).toString('utf8')).token;
      } catch {
        return send(400, { error: 'invalid-json' });
      }
      if (token !== FIXTURE_TOKEN) return send(401, { error: 'unauthorized' });
      const session = randomBytes(16).toString('hex');
      sessions.add(session);
      ctx.cookies.set('es-staff', session, { path: cookiePath, httpOnly: true, sameSite: 'strict', overwrite: true });
      return send(201, { signedIn: true });
    }
    if (!signedIn) return send(401, { error: 'unauthorized' });
    if (route === 'staff/session') return send(200, fixture(bucket.startsWith('twins') ? 'session-twins' : 'session'));
    if (route === 'summary') {
      const query = new URLSearchParams(ctx.querystring);
      const name = query.get('tag.site') === 'south' ? 'south' : query.get('from') && query.get('from') === query.get('to') ? 'month' : 'all';
      return send(200, fixture(name));
    }
    ctx.type = 'text/plain';
    ctx.body = 'id,survey\n';
  };
}

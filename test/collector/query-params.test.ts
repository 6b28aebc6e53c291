// Query parameters are anyone's text: a control character (NUL, C0, DEL, C1) in any name or value
// is a 400 on every route, before any route reads it (PostgreSQL refuses a NUL in text, which gave a
// 500 on /summary and a 200 that broke off on /export.csv). And an export checks its survey before
// it starts the stream: an unknown survey is a 404, never a 200 with a body that ends early.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TOKEN, engines, json, post, submission, withCollector, type TestCollector } from './helpers.js';

const staffHeaders = { authorization: `Bearer ${TOKEN}` };
const routes = ['/summary?survey=after-call', '/export.csv?survey=after-call', '/export.json?survey=after-call', '/challenge', '/health', '/dashboard', '/dashboard/encounter-survey.js', '/staff/session'];

for (const { engine, skip } of engines) {
  describe(`control characters in the query (${engine})`, { skip }, () => {
    let collector: TestCollector;
    before(async () => {
      collector = await withCollector(engine);
      assert.equal((await post(collector.url, submission())).status, 201);
    });
    after(() => collector?.stop());

    for (const bad of ['survey=after%00call', 'survey=after-call%01', 'survey=after-call&unit=week%7F', 'survey=after-call&x%00=1', 'survey=%C2%85after-call']) {
      test(`?${bad} → 400 invalid-query on every route`, async () => {
        for (const route of routes) {
          const path = route.split('?')[0]!;
          const res = await fetch(`${collector.url}${path}?${bad}`, { headers: staffHeaders });
          assert.equal(res.status, 400, `${path}?${bad}`);
          const body = await json(res);
          assert.equal(body.error, 'invalid-query', path);
          assert.match(body.message, /control character/);
        }
        const posted = await fetch(`${collector.url}/responses?${bad}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        assert.equal(posted.status, 400);
        assert.equal((await json(posted)).error, 'invalid-query');
      });
    }

    test('an export of an unknown survey → 404 unknown-survey before any byte of a stream', async () => {
      for (const path of ['/export.csv', '/export.json']) {
        const res = await fetch(`${collector.url}${path}?survey=no-such-survey`, { headers: staffHeaders });
        assert.equal(res.status, 404, path);
        assert.equal(res.headers.get('content-disposition'), null);
        assert.equal((await json(res)).error, 'unknown-survey');
      }
      const known = await fetch(`${collector.url}/export.csv?survey=after-call`, { headers: staffHeaders });
      assert.equal(known.status, 200);
      assert.equal((await known.text()).trimEnd().split('\n').length, 2, 'header and the one response');
    });
  });
}

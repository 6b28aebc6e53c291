/**
 * encounter-survey → a Cloudflare Worker with a D1 database: each response stored once, by its
 * Idempotency-Key (the default "json" profile). wrangler.toml:
 *
 *   name = "survey-receiver"
 *   main = "worker.js"
 *   [[d1_databases]]
 *   binding = "DB"
 *   database_name = "survey"
 *   database_id = "<id from: wrangler d1 create survey>"
 *   [vars]
 *   ALLOWED_ORIGINS = "https://www.example.org"
 *
 * and once: wrangler d1 execute survey --command
 *   "create table if not exists responses (id text primary key, body text not null, received_at text not null)"
 *
 * D1 commits before `run()` resolves, so 201 means stored; a repeated id is skipped by the primary
 * key (insert … on conflict do nothing) and answered 200, as the receiver contract asks.
 */
export default {
  async fetch(request, env) {
    const origin = request.headers.get('Origin');
    const allowed = (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim());
    const cors = origin && allowed.includes(origin) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' } : { Vary: 'Origin' };
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key', 'Access-Control-Max-Age': '86400' },
      });
    }
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { ...cors, Allow: 'POST, OPTIONS' } });
    const key = request.headers.get('Idempotency-Key');
    const text = await request.text();
    if (text.length > 16384) return new Response(null, { status: 413, headers: cors });
    let response;
    try {
      response = JSON.parse(text);
    } catch {
      return json(400, { error: 'The body is not JSON' }, cors);
    }
    if (!key || typeof response?.id !== 'string' || response.id !== key) return json(400, { error: 'Idempotency-Key must equal the id' }, cors);
    try {
      const result = await env.DB.prepare('insert into responses (id, body, received_at) values (?1, ?2, ?3) on conflict (id) do nothing')
        .bind(key, text, new Date().toISOString())
        .run();
      return json(result.meta.changes === 1 ? 201 : 200, { stored: result.meta.changes === 1 }, cors);
    } catch {
      return json(503, { error: 'Try again later' }, { ...cors, 'Retry-After': '30' });
    }
  },
};

function json(status, body, headers) {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, 'Content-Type': 'application/json' } });
}

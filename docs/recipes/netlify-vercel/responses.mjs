/**
 * encounter-survey → a Netlify or Vercel function with PostgreSQL (Neon, Supabase, any Postgres):
 * each response stored once, by its Idempotency-Key (the default "json" profile).
 *
 * Netlify: save as netlify/functions/responses.mjs (served at /.netlify/functions/responses, or add
 *   `export const config = { path: "/api/responses" }`).
 * Vercel:  save as api/responses.mjs (served at /api/responses).
 * Both:    npm install pg; set DATABASE_URL and ALLOWED_ORIGINS (comma-separated) in the site's
 *          environment; create the table once:
 *            create table if not exists responses (id uuid primary key, body jsonb not null,
 *                                                  received_at timestamptz not null default now());
 *
 * Both platforms call a default export with a web `Request` and take a `Response` back (Netlify
 * Functions 2.0; Vercel's Node runtime with the Web signature), so one file serves both. The insert
 * commits before 201; a repeated id is skipped by the primary key and answered 200.
 */
import pg from 'pg';

let pool;
const db = () => (pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));

export default async function handler(request) {
  const origin = request.headers.get('Origin');
  const allowed = (process.env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim());
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
  // The id column is a uuid: anything else would fail the insert, forever, as a "try later".
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) return json(400, { error: 'The id is not a UUID' }, cors);
  try {
    const result = await db().query('insert into responses (id, body) values ($1, $2) on conflict (id) do nothing', [key, text]);
    return json(result.rowCount === 1 ? 201 : 200, { stored: result.rowCount === 1 }, cors);
  } catch {
    return json(503, { error: 'Try again later' }, { ...cors, 'Retry-After': '30' });
  }
}

/** Vercel's Node runtime also accepts the Web signature as a named method export. */
export const POST = handler;
export const OPTIONS = handler;

function json(status, body, headers) {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, 'Content-Type': 'application/json' } });
}

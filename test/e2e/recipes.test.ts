// The receiver recipes in docs/recipes, run as a reader would deploy them, with the platform's
// services played by small fakes that keep their documented contract (SpreadsheetApp, LockService,
// ContentService; D1's prepare/bind/run), and the Supabase SQL on a real Postgres (PGlite).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { PGlite } from '@electric-sql/pglite';

const recipeUrl = (path: string) => new URL(`../../docs/recipes/${path}`, import.meta.url).href;
const recipe = (path: string) => readFileSync(new URL(`../../docs/recipes/${path}`, import.meta.url), 'utf8');

/** A Sheet held in memory: what Code.gs calls of SpreadsheetApp, with Apps Script's 1-based ranges. */
function fakeSheet() {
  const cells: unknown[][] = [];
  const sheet = {
    cells,
    getLastRow: () => cells.length,
    getLastColumn: () => Math.max(0, ...cells.map((row) => row.length)),
    getRange: (row: number, column: number, rows: number, columns: number) => ({
      getValues: () => Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cells[row - 1 + r]?.[column - 1 + c] ?? '')),
      setValues: (values: unknown[][]) => values.forEach((line, r) => line.forEach((value, c) => ((cells[row - 1 + r] ??= [])[column - 1 + c] = value))),
      createTextFinder: (text: string) => ({
        matchEntireCell: () => ({
          findNext: () => (cells.slice(row - 1, row - 1 + rows).some((line) => String(line[column - 1]) === text) ? {} : null),
        }),
      }),
    }),
    appendRow: (values: unknown[]) => void cells.push(values),
  };
  return sheet;
}

function appsScript() {
  const sheet = fakeSheet();
  let locked = 0;
  let maxLocked = 0;
  const context = {
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSheetByName: () => sheet, insertSheet: () => sheet }), flush: () => undefined },
    LockService: {
      getScriptLock: () => ({
        waitLock: () => void (maxLocked = Math.max(maxLocked, ++locked)),
        releaseLock: () => void locked--,
      }),
    },
    ContentService: {
      MimeType: { JSON: 'application/json' },
      createTextOutput: (text: string) => ({ text, setMimeType: (type: string) => ({ text, type }) }),
    },
  };
  runInNewContext(recipe('apps-script/Code.gs'), context);
  const doPost = (body: unknown) => (context as unknown as { doPost(e: unknown): { text: string } }).doPost({ postData: { contents: typeof body === 'string' ? body : JSON.stringify(body) } });
  return { sheet, doPost: (body: unknown) => JSON.parse(doPost(body).text), maxLocked: () => maxLocked, locked: () => locked };
}

test('Apps Script Code.gs: one row per id under the lock, the header grows, formulas stay text', () => {
  const script = appsScript();
  const row = { id: 'a1', survey: 'intake', submittedAt: '2026-02-28T00:00:00.000Z', support: 'emotional, social', comment: '=IMPORTXML("x")' };
  assert.deepEqual(script.doPost(row), { ok: true });
  assert.deepEqual(script.doPost(row), { ok: true, duplicate: true });
  assert.deepEqual(script.doPost({ id: 'b2', survey: 'intake', helpful: 4 }), { ok: true });
  // Arrays made inside the script's own context: compared as plain data.
  assert.deepEqual(JSON.parse(JSON.stringify(script.sheet.cells)), [
    ['id', 'survey', 'submittedAt', 'support', 'comment', 'helpful'],
    ['a1', 'intake', '2026-02-28T00:00:00.000Z', 'emotional, social', `'=IMPORTXML("x")`],
    ['b2', 'intake', '', '', '', 4],
  ]);
  assert.equal(script.locked(), 0, 'the lock is released');
  assert.deepEqual(script.doPost('not json'), { ok: false, error: 'The body is not JSON' });
  assert.deepEqual(script.doPost({ survey: 'x' }), { ok: false, error: 'No id' });
});

test('Cloudflare Worker: CORS for the allowed origin only, 201 once, 200 for the repeat, 400 for a key that is not the id', async () => {
  // The recipes are plain JavaScript a reader copies; they carry no type declarations.
  const { default: worker } = (await import(recipeUrl('cloudflare-worker/worker.js'))) as { default: { fetch(request: Request, env: unknown): Promise<Response> } };
  const rows = new Map<string, string>();
  const DB = {
    prepare: (_sql: string) => ({
      bind: (id: string, body: string) => ({
        run: async () => {
          const fresh = !rows.has(id);
          if (fresh) rows.set(id, body);
          return { meta: { changes: fresh ? 1 : 0 } };
        },
      }),
    }),
  };
  const env = { DB, ALLOWED_ORIGINS: 'https://www.example.org' };
  const id = crypto.randomUUID();
  const post = (key: string, origin = 'https://www.example.org') =>
    worker.fetch(new Request('https://r.example.workers.dev/', { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify({ id }) }), env);
  const preflight = await worker.fetch(new Request('https://r.example.workers.dev/', { method: 'OPTIONS', headers: { Origin: 'https://www.example.org' } }), env);
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get('Access-Control-Allow-Headers')!, /Idempotency-Key/);
  assert.equal((await post(id)).status, 201);
  const again = await post(id);
  assert.equal(again.status, 200);
  assert.equal(again.headers.get('Access-Control-Allow-Origin'), 'https://www.example.org');
  assert.equal((await post(crypto.randomUUID())).status, 400);
  assert.equal((await post(id, 'https://evil.example.net')).headers.get('Access-Control-Allow-Origin'), null);
  assert.equal(rows.size, 1);
});

test('Supabase SQL: the page (anon) inserts, a repeated id is skipped, and it cannot read anything back', async () => {
  const db = new PGlite();
  // Supabase creates these roles itself; plain Postgres needs them first.
  await db.exec('create role anon nologin');
  await db.exec(recipe('supabase/schema.sql'));
  const id = crypto.randomUUID();
  const insert = () =>
    db.query(
      `insert into public.survey_responses (response_id, survey_id, survey_version, submitted_at, locale, support, helpful, site)
       values ($1, 'intake', '1', '2026-02-28T00:00:00Z', 'en', '{emotional,social}', 4, 'north') on conflict do nothing`,
      [id],
    );
  await db.exec('set role anon');
  await insert();
  await insert();
  await assert.rejects(db.query('select * from public.survey_responses'), /permission denied/);
  await assert.rejects(db.query('delete from public.survey_responses'), /permission denied/);
  await db.exec('reset role');
  const { rows } = await db.query<{ response_id: string; support: string[] }>('select response_id, support from public.survey_responses');
  assert.deepEqual(rows, [{ response_id: id, support: ['emotional', 'social'] }]);
  await db.close();
});

// The suite's runner gives node tests a real PostgreSQL (scripts/postgres.mjs) in DATABASE_URL.
test('Netlify/Vercel function: 201 once, 200 for the repeat, 400 for an id that is not a UUID (real PostgreSQL)', { skip: !process.env['DATABASE_URL'] && 'needs DATABASE_URL' }, async () => {
  const pg = (await import('pg')).default;
  const table = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await table.connect();
  await table.query('drop table if exists responses');
  await table.query('create table responses (id uuid primary key, body jsonb not null, received_at timestamptz not null default now())');
  process.env['ALLOWED_ORIGINS'] = 'https://www.example.org';
  const { default: handler } = (await import(recipeUrl('netlify-vercel/responses.mjs'))) as { default: (request: Request) => Promise<Response> };
  const post = (id: string) =>
    handler(new Request('https://site.example.org/api/responses', { method: 'POST', headers: { Origin: 'https://www.example.org', 'Idempotency-Key': id }, body: JSON.stringify({ id }) }));
  const id = crypto.randomUUID();
  assert.equal((await post(id)).status, 201);
  const again = await post(id);
  assert.equal(again.status, 200);
  assert.equal(again.headers.get('Access-Control-Allow-Origin'), 'https://www.example.org');
  assert.equal((await post('not-a-uuid')).status, 400);
  assert.equal((await table.query('select count(*)::int as n from responses')).rows[0].n, 1);
  await table.query('drop table responses');
  await table.end();
  // The recipe's pool closes its idle connection after pg's default 10 s, and this process can exit.
});

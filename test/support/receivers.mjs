// Stand-ins for the receivers small organisations use, for the delivery profiles' browser tests.
// Each reproduces the documented HTTP behaviour of the real service (preflight answers, redirects,
// allowed headers, status codes, body types), cited beside it. They listen on two loopback
// addresses, so a page on the test runner's origin (localhost) posts cross-origin, as a real page
// would:  A = 127.0.0.1 (the receiver), B = 127.0.0.2 (another host: Apps Script's echo host, or a
// redirect target the config does not allow).
//
// Same-origin control routes (web-test-runner middleware), per bucket (a random name per test):
//   GET  /__receivers/info                 { a: "http://127.0.0.1:<port>", b: "http://127.0.0.2:<port>" }
//   POST /__receivers/<bucket>/script      steps consumed one per POST to the receiver:
//                                          { status, headers, body, slowMs, reset: "before"|"after", redirectTo: "b" }
//                                          reset "after": the row is stored, then the connection dropped;
//                                          slowMs: the row is stored, then the answer waits that long.
//   POST /__receivers/<bucket>/setup       { columns, idColumn, dedupe } (PostgREST table, Apps Script script)
//   GET  /__receivers/<bucket>/state       { rows, requests: [{ method, service, contentType, accept, prefer,
//                                          idempotencyKey, origin, outcome }] }
import http from 'node:http';

const buckets = new Map();
const bucketFor = (name) => {
  let bucket = buckets.get(name);
  if (!bucket) {
    bucket = { rows: [], requests: [], script: [], setup: {}, echoes: new Map() };
    buckets.set(name, bucket);
  }
  return bucket;
};

const origins = { a: '', b: '' };

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const wait = (ms, req) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    req.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });

function send(res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  // No connection reuse: a browser silently re-sends a POST when a reused connection closes under it.
  res.setHeader('Connection', 'close');
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.writeHead(status);
  res.end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
}

const json = { 'Content-Type': 'application/json; charset=utf-8' };
const anyOrigin = { 'Access-Control-Allow-Origin': '*' };

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The scripted fault for this POST, applied around `store` (which keeps the row and returns the
 * answer to give). Returns true when the step answered (or dropped) the request itself.
 */
async function runStep(req, res, bucket, entry, store) {
  const step = bucket.script.shift() ?? {};
  if (step.reset === 'before') {
    entry.outcome = 'reset';
    req.socket.destroy();
    return;
  }
  if (step.status) {
    entry.outcome = String(step.status);
    return send(res, step.status, step.body ?? '', { ...json, ...(step.headers ?? {}) });
  }
  const answer = store(step);
  if (step.reset === 'after') {
    entry.outcome = 'stored-then-reset';
    req.socket.destroy();
    return;
  }
  if (step.slowMs) {
    entry.outcome = 'stored-then-slow';
    await wait(step.slowMs, req);
  } else entry.outcome = answer.outcome;
  send(res, answer.status, answer.body, answer.headers);
}

/**
 * Google Apps Script web app (the usual receiver of an organisation without a server).
 * - Only doGet/doPost exist (https://developers.google.com/apps-script/guides/web): an OPTIONS
 *   preflight is not answered with CORS headers, so a request with a custom header never arrives.
 * - "Due to security considerations, scripts cannot directly return content to a browser. Instead,
 *   they must serve the content from a different URL" (ContentService,
 *   https://developers.google.com/apps-script/reference/content/content-service): a POST to /exec runs
 *   doPost, then answers 302 to script.googleusercontent.com (here: host B), which serves the
 *   script's output; both answers carry `Access-Control-Allow-Origin: *`.
 * - The script here is docs/recipes/apps-script/Code.gs: under LockService it appends a row unless
 *   the id is already in the sheet (`setup.dedupe: false` plays a script without that check).
 */
async function appsScript(req, res, bucket, name, rest, entry) {
  if (rest === 'echo' && req.method === 'GET') {
    const key = new URL(req.url, 'http://x').searchParams.get('user_content_key');
    const output = bucket.echoes.get(key);
    entry.outcome = output ? 'echo' : 'echo-missing';
    return send(res, output ? 200 : 404, output ?? 'Sorry, unable to open the file at this time.', { ...anyOrigin, ...(output ? json : {}) });
  }
  if (rest !== 'exec') return send(res, 404, 'not found');
  if (req.method === 'OPTIONS') {
    entry.outcome = 'preflight-refused';
    return send(res, 405, '<html>Method Not Allowed</html>', { 'Content-Type': 'text/html' });
  }
  if (req.method !== 'POST') return send(res, 405, '');
  const text = await readBody(req);
  await runStep(req, res, bucket, entry, (step) => {
    const row = parseJson(text);
    const id = row?.id ?? row?.response_id;
    const known = bucket.setup.dedupe !== false && id !== undefined && bucket.rows.some((r) => (r.id ?? r.response_id) === id);
    if (!known) bucket.rows.push(row ?? { raw: text });
    const key = `${bucket.echoes.size + 1}`;
    bucket.echoes.set(key, JSON.stringify({ ok: true, duplicate: known }));
    const echo = step.redirectTo === 'elsewhere' ? `${origins.b}/elsewhere/${name}/echo` : `${origins.b}/apps-script/${name}/echo`;
    return { status: 302, outcome: known ? 'duplicate' : 'stored', headers: { ...anyOrigin, Location: `${echo}?user_content_key=${key}` } };
  });
}

/**
 * A Formspree-like form backend. AJAX: "set the Accept header to application/json" and the answer
 * is JSON (`{ "ok": true }`, 200); without it, a 302 to the thank-you page (Formspree's README,
 * https://github.com/formspree/formspree#using-ajax, and https://help.formspree.io/ "Submit forms with
 * JavaScript (AJAX)"). Its CORS answer allows a fixed list of headers (no Idempotency-Key). It keeps
 * every submission it is given: it cannot tell a retry from a new one. `redirect: true` in a step
 * plays a backend that answers 302 to its own thank-you page after storing, whatever Accept says.
 */
async function formBackend(req, res, bucket, name, rest, entry) {
  const cors = { ...anyOrigin, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Accept, Content-Type' };
  if (rest === 'thanks') {
    entry.outcome = 'thanks';
    return send(res, 200, '<!doctype html><p>Thanks!</p>', { ...cors, 'Content-Type': 'text/html' });
  }
  if (req.method === 'OPTIONS') {
    entry.outcome = 'preflight';
    return send(res, 204, '', cors);
  }
  if (req.method !== 'POST') return send(res, 405, '', cors);
  const text = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  await runStep(req, res, bucket, entry, (step) => {
    const fields = type.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : parseJson(text);
    if (!fields) return { status: 422, outcome: '422', body: { error: 'Unparseable form' }, headers: { ...cors, ...json } };
    bucket.rows.push(fields);
    const wantsJson = (req.headers.accept ?? '').includes('application/json');
    const redirect = step.redirect || step.redirectTo === 'elsewhere' || !wantsJson;
    if (redirect) {
      const target = step.redirectTo === 'elsewhere' ? `${origins.b}/form/${name}/thanks` : `/form/${name}/thanks`;
      return { status: 302, outcome: 'stored-302', headers: { ...cors, Location: target } };
    }
    return { status: 200, outcome: 'stored', body: { ok: true, next: '/thanks' }, headers: { ...cors, ...json } };
  });
}

/**
 * A Zapier-like catch hook: any POST body is accepted and answered 200 JSON
 * (`{ "status": "success", … }`; "With Catch Hooks, by default we will always return a success
 * message", Zapier "Webhooks – Limitations", https://help.zapier.com/hc/en-us/articles/8496288690317),
 * with no CORS headers at all (as Make, n8n and Power Automate hooks often are): a page can only post
 * to it with `mode: "no-cors"` and never read the answer. Every POST starts a run: no dedupe.
 */
async function catchHook(req, res, bucket, _name, _rest, entry) {
  if (req.method === 'OPTIONS') {
    entry.outcome = 'preflight-refused';
    return send(res, 404, '');
  }
  if (req.method !== 'POST') return send(res, 405, '');
  const text = await readBody(req);
  await runStep(req, res, bucket, entry, () => {
    bucket.rows.push(parseJson(text) ?? { raw: text });
    return { status: 200, outcome: 'stored', body: { status: 'success', attempt: String(bucket.rows.length), id: 'x', request_id: 'y' }, headers: json };
  });
}

/**
 * PostgREST (and Supabase's /rest/v1), inserting into a table with a unique id column.
 * - CORS: answers any preflight with `Access-Control-Allow-Origin: *` and the requested headers
 *   (https://docs.postgrest.org/en/stable/references/api/cors.html).
 * - Supabase's gateway answers 401 without an `apikey` (https://supabase.com/docs/guides/api).
 * - A column the table does not have: 400 PGRST204; a body that is not JSON: 415/400
 *   (https://docs.postgrest.org/en/stable/references/errors.html).
 * - A duplicate of the unique id: 409 (23505), unless `Prefer: resolution=ignore-duplicates`, which
 *   skips it (ON CONFLICT DO NOTHING) and answers 201; `return=minimal`: 201 with no body
 *   (https://docs.postgrest.org/en/stable/references/api/tables_views.html#on-conflict,
 *   https://docs.postgrest.org/en/stable/references/api/preferences.html).
 */
async function postgrest(req, res, bucket, _name, rest, entry) {
  const cors = {
    ...anyOrigin,
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS, HEAD',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
    'Access-Control-Expose-Headers': 'Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, Transfer-Encoding, Range-Unit',
  };
  if (req.method === 'OPTIONS') {
    entry.outcome = 'preflight';
    return send(res, 200, '', cors);
  }
  if (rest !== 'responses' || req.method !== 'POST') return send(res, 404, { code: 'PGRST205', message: 'Could not find the table' }, { ...cors, ...json });
  const text = await readBody(req);
  if (!req.headers.apikey) {
    entry.outcome = '401';
    return send(res, 401, { message: 'No API key found in request' }, { ...cors, ...json });
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    entry.outcome = '415';
    return send(res, 415, { code: 'PGRST107', message: 'Content-Type not acceptable' }, { ...cors, ...json });
  }
  const row = parseJson(text);
  const columns = bucket.setup.columns ?? ['id', 'survey', 'version', 'submittedAt', 'locale', 'answers', 'tags'];
  const unknown = row && Object.keys(row).find((column) => !columns.includes(column));
  if (!row || unknown) {
    entry.outcome = '400';
    return send(res, 400, { code: 'PGRST204', message: `Could not find the '${unknown}' column of 'responses' in the schema cache` }, { ...cors, ...json });
  }
  await runStep(req, res, bucket, entry, () => {
    const idColumn = bucket.setup.idColumn ?? 'id';
    const duplicate = bucket.rows.some((r) => r[idColumn] === row[idColumn]);
    const ignore = /resolution=ignore-duplicates/.test(req.headers.prefer ?? '');
    if (duplicate && !ignore) return { status: 409, outcome: '409', body: { code: '23505', message: 'duplicate key value violates unique constraint' }, headers: { ...cors, ...json } };
    if (!duplicate) bucket.rows.push(row);
    return { status: 201, outcome: duplicate ? 'duplicate' : 'stored', headers: cors };
  });
}

const services = { 'apps-script': appsScript, elsewhere: appsScript, form: formBackend, hook: catchHook, rest: postgrest };

async function handle(req, res) {
  const match = /^\/(apps-script|elsewhere|form|hook|rest)\/([\w-]+)(?:\/v1)?\/?([\w-]*)/.exec(new URL(req.url, 'http://x').pathname);
  if (!match) return send(res, 404, 'not found');
  const [, service, name, rest] = match;
  const bucket = bucketFor(name);
  const entry = {
    method: req.method,
    service,
    host: req.headers.host,
    contentType: req.headers['content-type'] ?? null,
    accept: req.headers.accept ?? null,
    prefer: req.headers.prefer ?? null,
    idempotencyKey: req.headers['idempotency-key'] ?? null,
    origin: req.headers.origin ?? null,
    cookie: req.headers.cookie ?? null,
    outcome: 'pending',
  };
  bucket.requests.push(entry);
  await services[service](req, res, bucket, name, rest, entry);
}

const servers = [];

function listen(host, key) {
  const server = http.createServer((req, res) => {
    // A client that gives up mid-request (a timeout) must not crash the test runner.
    handle(req, res).catch(() => res.destroy());
  });
  server.listen(0, host, () => {
    origins[key] = `http://${host}:${server.address().port}`;
  });
  server.unref();
  servers.push(server);
}

/** Koa middleware for web-test-runner's dev server; starts the two stand-in servers once. */
export function receiversMiddleware() {
  if (servers.length === 0) {
    listen('127.0.0.1', 'a');
    listen('127.0.0.2', 'b');
  }
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__receivers/')) return next();
    if (ctx.path === '/__receivers/info') {
      ctx.body = origins;
      return;
    }
    const match = /^\/__receivers\/([\w-]+)\/(script|setup|state)$/.exec(ctx.path);
    if (!match) return next();
    const bucket = bucketFor(match[1]);
    if (match[2] === 'state') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { rows: bucket.rows, requests: bucket.requests };
      return;
    }
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (match[2] === 'script') bucket.script.push(...body);
    else Object.assign(bucket.setup, body);
    ctx.body = { ok: true };
  };
}

// A real HTTP receiver for browser tests, mounted in web-test-runner's dev server (same origin, so
// no CORS set-up is needed) and, for cross-origin scenarios, on a second loopback port.
// Every test uses its own bucket (a random name), so three engines running at once never share state.
//
//   POST /__collector/<bucket>/responses   the receiver: dedupes by Idempotency-Key, stores, answers 201
//                                          (a repeat answers 200 and stores nothing)
//   POST /__collector/<bucket>/script      appends scripted steps, consumed one per POST to /responses:
//                                          { status, headers, body, delayMs, hang, reset: "before"|"after" }
//                                          reset "after" stores the record, then drops the connection.
//   GET  /__collector/<bucket>/state       { records: [{ key, body }], requests: [{ key, at, outcome }], maxInFlight,
//                                          challenges: [{ at, cookie, referer, outcome }] }
//   POST /__collector/<bucket>/pow         turns on ALTCHA proof of work for the bucket: { maxnumber, failChallenges }
//                                          (altcha-lib issues and verifies; a used challenge is refused). POSTs
//                                          without a valid `Altcha` header then answer 428 { error: "proof-of-work-…" }.
//   GET  /__collector/<bucket>/challenge   a fresh challenge (the first `failChallenges` answer 503)
//   GET  /__collector/info                 { crossOrigin: "http://127.0.0.1:<port>" }  (no CORS headers there
//                                          unless the path has /cors/ in it)
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib/v1';

const HMAC_KEY = randomBytes(24).toString('base64url');

const buckets = new Map();

function bucketFor(name) {
  let bucket = buckets.get(name);
  if (!bucket) {
    bucket = { records: new Map(), requests: [], script: [], inFlight: 0, maxInFlight: 0, pow: null, challenges: [], usedChallenges: new Set() };
    buckets.set(name, bucket);
  }
  return bucket;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('client aborted')));
  });
}

const delay = (ms, req) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    req.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Handles one collector request with plain node objects; returns false when the path is not ours. */
async function handle(req, res, { allowCors }) {
  const url = new URL(req.url, 'http://localhost');
  const match = url.pathname.match(/^\/__collector\/([\w-]+)(?:\/cors)?\/(responses|script|state|pow|challenge)$/);
  if (url.pathname === '/__collector/info') {
    send(res, 200, { crossOrigin: `http://127.0.0.1:${crossOriginPort}` });
    return true;
  }
  if (!match) return false;
  const cors = allowCors || url.pathname.includes('/cors/');
  if (cors) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Headers', 'content-type, idempotency-key, altcha, x-test-header');
    res.setHeader('Access-Control-Expose-Headers', 'retry-after');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return true;
    }
  }
  const [, name, action] = match;
  const bucket = bucketFor(name);
  if (action === 'script' && req.method === 'POST') {
    bucket.script.push(...JSON.parse(await readBody(req)));
    send(res, 200, { queued: bucket.script.length });
    return true;
  }
  if (action === 'state') {
    send(res, 200, {
      records: [...bucket.records].map(([key, record]) => ({ key, body: record.body, headers: record.headers })),
      requests: bucket.requests,
      maxInFlight: bucket.maxInFlight,
      challenges: bucket.challenges,
    });
    return true;
  }
  if (action === 'pow' && req.method === 'POST') {
    const { maxnumber = 1000, failChallenges = 0 } = JSON.parse(await readBody(req));
    bucket.pow = { maxnumber, failChallenges };
    send(res, 200, { pow: bucket.pow });
    return true;
  }
  if (action === 'challenge' && req.method === 'GET') {
    const entry = { at: Date.now(), cookie: req.headers.cookie ?? null, referer: req.headers.referer ?? null, outcome: 'issued' };
    bucket.challenges.push(entry);
    if (!bucket.pow || bucket.pow.failChallenges > 0) {
      if (bucket.pow) bucket.pow.failChallenges--;
      entry.outcome = '503';
      send(res, 503, { error: 'unavailable' });
      return true;
    }
    send(res, 200, await createChallenge({ hmacKey: HMAC_KEY, maxnumber: bucket.pow.maxnumber, expires: new Date(Date.now() + 60_000) }));
    return true;
  }
  if (action === 'responses' && req.method === 'POST') {
    bucket.inFlight++;
    bucket.maxInFlight = Math.max(bucket.maxInFlight, bucket.inFlight);
    try {
      return await receive(req, res, bucket);
    } finally {
      bucket.inFlight--;
    }
  }
  send(res, 405, { error: 'method-not-allowed' });
  return true;
}

/** ALTCHA check when the bucket asks for proof of work: null when the request may go on, else the error code. */
async function proofOfWorkProblem(req, bucket) {
  if (!bucket.pow) return null;
  const payload = req.headers.altcha;
  if (!payload) return 'proof-of-work-required';
  let signature;
  try {
    signature = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')).signature;
  } catch {
    return 'proof-of-work-invalid';
  }
  if (bucket.usedChallenges.has(signature) || !(await verifySolution(payload, HMAC_KEY))) return 'proof-of-work-invalid';
  bucket.usedChallenges.add(signature);
  return null;
}

/** The receiver: optional proof of work, then the scripted step, then store once per key. */
async function receive(req, res, bucket) {
  const key = req.headers['idempotency-key'] ?? null;
  const body = await readBody(req);
  const entry = { key, at: Date.now(), outcome: 'pending', cookie: req.headers.cookie ?? null, referer: req.headers.referer ?? null };
  bucket.requests.push(entry);
  const refused = await proofOfWorkProblem(req, bucket);
  if (refused) {
    entry.outcome = '428';
    send(res, 428, { error: refused });
    return true;
  }
  const step = bucket.script.shift() ?? {};
  if (step.delayMs) await delay(step.delayMs, req);
  if (step.hang) {
    entry.outcome = 'hang';
    // A response closed before it was written means the client gave up on the request (its timeout).
    res.on('close', () => (entry.closedByClient = !res.writableFinished));
    await delay(60_000, req);
    res.destroy();
    return true;
  }
  if (step.reset === 'before') {
    entry.outcome = 'reset';
    req.socket.destroy();
    return true;
  }
  if (step.status && step.reset !== 'after') {
    entry.outcome = String(step.status);
    for (const [header, value] of Object.entries(step.headers ?? {})) res.setHeader(header, value);
    send(res, step.status, step.body ?? { scripted: step.status });
    return true;
  }
  const duplicate = key !== null && bucket.records.has(key);
  if (!duplicate) {
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = body;
    }
    bucket.records.set(key ?? `no-key-${bucket.records.size}`, { body: parsed, headers: req.headers });
  }
  if (step.reset === 'after') {
    entry.outcome = 'stored-then-reset';
    req.socket.destroy();
    return true;
  }
  entry.outcome = duplicate ? 'duplicate' : 'stored';
  send(res, duplicate ? 200 : 201, { stored: !duplicate });
  return true;
}

function send(res, status, json) {
  if (res.headersSent || res.destroyed) return;
  // No connection reuse: browsers silently re-send a POST when a reused keep-alive connection closes
  // under it, and a count of requests per key must see only what the outbox itself sent.
  res.setHeader('Connection', 'close');
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.writeHead(status);
  res.end(JSON.stringify(json));
}

let crossOriginPort = 0;
let crossOriginServer;

function startCrossOriginServer() {
  if (crossOriginServer) return;
  crossOriginServer = http.createServer((req, res) => {
    // A client that gives up mid-request (an outbox timeout) must not crash the test runner's process.
    handle(req, res, { allowCors: false })
      .then((handled) => handled || send(res, 404, { error: 'not-found' }))
      .catch(() => res.destroy());
  });
  crossOriginServer.listen(0, '127.0.0.1', () => {
    crossOriginPort = crossOriginServer.address().port;
  });
  crossOriginServer.unref();
}

/** Koa middleware for web-test-runner's dev server. */
export function testCollectorMiddleware() {
  startCrossOriginServer();
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__collector/')) return next();
    ctx.respond = false;
    await handle(ctx.req, ctx.res, { allowCors: false }).catch(() => ctx.res.destroy());
  };
}

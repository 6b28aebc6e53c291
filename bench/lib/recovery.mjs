// The recovery figure (issue #16): a kiosk page queues 20 responses, one every 6 s, while its
// receiver answers 503 to everything for 2 minutes; then the receiver comes back flaky (30% of
// POSTs answer 503). Measured on the receiver: seconds from the moment it came back to the moment
// the last response was stored, and how many requests the page sent during the outage.
//
// Runs are independent (own browser context, own IndexedDB database, own receiver bucket), so they
// run side by side: the real 2-minute outage and the real retry timings (base 2 s, cap 300 s), not
// a compressed clock. The pages are idle between requests, so running them together costs no
// accuracy on 2 cores; `BENCH_RECOVERY_PARALLEL=1` runs them one after another to check that.
import { createServer } from 'node:http';
import { openOutboxPage } from './outbox.mjs';
import { summary } from './stats.mjs';

export const RECOVERY_DEFAULTS = { runs: 10, responses: 20, outageMs: 120_000, failureRate: 0.3, timeoutMs: 600_000 };

/** A receiver with one bucket per run: 'outage' answers 503, 'flaky' answers 503 to a share of POSTs. */
export async function startRecoveryReceiver({ failureRate = 0.3, random = Math.random } = {}) {
  const buckets = new Map();
  const bucket = (name) => {
    if (!buckets.has(name)) buckets.set(name, { mode: 'outage', stored: new Map(), requests: [], inFlight: 0, maxInFlight: 0 });
    return buckets.get(name);
  };
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Headers', 'content-type, idempotency-key, altcha');
    res.setHeader('Access-Control-Expose-Headers', 'retry-after');
    res.setHeader('Connection', 'close');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const match = /^\/(\w+)\/responses$/.exec(new URL(req.url, 'http://x').pathname);
    if (!match || req.method !== 'POST') return res.writeHead(404).end();
    const state = bucket(match[1]);
    const key = req.headers['idempotency-key'];
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let open = true;
    const done = () => open && ((open = false), state.inFlight--);
    res.on('close', done);
    req.resume();
    req.on('end', () => {
      const at = Date.now();
      const fail = state.mode === 'outage' || random() < failureRate;
      state.requests.push({ key, at, mode: state.mode, status: fail ? 503 : 201 });
      if (!fail && key && !state.stored.has(key)) state.stored.set(key, at);
      done();
      res.writeHead(fail ? 503 : state.stored.get(key) === at ? 201 : 200, { 'content-type': 'application/json' });
      res.end(fail ? '{"error":"unavailable"}' : '{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    bucket,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** One run: returns seconds from recovery to the last stored, and the request counts. */
async function recoveryRun(browser, receiver, { pageUrl, run, responses, outageMs, timeoutMs }) {
  const name = `run${run}x${Math.random().toString(36).slice(2, 8)}`;
  const state = receiver.bucket(name);
  const { context, page, errors } = await openOutboxPage(browser, pageUrl);
  try {
    const endpoint = `${receiver.url}/${name}/responses`;
    const outageStart = Date.now();
    // The page queues its responses by its own timers, spread over the outage.
    const queued = page.evaluate(
      ({ endpoint, name, responses, spacingMs }) => window.benchOutbox.queueOverTime(endpoint, `bench-recovery-${name}`, responses, spacingMs),
      { endpoint, name, responses, spacingMs: Math.floor(outageMs / responses) },
    );
    await sleep(outageStart + outageMs - Date.now());
    state.mode = 'flaky';
    const recoveredAt = Date.now();
    const ids = await queued;
    const deadline = recoveredAt + timeoutMs;
    while (state.stored.size < ids.length && Date.now() < deadline) await sleep(100);
    const lastStored = Math.max(...state.stored.values());
    const after = state.requests.filter((r) => r.at >= recoveredAt);
    const firstAfter = after[0]?.at ?? null;
    const firstSuccess = after.find((r) => r.status !== 503)?.at ?? null;
    await page.evaluate(() => window.benchOutbox.closeAll());
    return {
      finished: state.stored.size >= ids.length,
      stored: state.stored.size,
      recoverySeconds: state.stored.size >= ids.length ? (lastStored - recoveredAt) / 1000 : null,
      firstRequestAfterRecoverySeconds: firstAfter === null ? null : (firstAfter - recoveredAt) / 1000,
      firstSuccessAfterRecoverySeconds: firstSuccess === null ? null : (firstSuccess - recoveredAt) / 1000,
      drainSeconds: firstSuccess === null || state.stored.size < ids.length ? null : (lastStored - firstSuccess) / 1000,
      outageRequests: state.requests.filter((r) => r.mode === 'outage').length,
      requestsAfterRecovery: after.length,
      maxInFlight: state.maxInFlight,
      errors,
    };
  } finally {
    await context.close();
  }
}

export async function measureRecovery(browser, { pageUrl, receiver, log = () => {}, ...options }) {
  const settings = { ...RECOVERY_DEFAULTS, ...options };
  const parallel = Number(process.env.BENCH_RECOVERY_PARALLEL ?? settings.runs);
  const runs = [];
  for (let first = 0; first < settings.runs; first += parallel) {
    const batch = Array.from({ length: Math.min(parallel, settings.runs - first) }, (_, i) =>
      recoveryRun(browser, receiver, { pageUrl, run: first + i, ...settings }).catch((error) => ({ finished: false, error: String(error?.message ?? error) })),
    );
    runs.push(...(await Promise.all(batch)));
    log(`recovery: ${runs.length}/${settings.runs} runs done`);
  }
  return summarizeRecovery({ settings: { ...settings, parallel }, runs });
}

/** Figures over the runs; a run that never finished counts as the timeout (a lower bound), so p95 cannot hide it. */
/** A count of requests, which interpolated quantiles can make fractional. */
const count = (value) => (value == null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1));

export function summarizeRecovery({ settings, runs, ...rest }) {
  const finished = runs.filter((r) => r.finished);
  const pick = (field) => summary(finished.map((r) => r[field]));
  return {
    ...rest,
    settings,
    runs,
    finished: finished.length,
    recoverySeconds: summary(runs.map((r) => (r.finished ? r.recoverySeconds : settings.timeoutMs / 1000))),
    firstRequestAfterRecoverySeconds: pick('firstRequestAfterRecoverySeconds'),
    drainSeconds: pick('drainSeconds'),
    outageRequests: summary(runs.map((r) => r.outageRequests)),
    maxInFlight: Math.max(0, ...runs.map((r) => r.maxInFlight ?? 0)),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const seconds = (value) => (value == null ? '—' : `${value.toFixed(1)} s`);

/** Markdown rows for the recovery figure (used by report.mjs and by the standalone run). */
export function recoveryMarkdown(recovery, { targetP95Seconds = 15, baseline = null } = {}) {
  if (!recovery || recovery.skipped) return [`| Recovery | not run${recovery?.skipped ? `: ${recovery.skipped}` : ''} | |`];
  const s = recovery.settings;
  const r = recovery.recoverySeconds;
  const pass = recovery.finished === recovery.runs.length && r?.p95 != null && r.p95 <= targetP95Seconds;
  const rows = [
    `| Recovery: ${s.responses} responses queued during a ${s.outageMs / 1000} s outage (503), then ${Math.round(s.failureRate * 100)}% 503s; ${s.runs} runs | p50 / p95 | target |`,
    '|---|---|---|',
    `| Seconds from recovery to the last stored | ${seconds(r?.median)} / ${seconds(r?.p95)} (max ${seconds(r?.max)})${recovery.finished < recovery.runs.length ? `; ${recovery.runs.length - recovery.finished} of ${recovery.runs.length} runs unfinished after ${s.timeoutMs / 1000} s, counted as ${s.timeoutMs / 1000} s` : ''} | p95 ≤ ${targetP95Seconds} s ${pass ? '✅ pass' : '❌ miss'} |`,
    `| of which: first request after recovery | ${seconds(recovery.firstRequestAfterRecoverySeconds?.median)} / ${seconds(recovery.firstRequestAfterRecoverySeconds?.p95)} | |`,
    `| of which: first success → last stored | ${seconds(recovery.drainSeconds?.median)} / ${seconds(recovery.drainSeconds?.p95)} | |`,
    `| Requests sent during the outage, p50 / p95 | ${count(recovery.outageRequests?.median)} / ${count(recovery.outageRequests?.p95)} (max ${count(recovery.outageRequests?.max)}) | ≤ before${baseline ? ` (${count(baseline.outageRequests?.median)} / ${count(baseline.outageRequests?.p95)})` : ''} |`,
    `| Most requests in flight at once to the endpoint | ${recovery.maxInFlight} | 1 |`,
  ];
  if (baseline) {
    rows.push(`| Before (same bench, previous code): recovery p50 / p95 | ${seconds(baseline.recoverySeconds?.median)} / ${seconds(baseline.recoverySeconds?.p95)} | |`);
  }
  return rows;
}

/**
 * `BENCH_ONLY=recovery npm run bench`: this figure alone, into bench/results/recovery.{json,md}.
 * `BENCH_RECOVERY_SAVE_AS=before` writes recovery-before.json instead (the figure for older code,
 * shown beside the new one).
 */
export async function runRecoveryAlone({ buildEntry, startStaticServer, launch, writeResult, readResult, log }) {
  const built = await buildEntry('outbox');
  const server = await startStaticServer({ mounts: { '/build/': 'bench/.build', '/': 'bench/pages' } });
  const receiver = await startRecoveryReceiver({ failureRate: RECOVERY_DEFAULTS.failureRate });
  const browser = await launch();
  try {
    const options = {
      runs: Number(process.env.BENCH_RECOVERY_RUNS ?? RECOVERY_DEFAULTS.runs),
      outageMs: Number(process.env.BENCH_RECOVERY_OUTAGE_MS ?? RECOVERY_DEFAULTS.outageMs),
    };
    log(`recovery: ${options.runs} runs, ${options.outageMs / 1000} s outage (${built.js})`);
    const recovery = await measureRecovery(browser, { pageUrl: `${server.origin}/outbox.html`, receiver, log, ...options });
    recovery.date = new Date().toISOString();
    recovery.chromium = browser.version();
    const name = process.env.BENCH_RECOVERY_SAVE_AS ? `recovery-${process.env.BENCH_RECOVERY_SAVE_AS}` : 'recovery';
    const baseline = name === 'recovery' ? readResult('recovery-before') : null;
    const markdown = recoveryMarkdown(recovery, { baseline }).join('\n') + '\n';
    writeResult(`${name}.json`, JSON.stringify(recovery, null, 2) + '\n');
    writeResult(`${name}.md`, markdown);
    console.log(`\n${markdown}`);
    return recovery;
  } finally {
    await browser.close();
    await receiver.close();
    await server.close();
  }
}

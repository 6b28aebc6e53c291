// Onward delivery under load (issue #24), for `npm run bench:collector`: 50 clients POST to 1 or 3
// collector instances on PostgreSQL, each response forwarded as a signed webhook to a receiver on
// 127.0.0.1 (in this process, so one clock times a response from its POST to its arrival). Measured:
// forwarded per second (from the first POST to the last arrival), intake-to-delivered p50/p95, and
// the POST latency with and without forwarding, at the same moment on the same machine. Under load,
// forwarding can only go as fast as intake; so the forwarding rate itself is also measured on a
// backlog: 5,000 stored responses with their delivery rows written in SQL while the instances run.
import { createServer } from 'node:http';
import pg from 'pg';
import { summarize, postLoad, SURVEY, createDatabase } from './collector-load.mjs';

const BACKLOG = 5000;

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

async function receiver() {
  const arrived = new Map(); // response id → performance.now() at arrival
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const id = JSON.parse(Buffer.concat(chunks).toString('utf8')).data.id;
      if (!arrived.has(id)) arrived.set(id, performance.now());
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/in`,
    arrived,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

const forwardEnv = (url) => ({
  COLLECTOR_FORWARD_LOOPBACK: '1',
  COLLECTOR_FORWARD: JSON.stringify({
    surveys: { [SURVEY]: { destinations: [{ name: 'bench', kind: 'webhook', url, secrets: [SECRET], fields: ['support', 'helpful', 'heard'] }] } },
    concurrency: 32,
    pollSeconds: 0.2,
  }),
});

/** One load run of `instances` collectors, with or without forwarding; returns intake and delivery figures. */
async function run({ adminUrl, name, instances, seconds, forward, startCollector, log }) {
  const sink = forward ? await receiver() : null;
  const databaseUrl = await createDatabase(adminUrl, name);
  const env = { DATABASE_URL: databaseUrl, ...(sink ? forwardEnv(sink.url) : {}) };
  const collectors = await Promise.all(Array.from({ length: instances }, () => startCollector(env)));
  try {
    const urls = collectors.map((c) => c.url);
    await postLoad(urls, { connections: 10, seconds: 2 }); // warm-up
    const sent = new Map();
    const start = performance.now();
    const load = await postLoad(urls, { connections: 50, seconds, onSend: (id) => sent.set(id, performance.now()) });
    if (!sink) return { intake: load };
    const live = await drainLive(sink, sent, load, start, log);
    return { ...live, backlog: await drainBacklog(sink, databaseUrl, log) };
  } finally {
    await Promise.all(collectors.map((c) => c.stop()));
    await sink?.close();
  }
}

async function waitFor(check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** 5,000 responses and their delivery rows, written at once: how fast the running instances forward them. */
async function drainBacklog(sink, databaseUrl, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let ids;
  try {
    ids = (
      await client.query(
        `WITH stored AS (
           INSERT INTO responses (id, survey_id, survey_version, received_day, submitted_at, locale, answers, tags)
           SELECT gen_random_uuid(), $1, '1', current_date, current_date::timestamptz, 'en', '{"helpful": 4, "heard": "yes"}', '{}'
           FROM generate_series(1, $2::int) RETURNING id),
         queued AS (INSERT INTO deliveries (id, response_id, destination) SELECT gen_random_uuid(), id, 'bench' FROM stored)
         SELECT id::text AS id FROM stored`,
        [SURVEY, BACKLOG],
      )
    ).rows.map((row) => row.id);
  } finally {
    await client.end();
  }
  const start = performance.now();
  log(`  backlog: ${BACKLOG} deliveries queued in SQL; waiting for the receiver`);
  await waitFor(() => ids.every((id) => sink.arrived.has(id)), 180);
  const arrived = ids.map((id) => sink.arrived.get(id)).filter((at) => at !== undefined);
  const last = Math.max(...arrived);
  return { queued: BACKLOG, forwarded: arrived.length, seconds: (last - start) / 1000, perSecond: arrived.length / ((last - start) / 1000) };
}

/** Intake-to-delivered for the ids POSTed during the load run. */
async function drainLive(sink, sent, load, start, log) {
  log(`  ${load.acknowledged} acknowledged; waiting for every one to arrive at the receiver`);
  const delivered = () => [...sent.keys()].filter((id) => sink.arrived.has(id)).length;
  await waitFor(() => delivered() >= load.acknowledged, 120);
  const waits = [];
  let last = start;
  for (const [id, at] of sent) {
    const arrivedAt = sink.arrived.get(id);
    if (arrivedAt === undefined) continue;
    waits.push(arrivedAt - at);
    if (arrivedAt > last) last = arrivedAt;
  }
  return {
    intake: load,
    forwarded: waits.length,
    missing: Math.max(0, load.acknowledged - waits.length), // ids sent as the run ended may arrive without being counted as acknowledged
    forwardedPerSecond: waits.length / ((last - start) / 1000),
    intakeToDeliveredMs: summarize(waits),
  };
}

export async function forwardBench({ adminUrl, seconds, startCollector, log }) {
  const result = {};
  for (const instances of [1, 3]) {
    log(`Onward delivery: PostgreSQL ×${instances}, 50 clients, without forwarding`);
    result[`without${instances}`] = await run({ adminUrl, name: `bench_fwd_off_${instances}`, instances, seconds, forward: false, startCollector, log });
    log(`Onward delivery: PostgreSQL ×${instances}, 50 clients, every response forwarded to a webhook`);
    result[`with${instances}`] = await run({ adminUrl, name: `bench_fwd_on_${instances}`, instances, seconds, forward: true, startCollector, log });
  }
  const on = result.with3;
  const off = result.without3;
  result.targets = {
    throughput: { target: '≥ 500 forwarded/s, PostgreSQL ×3 (from a backlog)', value: on.backlog.perSecond, pass: on.backlog.perSecond >= 500 },
    intake: {
      target: 'POST p50 with forwarding ≤ 1.2 × without, PostgreSQL ×3',
      value: on.intake.latencyMs.median / off.intake.latencyMs.median,
      pass: on.intake.latencyMs.median <= 1.2 * off.intake.latencyMs.median,
    },
  };
  return result;
}

const ms = (value) => (value == null ? '—' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

export function renderForwardMarkdown(r, machine) {
  const lines = [
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, load average ${machine.loadAverage[0]} at the start, ${machine.loadAverageAfter?.[0] ?? '?'} after; shared with other work), Node ${machine.node}; PostgreSQL with default settings; each load run ${r.with1.intake.seconds} s, 50 clients.`,
    '',
    '| Onward delivery (webhook on 127.0.0.1) | acknowledged/s | POST p50 / p95 | forwarded during the load | forwarded/s (load / 5,000 backlog) | intake → delivered p50 / p95 | target |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const n of [1, 3]) {
    const off = r[`without${n}`];
    const on = r[`with${n}`];
    lines.push(`| PostgreSQL ×${n}, no destinations | ${Math.round(off.intake.perSecond)} | ${ms(off.intake.latencyMs.median)} / ${ms(off.intake.latencyMs.p95)} | — | — | — | |`);
    const target = n === 3 ? `≥ 500/s ${r.targets.throughput.pass ? '✅ met' : '❌ missed'}; POST p50 ≤ +20% ${r.targets.intake.pass ? '✅ met' : '❌ missed'} (${((r.targets.intake.value - 1) * 100).toFixed(0)}%)` : '';
    lines.push(
      `| PostgreSQL ×${n}, one webhook | ${Math.round(on.intake.perSecond)} | ${ms(on.intake.latencyMs.median)} / ${ms(on.intake.latencyMs.p95)} | ${on.forwarded}${on.missing ? ` (${on.missing} missing)` : ''} | ${Math.round(on.forwardedPerSecond)} / ${Math.round(on.backlog.perSecond)}${on.backlog.forwarded < on.backlog.queued ? ` (${on.backlog.queued - on.backlog.forwarded} not arrived)` : ''} | ${ms(on.intakeToDeliveredMs?.median)} / ${ms(on.intakeToDeliveredMs?.p95)} | ${target} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// `npm run bench:collector`: the collector under load, on this machine, against real PostgreSQL
// (a throwaway server from scripts/postgres.mjs) and embedded PGlite.
//   1. POST throughput and latency at 50 concurrent clients: PGlite, PostgreSQL ×1, ×3 instances.
//   2. GET /summary over 10,000 and 1,000,000 stored responses (and a plain GROUP BY for contrast).
//   3. How long a POST waits while summaries and an export run.
//   4. Onward delivery: forwarded/s and intake-to-delivered p50/p95 with 1 and 3 instances, and the
//      POST latency with and without a destination (bench/lib/collector-forward.mjs).
// Results: bench/results/collector.json (every figure) and collector.md (the README's table); part 4
// in collector-forward.json and .md. BENCH_SECONDS (default 10) sets the length of each load run;
// BENCH_BIG (default 1000000) the large count; BENCH_PARTS=forward runs part 4 alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../scripts/postgres.mjs';
import { SURVEY, STAFF_TOKEN, createDatabase, plainGroupBy, postLoad, seed, startCollector as launch, timeGet } from './lib/collector-load.mjs';
import { renderCollectorMarkdown } from './lib/collector-report.mjs';
import { forwardBench, renderForwardMarkdown } from './lib/collector-forward.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BIG = Number(process.env.BENCH_BIG ?? 1_000_000);
const FORWARD_ONLY = process.env.BENCH_PARTS === 'forward';
// The first version's JSON Lines collector, as `npm run bench` measured it on 2026-11-24 (1,000
// sequential POSTs from Node); bench/results/latest.json now holds the SQL collector's figure.
const JSON_LINES_BEFORE = { date: '2026-11-24T13:13:09.676Z', collectorAlone: { count: 1000, stored: 1000, ms: 1395.7 } };
const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
// A year of closed months (the seeded responses span the last year): the whole survey, as before summaries had periods.
const SUMMARY = `survey=${SURVEY}&unit=month&from=${new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)}`;
const log = (line) => console.log(`bench:collector: ${line}`);
const cleanups = [];
const cleanUp = async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
};
// Ctrl+C or a kill: the PostgreSQL server runs as another user, outside this terminal's process group.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.once(signal, () => cleanUp().finally(() => process.exit(code)));
const results = {
  date: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model.trim(), cores: os.cpus().length, loadAverage: os.loadavg().map((v) => Number(v.toFixed(2))), node: process.version },
  config: { seconds: SECONDS, connections: 50, big: BIG },
};

/** Every collector started is stopped at the end, whatever happened. */
const startCollector = async (env) => {
  const collector = await launch(env);
  cleanups.push(collector.stop);
  return collector;
};

/** POST latency under a light steady load (10 clients) while `background` runs. */
async function postsDuring(url, background) {
  let running = true;
  const loops = background ? background(() => running) : [];
  const load = await postLoad([url], { connections: 10, seconds: Math.max(4, SECONDS / 2) });
  running = false;
  await Promise.all(loops);
  return load;
}
const summaryLoop = (url) => (active) => [1, 2].map(async () => {
  let runs = 0;
  while (active()) {
    await (await fetch(`${url}/summary?${SUMMARY}`, { headers: staff })).arrayBuffer();
    runs += 1;
  }
  return runs;
});
const exportLoop = (url) => (active) => [
  (async () => {
    while (active()) {
      const res = await fetch(`${url}/export.csv?survey=${SURVEY}`, { headers: staff });
      const reader = res.body.getReader();
      while (active() && !(await reader.read()).done);
      await reader.cancel().catch(() => undefined);
    }
  })(),
];
const contention = async (url) => ({
  alone: await postsDuring(url, null),
  withSummaries: await postsDuring(url, summaryLoop(url)),
  withExport: await postsDuring(url, exportLoop(url)),
});

try {
  const postgres = await startPostgres();
  cleanups.push(postgres.stop);
  const warm = (urls) => postLoad(urls, { connections: 10, seconds: 2 });

  const forward = async () => {
    const machine = { date: new Date().toISOString(), ...results.machine };
    const figures = await forwardBench({ adminUrl: postgres.url, seconds: SECONDS, startCollector, log });
    machine.loadAverageAfter = os.loadavg().map((v) => Number(v.toFixed(2)));
    writeFileSync('bench/results/collector-forward.json', `${JSON.stringify({ machine, ...figures }, null, 2)}\n`);
    const markdown = renderForwardMarkdown(figures, machine);
    writeFileSync('bench/results/collector-forward.md', markdown);
    console.log(`\n${markdown}`);
  };
  if (FORWARD_ONLY) await forward();
  else await everything(postgres, warm, forward);
} catch (error) {
  console.error(`bench:collector failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

/** Parts 1–4 (part 4 through `forward`). */
async function everything(postgres, warm, forward) {
  log('PGlite: one process, 50 clients');
  const dataDir = mkdtempSync(join(os.tmpdir(), 'bench-pglite-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const pglite = await startCollector({ COLLECTOR_DATA_DIR: dataDir, DATABASE_URL: '' });
  await warm([pglite.url]);
  results.pglite = { throughput: await postLoad([pglite.url], { seconds: SECONDS }) };
  // Responses received today are in the open period, which summaries never break down: count the export.
  const stored = async (url) => (await (await fetch(`${url}/export.json?survey=${SURVEY}`, { headers: staff })).text()).split('\n').filter(Boolean).length;
  while ((await stored(pglite.url)) < 10_000) await postLoad([pglite.url], { connections: 50, seconds: 3 });
  results.pglite.stored = await stored(pglite.url);
  log(`PGlite: summary over ${results.pglite.stored} responses, and POSTs during summaries and an export`);
  results.pglite.summary = await timeGet(`${pglite.url}/summary?${SUMMARY}`, 10, staff);
  results.pglite.contention = await contention(pglite.url);
  await pglite.stop();

  log('PostgreSQL: one instance, 50 clients');
  const one = await startCollector({ DATABASE_URL: await createDatabase(postgres.url, 'bench_one') });
  await warm([one.url]);
  results.postgres1 = { throughput: await postLoad([one.url], { seconds: SECONDS }) };
  await one.stop();

  log('PostgreSQL: three instances, 50 clients spread over them');
  const threeUrl = await createDatabase(postgres.url, 'bench_three');
  const three = await Promise.all([1, 2, 3].map(() => startCollector({ DATABASE_URL: threeUrl })));
  await warm(three.map((instance) => instance.url));
  results.postgres3 = { throughput: await postLoad(three.map((instance) => instance.url), { seconds: SECONDS }) };
  await Promise.all(three.map((instance) => instance.stop()));

  for (const [name, count] of [['postgres10k', 10_000], ['postgresBig', BIG]]) {
    log(`PostgreSQL: seeding ${count.toLocaleString('en')} responses, then timing GET /summary`);
    const url = await createDatabase(postgres.url, `bench_${name.toLowerCase()}`);
    const collector = await startCollector({ DATABASE_URL: url });
    const seeded = await seed(url, count);
    results[name] = { seeded, summary: await timeGet(`${collector.url}/summary?${SUMMARY}`, 10, staff), plainGroupBy: await plainGroupBy(url) };
    if (name === 'postgresBig') {
      log('PostgreSQL: POSTs during summaries and an export of the large survey');
      results[name].contention = await contention(collector.url);
    }
    await collector.stop();
  }

  results.jsonLines = JSON_LINES_BEFORE;
  const t = results.postgres3.throughput;
  results.targets = {
    throughput: { target: '≥ 1,000 acknowledged/s, PostgreSQL ×3', value: t.perSecond, pass: t.perSecond >= 1000 },
    latency: { target: 'p95 ≤ 50 ms, PostgreSQL ×3', value: t.latencyMs.p95, pass: t.latencyMs.p95 <= 50 },
    summary: { target: `summary over ${BIG.toLocaleString('en')} ≤ 1 s, PostgreSQL`, value: results.postgresBig.summary.median, pass: results.postgresBig.summary.median <= 1000 },
  };
  results.machine.loadAverageAfter = os.loadavg().map((v) => Number(v.toFixed(2)));
  writeFileSync('bench/results/collector.json', `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderCollectorMarkdown(results);
  writeFileSync('bench/results/collector.md', markdown);
  console.log(`\n${markdown}`);
  await forward();
}

// `npm run bench:summary` (a few minutes): how long GET /summary takes over the pre-aggregated counts
// on PostgreSQL, with 10,000 and 1,000,000 stored responses spread over the last year (seeded in
// SQL, as bench:collector does), for what the dashboard asks: a year by month (public, unfiltered),
// the same filtered by a tag (staff), and the last 12 weeks. Each answer runs the disclosure rules
// of encounter-survey/core (audit included). Results: bench/results/summary.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { startPostgres } from '../scripts/postgres.mjs';
import { SURVEY, STAFF_TOKEN, createDatabase, seed, startCollector, timeGet } from './lib/collector-load.mjs';

const BIG = Number(process.env.BENCH_BIG ?? 1_000_000);
const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
const queries = {
  'a year by month (public)': `survey=${SURVEY}&unit=month&from=${yearAgo}`,
  'a year by month, one tag (staff)': `survey=${SURVEY}&unit=month&from=${yearAgo}&tag.channel=website`,
  'the last 12 weeks (public)': `survey=${SURVEY}&unit=week`,
};
const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
const results = { date: new Date().toISOString(), machine: `${os.cpus()[0]?.model} (${os.cpus().length} cores), load ${os.loadavg()[0].toFixed(2)}`, node: process.version, runs: {} };
const postgres = await startPostgres();
// Ctrl+C or a kill: the PostgreSQL server runs as another user, outside this terminal's process group.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.once(signal, () => (postgres.stop(), process.exit(code)));
try {
  for (const count of [10_000, BIG]) {
    const url = await createDatabase(postgres.url, `bench_summary_${count}`);
    const collector = await startCollector({ DATABASE_URL: url });
    try {
      const seeded = await seed(url, count);
      console.log(`seeded ${seeded.responses} responses (${seeded.cells} count rows)`);
      const timings = {};
      for (const [name, query] of Object.entries(queries)) timings[name] = await timeGet(`${collector.url}/summary?${query}`, 10, staff);
      results.runs[count] = { seeded, timings };
    } finally {
      await collector.stop();
    }
  }
} finally {
  postgres.stop();
}
const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const lines = [
  `Measured ${results.date.slice(0, 10)} on ${results.machine}, Node ${results.node}; PostgreSQL, one collector; median (min–max) of 10 after a warm-up.`,
  '',
  `| GET /summary | ${Object.keys(results.runs).map((count) => `${Number(count).toLocaleString('en')} responses (${results.runs[count].seeded.cells.toLocaleString('en')} count rows)`).join(' | ')} |`,
  `|---|${Object.keys(results.runs).map(() => '---').join('|')}|`,
  ...Object.keys(queries).map((name) => `| ${name} | ${Object.values(results.runs).map((run) => `${ms(run.timings[name].median)} (${ms(run.timings[name].min)}–${ms(run.timings[name].max)})`).join(' | ')} |`),
];
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/summary.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('bench/results/summary.md', `${lines.join('\n')}\n`);
console.log(lines.join('\n'));

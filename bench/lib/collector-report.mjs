// The Markdown for bench/results/collector.md and the README, from collector.json alone.
const ms = (value) => (value == null ? '—' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const rate = (value) => `${Math.round(value).toLocaleString('en')}/s`;
const verdict = (pass) => (pass ? '✅ met' : '❌ missed');
const latency = (l) => (l ? `${ms(l.median)} / ${ms(l.p95)} (max ${ms(l.max)})` : '—');

export function renderCollectorMarkdown(r) {
  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(
    `Measured ${r.date.slice(0, 10)} on ${r.machine.cpu} (${r.machine.cores} cores, load average ${r.machine.loadAverage[0]} at the start, shared with other work), Node ${r.machine.node}; ` +
      `PostgreSQL ${'15'} with default settings (fsync and synchronous commit on); each load run ${r.config.seconds} s.`,
    '',
    '| POST /responses, 50 concurrent clients | acknowledged (201) | per second | p50 / p95 latency | errors | target |',
    '|---|---|---|---|---|---|',
  );
  const t = (entry) => entry.throughput;
  row(['PGlite (embedded), 1 process', t(r.pglite).acknowledged, rate(t(r.pglite).perSecond), latency(t(r.pglite).latencyMs), t(r.pglite).errors, '']);
  row(['PostgreSQL, 1 instance', t(r.postgres1).acknowledged, rate(t(r.postgres1).perSecond), latency(t(r.postgres1).latencyMs), t(r.postgres1).errors, '']);
  row([
    'PostgreSQL, 3 instances',
    t(r.postgres3).acknowledged,
    rate(t(r.postgres3).perSecond),
    latency(t(r.postgres3).latencyMs),
    t(r.postgres3).errors,
    `≥ 1,000/s ${verdict(r.targets.throughput.pass)}; p95 ≤ 50 ms ${verdict(r.targets.latency.pass)}`,
  ]);
  const old = r.jsonLines?.collectorAlone;
  if (old) {
    row([
      `Before: JSON Lines file, 1 process (${r.jsonLines.date.slice(0, 10)}, npm run bench)`,
      old.stored,
      `${rate((old.stored / old.ms) * 1000)} (one client, sequential)`,
      `${ms(old.ms / old.count)} mean`,
      '—',
      '',
    ]);
  }
  lines.push('', '| GET /summary (one survey) | median (min–max) of 10 | plain GROUP BY over the rows | target |', '|---|---|---|---|');
  const s = (entry) => `${ms(entry.summary.median)} (${ms(entry.summary.min)}–${ms(entry.summary.max)})`;
  row([`PGlite, ${r.pglite.stored.toLocaleString('en')} responses`, s(r.pglite), '—', '']);
  row(['PostgreSQL, 10,000 responses', s(r.postgres10k), ms(r.postgres10k.plainGroupBy.median), '']);
  row([
    `PostgreSQL, ${r.postgresBig.seeded.responses.toLocaleString('en')} responses (${r.postgresBig.seeded.cells.toLocaleString('en')} count rows)`,
    s(r.postgresBig),
    ms(r.postgresBig.plainGroupBy.median),
    `≤ 1 s ${verdict(r.targets.summary.pass)}`,
  ]);
  row(['Before: JSON Lines, 200,000 responses (issue #11)', '~0.8 s, blocking every other request', '—', '']);
  lines.push(
    '',
    '| How long a POST waits (10 clients posting), p50 / p95 (max) | alone | while 2 clients loop on /summary | while an export streams |',
    '|---|---|---|---|',
  );
  const c = (entry) => [latency(entry.contention.alone.latencyMs), latency(entry.contention.withSummaries.latencyMs), latency(entry.contention.withExport.latencyMs)];
  row([`PGlite, ${r.pglite.stored.toLocaleString('en')} responses`, ...c(r.pglite)]);
  row([`PostgreSQL ×1, ${r.postgresBig.seeded.responses.toLocaleString('en')} responses`, ...c(r.postgresBig)]);
  row(['Before: JSON Lines, 200,000 responses (issue #11)', '—', 'one POST waited 134 s', '500 after 119 s, or out of memory']);
  return `${lines.join('\n')}\n`;
}

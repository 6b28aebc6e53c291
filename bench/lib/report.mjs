import { proofOfWorkMarkdown } from './pow.mjs';
import { recoveryMarkdown } from './recovery.mjs';
// The Markdown table (bench/results/latest.md, also printed). Numbers come from results.json only,
// so the table can be regenerated from a saved run.
const KiB = (bytes) => (bytes == null ? '—' : `${(bytes / 1024).toFixed(1)} KiB`);
const MiB = (bytes, sign = false) => (bytes == null ? '—' : `${sign && bytes >= 0 ? '+' : ''}${(bytes / 1048576).toFixed(2)} MiB`);
const ms = (value) => (value == null ? '—' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const spread = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : '—');
const times = (value) => (value == null ? '—' : `${value.toFixed(value < 10 ? 2 : 1)}×`);
const verdict = (pass) => (pass == null ? 'not run' : pass ? '✅ pass' : '❌ miss');

export function renderMarkdown(results) {
  const { size, firstRender, heap, ratios, targets, outbox, collectorAlone, machine, config } = results;
  const fr = (rate, page) => firstRender[rate]?.[page]?.summary ?? null;
  const lines = [];
  lines.push(
    `Measured ${results.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores), Chromium ${machine.chromium}, Node ${machine.node}; ` +
      `median (min–max) of ${config.loads} cold loads per page, pages interleaved in one run.`,
    '',
    '| | encounter-survey | plain-Lit floor | SurveyJS | empty page | target | ours / floor | SurveyJS / ours |',
    '|---|---|---|---|---|---|---|---|',
  );
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  row([
    'JS, min+gzip',
    KiB(size.ours?.js.gzipBytes),
    KiB(size.floor?.js.gzipBytes),
    KiB(size.surveyjs?.js.gzipBytes),
    '—',
    '',
    times(ratios.size.gzip.oursOverFloor),
    times(ratios.size.gzip.surveyjsOverOurs),
  ]);
  row([
    'JS, min+brotli',
    KiB(size.ours?.js.brotliBytes),
    KiB(size.floor?.js.brotliBytes),
    KiB(size.surveyjs?.js.brotliBytes),
    '—',
    '',
    times(ratios.size.brotli.oursOverFloor),
    times(ratios.size.brotli.surveyjsOverOurs),
  ]);
  row(['CSS, min+gzip', 'in the JS', 'in the JS', KiB(size.surveyjs?.css?.gzipBytes), '—', '', '', '']);
  row([
    '**All shipped (JS + CSS), min+gzip**',
    KiB(size.ours?.totalGzipBytes),
    KiB(size.floor?.totalGzipBytes),
    KiB(size.surveyjs?.totalGzipBytes),
    '—',
    `≤ ${KiB(targets.gzipBytes)} ${verdict(targets.pass.size)}`,
    times(ratios.size.total.oursOverFloor),
    times(ratios.size.total.surveyjsOverOurs),
  ]);
  for (const rate of config.cpuRates) {
    const label = rate === 1 ? 'First question visible' : `First question, ${rate}× CPU throttle`;
    row([
      label,
      spread(fr(rate, 'ours')),
      spread(fr(rate, 'floor')),
      spread(fr(rate, 'surveyjs')),
      spread(fr(rate, 'empty')),
      `≤ 1.5× floor ${verdict(targets.pass.firstRender[rate])}`,
      times(ratios.firstRender[rate]?.oursOverFloor),
      times(ratios.firstRender[rate]?.surveyjsOverOurs),
    ]);
  }
  row([
    'JS heap after render',
    MiB(heap.ours?.summary?.median),
    MiB(heap.floor?.summary?.median),
    MiB(heap.surveyjs?.summary?.median),
    MiB(heap.empty?.summary?.median),
    '',
    '',
    '',
  ]);
  row([
    'JS heap over the empty page',
    MiB(heap.overEmpty.ours, true),
    MiB(heap.overEmpty.floor, true),
    MiB(heap.overEmpty.surveyjs, true),
    '—',
    `≤ +0.50 MiB ${verdict(targets.pass.heap)}`,
    times(ratios.heapOverEmpty.oursOverFloor),
    times(ratios.heapOverEmpty.surveyjsOverOurs),
  ]);
  const n = config.outboxCount.toLocaleString('en');
  lines.push('', `| Outbox, ${n} submissions | result | target |`, '|---|---|---|');
  if (outbox?.skipped) lines.push(`| not run | ${outbox.skipped} | |`);
  else if (outbox) {
    lines.push(`| \`submit()\` until stored (IndexedDB), p50 / p95 | ${ms(outbox.enqueueMs?.median)} / ${ms(outbox.enqueueMs?.p95)} (max ${ms(outbox.enqueueMs?.max)}) | |`);
    lines.push(
      `| ${n} queued delivered to the reference collector (loopback) | ${outbox.deliverAllMs == null ? `${outbox.delivered} delivered before the ${ms(config.outboxTimeoutMs)} timeout` : ms(outbox.deliverAllMs)} | 1,000 in ≤ 10 s ${verdict(targets.pass.deliver)} |`,
    );
    lines.push(
      `| Stored exactly once | ${outbox.exactlyOnce ? 'yes' : 'NO'}: ${outbox.collectorRecords} records, ${outbox.collectorDistinct} distinct ids, ${outbox.missing} missing | every id once ${verdict(outbox.exactlyOnce)} |`,
    );
  }
  if (collectorAlone?.ms != null) {
    lines.push(`| For reference: the collector alone, ${collectorAlone.count} sequential POSTs from Node | ${ms(collectorAlone.ms)} | |`);
  }
  if (results.recovery) lines.push('', ...recoveryMarkdown(results.recovery, { baseline: results.recoveryBefore }));
  if (results.pow) lines.push('', ...proofOfWorkMarkdown(results.pow));
  if (results.problems.length) lines.push('', ...results.problems.map((problem) => `- Not measured: ${problem}`));
  return lines.join('\n') + '\n';
}

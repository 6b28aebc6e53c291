// The export streams: 100,000 stored responses (about 25 MB of CSV) go out with the collector's
// live heap staying flat. Measured as heap after forced garbage collections while the download is
// read, not as time. Both engines; the server runs in this process so its heap is the one measured.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, test } from 'node:test';
import { engines, staff, withCollector } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ROWS = 100_000;
const MiB = 1024 * 1024;

for (const { engine, skip } of engines) {
  describe(`export memory (${engine})`, { skip }, () => {
    // CSV and JSON Lines share one paged stream (export.ts); CSV is the heavier of the two.
    for (const format of ['csv'] as const) {
      test(`GET /export.${format} of ${ROWS.toLocaleString('en')} responses keeps the heap flat`, async (t) => {
        const started = performance.now();
        const collector = await withCollector(engine);
        const opened = performance.now();
        try {
          // Seeded in SQL: this test is about reading them back, not about POSTing them.
          await collector.store.db.query(
            `INSERT INTO responses (id, survey_id, survey_version, received_day, submitted_at, locale, answers, tags)
             SELECT gen_random_uuid(), 'after-call', '1', current_date, timestamptz '2026-01-05' + (i % 50) * interval '1 day', 'en',
               jsonb_build_object('types', jsonb_build_array('emotional', 'social'), 'helped', 'yes', 'heard', 4, 'story', repeat('long answer ', 12) || i),
               '{"site": "north", "channel": "phone"}'::jsonb
             FROM generate_series(1, $1::int) AS i`,
            [ROWS],
          );
          await collector.store.analyze(); // as the daily upkeep does: a bulk load leaves the planner without statistics
          const seeded = performance.now();
          gc();
          const baseline = process.memoryUsage().heapUsed;
          let peak = 0;
          let bytes = 0;
          let lines = 0;
          let chunks = 0;
          const res = await fetch(`${collector.url}/export.${format}?survey=after-call`, { headers: staff });
          assert.equal(res.status, 200);
          const reader = res.body!.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            bytes += value.length;
            for (let at = value.indexOf(0x0a); at !== -1; at = value.indexOf(0x0a, at + 1)) lines += 1;
            if (++chunks % 100 === 0) {
              gc();
              peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
            }
          }
          const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
          t.diagnostic(`${(bytes / MiB).toFixed(1)} MiB in ${chunks} chunks; heap peak +${(peak / MiB).toFixed(1)} MiB`);
          t.diagnostic(`open ${seconds(started, opened)}, seed ${seconds(opened, seeded)}, export ${seconds(seeded, performance.now())}`);
          assert.equal(lines, ROWS + (format === 'csv' ? 1 : 0), 'every row once (and the CSV header)');
          assert.ok(bytes > 20 * MiB, `the export is large (${(bytes / MiB).toFixed(1)} MiB)`);
          // Holding the rows or the text would take several times the export's size.
          assert.ok(peak < 16 * MiB, `heap grew ${(peak / MiB).toFixed(1)} MiB while ${(bytes / MiB).toFixed(1)} MiB streamed`);
        } finally {
          await collector.stop();
        }
      });
    }
  });
}

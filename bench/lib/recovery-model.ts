// A model of the recovery figure, run on the outbox's own pure policy (src/core/outbox/schedule.ts)
// with simulated time: the same 2-minute 503 outage, 20 responses, then 30% 503s, 20 ms a request.
// It explains the measured figure and what a different cap would cost in outage requests:
//   npx tsx bench/lib/recovery-model.ts
import { afterRetryableFailure, afterSuccess, idleSchedule } from '../../src/core/outbox/schedule.ts';

const OUTAGE_MS = 120_000;

function run(capMs: number, visible = false, baseMs = 2000) {
  const timing = { baseMs, capMs };
  const failure = (now: number) => afterRetryableFailure(schedule, { now, timing, random: Math.random, network: false, visible });
  let schedule = idleSchedule();
  let now = 0;
  let outageRequests = 0;
  // Only the head is probed while the receiver is down; submissions queue behind it.
  for (;;) {
    now = Math.max(now, schedule.notBefore);
    if (now >= OUTAGE_MS) break;
    outageRequests++;
    schedule = failure(now);
  }
  let left = 20;
  let firstSuccess: number | null = null;
  while (left > 0) {
    now = Math.max(now, schedule.notBefore);
    if (Math.random() < 0.3) schedule = failure(now);
    else {
      firstSuccess ??= now;
      left--;
      schedule = afterSuccess(schedule, now);
    }
    now += 20;
  }
  return { outageRequests, recovery: (now - OUTAGE_MS) / 1000, firstSuccess: (firstSuccess! - OUTAGE_MS) / 1000 };
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
const report = (label: string, runs: ReturnType<typeof run>[]) => {
  const pick = (field: 'outageRequests' | 'recovery' | 'firstSuccess', q: number) => quantile(runs.map((r) => r[field]), q).toFixed(1);
  console.log(
    `${label}: outage requests p50 ${pick('outageRequests', 0.5)}, max ${pick('outageRequests', 1)}; recovery to last stored p50 ${pick('recovery', 0.5)} s, ` +
      `p95 ${pick('recovery', 0.95)} s; first success p95 ${pick('firstSuccess', 0.95)} s`,
  );
};
// Hidden pages (and the code before #21) with each cap; then the visible page's capped probes (#21).
for (const capMs of [300_000, 60_000, 30_000, 15_000]) report(`cap ${capMs / 1000} s`, Array.from({ length: 20_000 }, () => run(capMs)));
report('visible page (cap 300 s, probes at most 50 s)', Array.from({ length: 20_000 }, () => run(300_000, true)));

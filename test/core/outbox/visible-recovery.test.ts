import { expect } from '@open-wc/testing';
import { afterRetryableFailure, afterSuccess, idleSchedule, type EndpointSchedule } from '../../../src/core/outbox/schedule.js';

// Recovery while the page is visible (issue 21): a receiver back after a 2-minute outage is found
// within a minute, with no more requests during the outage than before (7–8). Simulated time, the
// outbox's own policy, a seeded random source: no clocks, no waiting.
const timing = { baseMs: 2000, capMs: 300_000 };
const OUTAGE_MS = 120_000;

/** A small deterministic generator (mulberry32), so every run of the suite sees the same draws. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The head probed through a 2-minute 503 outage that starts right after a success; what it costs and when the receiver is found. */
function outage(random: () => number, visible: boolean) {
  let schedule: EndpointSchedule = afterSuccess(idleSchedule(), -60_000); // long enough ago: not "alive"
  let now = 0;
  let requests = 0;
  for (;;) {
    now = Math.max(now, schedule.notBefore);
    if (now >= OUTAGE_MS) return { requests, foundAfterMs: now - OUTAGE_MS };
    requests++;
    schedule = afterRetryableFailure(schedule, { now, timing, random, network: false, visible });
  }
}

describe('outbox recovery while the page is visible', () => {
  it('finds a receiver back after a 2-minute outage within a minute, with at most 8 requests during it', () => {
    const random = seeded(21);
    const runs = Array.from({ length: 2000 }, () => outage(random, true));
    expect(Math.max(...runs.map((run) => run.foundAfterMs))).to.be.at.most(60_000);
    expect(Math.max(...runs.map((run) => run.requests))).to.be.at.most(8);
  });

  it('a hidden page keeps the long backoff (it tries again as soon as it is shown)', () => {
    const random = seeded(7);
    const runs = Array.from({ length: 2000 }, () => outage(random, false));
    expect(Math.max(...runs.map((run) => run.foundAfterMs))).to.be.above(60_000);
  });

  it('never waits more than 50 s between probes while visible, however long the outage', () => {
    let schedule = idleSchedule();
    let now = 0;
    for (let i = 0; i < 40; i++) {
      now = Math.max(now, schedule.notBefore);
      schedule = afterRetryableFailure(schedule, { now, timing, random: () => 0.999_999, network: true, visible: true });
      expect(schedule.notBefore - now).to.be.at.most(50_000);
    }
  });

  it("honours the receiver's Retry-After even beyond the visible cap", () => {
    const next = afterRetryableFailure(idleSchedule(), { now: 1000, timing, random: () => 0.5, network: false, visible: true, retryAfter: '120' });
    expect(next.notBefore).to.equal(121_000);
  });
});

import { expect } from '@open-wc/testing';
import { classifyOutcome } from '../../../src/core/outbox/classify.js';
import { deliveryOutcome, restartAfterRecovery, type OutcomeInput } from '../../../src/core/outbox/outcome.js';
import { newRecord } from '../../../src/core/outbox/record.js';
import {
  ALIVE_MS,
  ALIVE_RETRIES,
  afterEndpointProblem,
  afterRecoverySeen,
  afterRetryableFailure,
  afterSuccess,
  idleSchedule,
  mayAttempt,
  nextDueAt,
  type EndpointSchedule,
} from '../../../src/core/outbox/schedule.js';

const timing = { baseMs: 2000, capMs: 300_000 };
const endpoint = 'https://x.test/r';
const ceiling = () => 0.999_999;

/** `count` 503s in a row, each at the moment the previous backoff allowed. */
function failRepeatedly(count: number, start = 0, random = ceiling) {
  let schedule = idleSchedule();
  let now = start;
  for (let i = 0; i < count; i++) {
    now = Math.max(now, schedule.notBefore);
    schedule = afterRetryableFailure(schedule, { now, timing, random, network: false });
  }
  return { schedule, now };
}

function input(overrides: Partial<OutcomeInput> & Pick<OutcomeInput, 'result'>): OutcomeInput {
  return {
    record: newRecord({ id: 'a' }, endpoint, 0, 1),
    schedule: idleSchedule(),
    problem: null,
    lastError: null,
    now: 1000,
    timing,
    random: ceiling,
    online: true,
    ...overrides,
  };
}

describe('core/outbox schedule: recovery policy', () => {
  it('while the receiver keeps failing: exponential backoff with full jitter up to the same cap', () => {
    const gaps: number[] = [];
    let schedule = idleSchedule();
    let now = 0;
    for (let i = 0; i < 10; i++) {
      schedule = afterRetryableFailure(schedule, { now, timing, random: ceiling, network: false });
      gaps.push(schedule.notBefore - now);
      now = schedule.notBefore;
    }
    expect(gaps.map((gap) => Math.round(gap / 1000))).to.deep.equal([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    const none = afterRetryableFailure(idleSchedule(), { now: 0, timing, random: () => 0, network: false });
    expect(none.notBefore, 'full jitter reaches down to zero').to.equal(0);
  });

  it('a success restarts the count: the next failure waits a base delay, not the cap', () => {
    const { schedule, now } = failRepeatedly(8);
    expect(schedule.failures).to.equal(8);
    const recovered = afterSuccess(schedule, now + 1);
    expect(recovered).to.include({ failures: 0, notBefore: now + 1, paused: null });
    expect(mayAttempt(recovered, now + 1, timing, 'timer')).to.equal(true);
    const next = afterRetryableFailure(recovered, { now: now + 2, timing, random: ceiling, network: false });
    expect(next.notBefore - (now + 2)).to.be.at.most(timing.baseMs);
  });

  it('a receiver that just answered is flaky, not down: short retries for a few failures, then the outage backoff', () => {
    const { schedule, now } = failRepeatedly(8);
    let current = afterSuccess(schedule, now);
    let at = now;
    const gaps: number[] = [];
    for (let i = 0; i < ALIVE_RETRIES + 2; i++) {
      at = Math.max(at, current.notBefore);
      current = afterRetryableFailure(current, { now: at, timing, random: ceiling, network: false });
      gaps.push(Math.round((current.notBefore - at) / 100) / 10);
    }
    // 0.5 s doubling to 4 s while alive; the fifth failure in a row is an outage again: 32 s, 64 s…
    expect(gaps).to.deep.equal([0.5, 1, 2, 4, 32, 64]);
    // Long after the last success, a failure backs off as after any other.
    const later = afterRetryableFailure(afterSuccess(idleSchedule(), 0), { now: ALIVE_MS + 1, timing, random: ceiling, network: false });
    expect(later.notBefore - (ALIVE_MS + 1)).to.equal(timing.baseMs - 1);
    // Never before a Retry-After.
    const asked = afterRetryableFailure(afterSuccess(idleSchedule(), 0), { now: 1, timing, random: ceiling, retryAfter: '10', network: false });
    expect(asked.notBefore).to.equal(10_001);
  });

  it('Retry-After holds survive signs of recovery', () => {
    const held = afterRetryableFailure(idleSchedule(), { now: 0, timing, random: () => 0, retryAfter: '30', network: false });
    expect(held).to.include({ heldUntil: 30_000, notBefore: 30_000 });
    expect(afterSuccess(held, 5000).notBefore).to.equal(30_000);
    expect(afterRecoverySeen(held, 5000).notBefore).to.equal(30_000);
    expect(mayAttempt(held, 29_999, timing, 'wake'), 'a wake-up does not override Retry-After').to.equal(false);
    expect(mayAttempt(held, 30_000, timing, 'timer')).to.equal(true);
    // Never sooner than the backoff either.
    const late = afterRetryableFailure(failRepeatedly(6).schedule, { now: 0, timing, random: ceiling, retryAfter: '1', network: false });
    expect(late.notBefore).to.be.greaterThan(100_000);
  });

  it('an endpoint problem pauses until its own probe, one cap away; recovery elsewhere does not lift it', () => {
    const paused = afterEndpointProblem(idleSchedule(), 401, 0, timing);
    expect(paused).to.include({ notBefore: timing.capMs });
    expect(paused.paused).to.deep.equal({ status: 401 });
    expect(afterRecoverySeen(paused, 10)).to.equal(paused);
    expect(mayAttempt(paused, 10, timing, 'wake')).to.equal(false);
    expect(mayAttempt(paused, 10, timing, 'timer')).to.equal(false);
    expect(mayAttempt(paused, timing.capMs, timing, 'timer'), 'its probe').to.equal(true);
    expect(mayAttempt(paused, 10, timing, 'force'), 'a page load or Send now').to.equal(true);
    expect(afterSuccess(paused, 20).paused).to.equal(null);
  });

  it('recovery seen in another tab makes the backlog due with its count restarted', () => {
    const { schedule, now } = failRepeatedly(7);
    const seen = afterRecoverySeen(schedule, now + 5);
    expect(seen).to.include({ failures: 0, networkFailures: 0, notBefore: now + 5 });
  });

  it('a wake-up (online, visible) tries the head once, but not twice within a base delay', () => {
    const { schedule, now } = failRepeatedly(6);
    expect(mayAttempt(schedule, now + 1, timing, 'timer')).to.equal(false);
    expect(mayAttempt(schedule, now + timing.baseMs, timing, 'wake')).to.equal(true);
    expect(mayAttempt(schedule, now + 10, timing, 'wake')).to.equal(false);
  });

  it('treats a next attempt absurdly far ahead as due (the clock went back)', () => {
    const schedule: EndpointSchedule = { ...idleSchedule(), notBefore: 365 * 86_400_000 };
    expect(mayAttempt(schedule, 0, timing, 'timer')).to.equal(true);
    expect(mayAttempt({ ...idleSchedule(), notBefore: 1000 }, 999, timing, 'timer')).to.equal(false);
  });

  it('wakes at the earliest endpoint', () => {
    expect(nextDueAt([{ ...idleSchedule(), notBefore: 900 }, { ...idleSchedule(), notBefore: 200 }])).to.equal(200);
    expect(nextDueAt([])).to.equal(null);
  });
});

describe('core/outbox outcome: what an attempt does, as data', () => {
  it('delivered: delete, carry on, restart the endpoint, clear the problem', () => {
    const outcome = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: 201 }) }, schedule: failRepeatedly(5).schedule, problem: { status: null, code: 'endpoint-unreachable' }, lastError: 'server-error' }));
    expect(outcome).to.deep.include({ change: { kind: 'delete' }, next: 'next', lastError: null, problem: null, recovered: true });
    expect(outcome.news).to.deep.equal([{ type: 'delivered', id: 'a', status: 201, verified: true }]);
    expect(outcome.schedule.failures).to.equal(0);
  });

  it('409 is delivered too', () => {
    expect(deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: 409 }) } })).recovered).to.equal(true);
  });

  it('rejected: saved as rejected, the queue goes on, the schedule is untouched', () => {
    const schedule = failRepeatedly(2).schedule;
    const outcome = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: 422, reason: '422 bad' }) }, schedule }));
    expect(outcome.next).to.equal('next');
    expect(outcome.schedule).to.equal(schedule);
    expect(outcome.change).to.deep.include({ kind: 'save' });
    expect((outcome.change as { record: { state: string; reason: string } }).record).to.include({ state: 'rejected', reason: '422 bad', lastStatus: 422 });
    expect(outcome.news).to.deep.equal([{ type: 'rejected', id: 'a', status: 422, reason: '422 bad' }]);
  });

  it('a transform that throws rejects the record with the reason', () => {
    const outcome = deliveryOutcome(input({ result: { transformFailed: 'no' } }));
    expect(outcome.news).to.deep.equal([{ type: 'rejected', id: 'a', status: 0, reason: 'transform failed: no' }]);
  });

  it('retryable: saved with one more attempt, the queue stops, backoff and Retry-After applied', () => {
    const outcome = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: 503 }), retryAfter: '3' }, random: () => 0 }));
    expect(outcome.next).to.equal('stop');
    expect(outcome.schedule.notBefore).to.equal(4000);
    expect((outcome.change as { record: { attempts: number; lastError: string } }).record).to.include({ attempts: 1, lastError: 'server-error' });
    expect(outcome.news).to.deep.equal([]);
  });

  it('428 (proof of work missing or stale) is retried with backoff, never rejected', () => {
    const outcome = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: 428 }) } }));
    expect(outcome).to.include({ next: 'stop', lastError: 'proof-of-work' });
    expect((outcome.change as { record: { state: string } }).record.state).to.equal('pending');
  });

  it('network failures while online become an endpoint-unreachable problem, told once', () => {
    let schedule = idleSchedule();
    let problem = null;
    const told = [];
    for (let i = 0; i < 5; i++) {
      const outcome = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: null, failure: 'network-error' }) }, schedule, problem }));
      schedule = outcome.schedule;
      problem = outcome.problem;
      told.push(...outcome.news);
    }
    expect(problem).to.deep.equal({ status: null, code: 'endpoint-unreachable' });
    expect(told).to.deep.equal([{ type: 'endpoint-error', endpoint, status: null, code: 'endpoint-unreachable' }]);
    const offline = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: null, failure: 'network-error' }) }, schedule, online: false }));
    expect(offline.news).to.deep.equal([]);
  });

  it('endpoint errors pause, told once per change', () => {
    const first = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: 404 }) } }));
    expect(first.schedule.paused).to.deep.equal({ status: 404 });
    expect(first.news).to.deep.equal([{ type: 'endpoint-error', endpoint, status: 404, code: 'endpoint-error' }]);
    const again = deliveryOutcome(input({ result: { verdict: classifyOutcome({ status: 404 }) }, problem: first.problem }));
    expect(again.news).to.deep.equal([]);
  });

  it('aborted (the outbox closed): nothing changes', () => {
    const schedule = failRepeatedly(1).schedule;
    const outcome = deliveryOutcome(input({ result: { verdict: { kind: 'aborted' } }, schedule, lastError: 'timeout' }));
    expect(outcome).to.deep.include({ change: { kind: 'keep' }, next: 'stop', schedule, lastError: 'timeout' });
  });

  it('after a success, the other records waiting on that endpoint restart their count', () => {
    const waiting = { ...newRecord({ id: 'b' }, endpoint, 0, 2), attempts: 7, lastError: 'server-error', lastStatus: 503 };
    const fresh = newRecord({ id: 'c' }, endpoint, 0, 3);
    const elsewhere = { ...newRecord({ id: 'd' }, 'https://y.test/r', 0, 4), attempts: 2, lastError: 'timeout' };
    const rejected = { ...newRecord({ id: 'e' }, endpoint, 0, 5), state: 'rejected' as const, attempts: 1, lastError: 'rejected' };
    const restarted = restartAfterRecovery([waiting, fresh, elsewhere, rejected], endpoint);
    expect(restarted.map((r) => [r.id, r.attempts, r.lastError, r.lastStatus])).to.deep.equal([['b', 0, null, null]]);
  });
});

/**
 * When an endpoint's queue may send next. One schedule per endpoint, held in memory (never on the
 * device, where a time would say when someone answered): consecutive failures set an exponential
 * backoff with full jitter up to the cap; `Retry-After` holds the queue at least that long; an
 * endpoint problem (401/403/404/405/410, redirect) pauses it, probed once per cap; and any sign the
 * endpoint works (a 2xx or 409) restarts the count, so the backlog drains at once, one at a time.
 * A receiver that answered moments ago is flaky, not down: for `ALIVE_MS` after a success the first
 * `ALIVE_RETRIES` failures in a row back off from a short delay (`aliveTiming`), so a backlog is not
 * parked for seconds by one 503; a longer streak is an outage again and the normal backoff resumes.
 * While the page is visible that backoff is capped (`visibleProbeDelay`), so a receiver back after a
 * short outage is found within a minute; `Retry-After` still holds the queue as long as it asks.
 */
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, visibleProbeDelay, type RetryTiming } from './backoff.js';

/** How long after a success the endpoint counts as alive (its failures as flakiness). */
export const ALIVE_MS = 30_000;
/** How many failures in a row, while alive, get the short backoff before it is an outage again. */
export const ALIVE_RETRIES = 4;
/** The short backoff, scaled from the configured one: by default full jitter from 0.5 s, doubling, at most 4 s. */
export const aliveTiming = (timing: RetryTiming): RetryTiming => ({ baseMs: timing.baseMs / 4, capMs: Math.min(timing.capMs, timing.baseMs * 2) });

export interface EndpointSchedule {
  /** Retryable failures in a row: the backoff's exponent. */
  failures: number;
  /** Network failures in a row (no HTTP answer): after a few while online, hint at CORS or a dead host. */
  networkFailures: number;
  /** No attempt before this (backoff, `Retry-After` or a pause, whichever is latest). */
  notBefore: number;
  /** What the server asked for with `Retry-After`; survives signs of recovery. */
  heldUntil: number;
  /** Set while the endpoint answers "misconfigured": only its own probe, one per cap, can lift it. */
  paused: { status: number | null } | null;
  /** The last attempt, so a burst of wake-ups does not become a burst of requests. */
  lastAttemptAt: number | null;
  /** The last 2xx or 409 (in memory only, like the rest): the endpoint is alive for a while after it. */
  lastSuccessAt: number | null;
}

export const idleSchedule = (): EndpointSchedule => ({
  failures: 0,
  networkFailures: 0,
  notBefore: 0,
  heldUntil: 0,
  paused: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
});

/**
 * Why the queue is being looked at. 'timer': a cycle; 'wake': the browser came online or the page
 * became visible (a tablet waking up) and may try the head once; 'force': a page load or a person
 * pressing "Send now" tries every queue, paused or not.
 */
export type Trigger = 'timer' | 'wake' | 'force';

/**
 * May the head of this endpoint's queue go now? A `notBefore` further ahead than any delay we set
 * means the clock went backwards since; treat it as due rather than strand the queue.
 */
export function mayAttempt(schedule: EndpointSchedule, now: number, timing: RetryTiming, trigger: Trigger): boolean {
  if (trigger === 'force') return true;
  const clockWentBack = schedule.notBefore - now > Math.max(timing.capMs, MAX_RETRY_AFTER_MS);
  if (schedule.notBefore <= now || clockWentBack) return true;
  if (trigger !== 'wake' || schedule.paused || schedule.heldUntil > now) return false;
  // A wake-up skips the backoff, but not twice within one base delay.
  return schedule.lastAttemptAt === null || now - schedule.lastAttemptAt >= timing.baseMs;
}

/** After a 2xx or 409: the endpoint works. Restart the count; a `Retry-After` hold still stands. */
export function afterSuccess(schedule: EndpointSchedule, now: number): EndpointSchedule {
  return { ...idleSchedule(), notBefore: Math.max(now, schedule.heldUntil), heldUntil: schedule.heldUntil, lastAttemptAt: now, lastSuccessAt: now };
}

/**
 * A sign of recovery seen by another tab: the waiting backlog becomes due, with its count restarted.
 * A pause stays: this page's own probe (with its own headers) has to succeed to lift it.
 */
export function afterRecoverySeen(schedule: EndpointSchedule, now: number): EndpointSchedule {
  if (schedule.paused) return schedule;
  return { ...schedule, failures: 0, networkFailures: 0, notBefore: Math.max(now, schedule.heldUntil), lastSuccessAt: now };
}

/** After a retryable failure (5xx, 408/425/429, 428, network, timeout): back off, honouring `Retry-After`. */
export function afterRetryableFailure(
  schedule: EndpointSchedule,
  input: { now: number; timing: RetryTiming; random: () => number; retryAfter?: string | null | undefined; network: boolean; visible?: boolean },
): EndpointSchedule {
  const failures = schedule.failures + 1;
  const alive = schedule.lastSuccessAt !== null && input.now - schedule.lastSuccessAt < ALIVE_MS && failures <= ALIVE_RETRIES;
  const jittered = alive
    ? backoffDelay(failures, aliveTiming(input.timing), input.random)
    : (input.visible ? visibleProbeDelay : backoffDelay)(failures, input.timing, input.random);
  const asked = parseRetryAfter(input.retryAfter, input.now);
  const heldUntil = asked === null ? schedule.heldUntil : input.now + asked;
  return {
    failures,
    networkFailures: input.network ? schedule.networkFailures + 1 : 0,
    notBefore: Math.max(input.now + jittered, heldUntil),
    heldUntil,
    paused: null,
    lastAttemptAt: input.now,
    lastSuccessAt: schedule.lastSuccessAt,
  };
}

/** After an endpoint problem: paused; the next probe is one cap away, not sooner. */
export function afterEndpointProblem(schedule: EndpointSchedule, status: number | null, now: number, timing: RetryTiming): EndpointSchedule {
  return { ...schedule, networkFailures: 0, notBefore: now + timing.capMs, paused: { status }, lastAttemptAt: now };
}

/** The earliest time one of these schedules lets its queue go, or null when none waits. */
export function nextDueAt(schedules: Iterable<EndpointSchedule>): number | null {
  let earliest: number | null = null;
  for (const schedule of schedules) if (earliest === null || schedule.notBefore < earliest) earliest = schedule.notBefore;
  return earliest;
}

/** Retry timing: exponential backoff with full jitter, and reading the server's `Retry-After`. */
export interface RetryTiming {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryTiming = { baseMs: 2000, capMs: 300_000 };

/** A misconfigured `Retry-After: 99999999` must not park responses for months. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** Full jitter: uniform in [0, min(cap, base · 2^(attempt−1))). `attempt` counts failures so far (≥ 1). */
export function backoffDelay(attempt: number, timing: RetryTiming, random: () => number): number {
  const ceiling = Math.min(timing.capMs, timing.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * ceiling);
}

/**
 * While the page is visible, no probe waits longer than this: a receiver back after a 2-minute
 * outage is found within a minute (with the drain, the last response stored within about a minute).
 */
export const VISIBLE_CAP_MS = 50_000;

/**
 * The backoff while the page is visible: at most `VISIBLE_CAP_MS`, jittered over the top 40 % of the
 * ceiling (uniform in [0.6·c, c)), so the capped probes are no more than full jitter's over a short
 * outage (at most 8 in two minutes) and still spread a fleet of tablets apart. A hidden page keeps `backoffDelay` and its long
 * cap (battery, a tab nobody looks at), and is tried again as soon as it is shown.
 */
export function visibleProbeDelay(attempt: number, timing: RetryTiming, random: () => number): number {
  const ceiling = Math.min(VISIBLE_CAP_MS, timing.capMs, timing.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(ceiling * (0.6 + 0.4 * random()));
}

/** `Retry-After` as delta-seconds or an HTTP date → milliseconds from now, clamped; null if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  let delay: number;
  if (/^\d+$/.test(trimmed)) delay = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    delay = at - now;
  }
  return Math.min(Math.max(0, delay), MAX_RETRY_AFTER_MS);
}

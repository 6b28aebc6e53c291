import type { RetryPolicy } from './config.js';
import type { NetResult } from './net.js';

/**
 * What one attempt means, and when the next one is due: pure, the clock and the randomness passed
 * in. 2xx is delivered, and so is 409 (our receiver contract: "already stored"). 400, 413, 415 and
 * 422 say the payload itself is wrong, and a refused address stays refused: those fail at once.
 * Everything else (5xx, 408, 429, other 4xx such as a 404 the owner will fix, resets, timeouts) is
 * retried with capped exponential backoff and equal jitter, never sooner than `Retry-After`, until
 * the attempts or the age run out; then the delivery is dead-lettered (`failed`) for staff to send
 * again.
 */
export type Settlement =
  | { state: 'delivered'; status: number }
  | { state: 'waiting'; dueAt: Date; status: number | null; error: string }
  | { state: 'failed'; status: number | null; error: string };

const PERMANENT = new Set([400, 413, 415, 422]);
/** Retry-After is honoured up to this (a receiver cannot park a delivery for ever). */
const MAX_RETRY_AFTER_MS = 86_400_000;

export interface AttemptContext {
  /** Attempts made so far, this one included. */
  attempts: number;
  /** When the first failed attempt happened (null: this is the first failure). */
  firstFailedAt: Date | null;
  now: Date;
  random: () => number;
  policy: RetryPolicy;
}

export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(attempts - 1, 30));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** `Retry-After` in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}

export function settle(result: NetResult, context: AttemptContext): Settlement {
  if (result.kind === 'response' && ((result.status >= 200 && result.status < 300) || result.status === 409)) {
    return { state: 'delivered', status: result.status };
  }
  const status = result.kind === 'response' ? result.status : null;
  const error = result.kind === 'response' ? `HTTP ${result.status}${result.snippet ? `: ${result.snippet}` : ''}` : result.message;
  if (result.kind === 'refused' || (status !== null && PERMANENT.has(status))) return { state: 'failed', status, error };
  const firstFailed = context.firstFailedAt ?? context.now;
  const tooOld = context.now.getTime() - firstFailed.getTime() >= context.policy.maxAgeMs;
  if (context.attempts >= context.policy.attempts || tooOld) return { state: 'failed', status, error };
  const wait = Math.max(backoffMs(context.attempts, context.policy, context.random), (result.kind === 'response' ? retryAfterMs(result.retryAfter, context.now) : null) ?? 0);
  return { state: 'waiting', dueAt: new Date(context.now.getTime() + wait), status, error };
}

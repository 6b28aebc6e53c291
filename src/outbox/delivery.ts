/** One delivery attempt for one record, and what its outcome does to the queue and the status. */
import { classifyOutcome } from '../core/outbox/classify.js';
import { retryDelay, type RetryTiming } from '../core/outbox/backoff.js';
import type { BodyLike, Transport } from '../core/outbox/ports.js';
import type { OutboxRecord, OutboxSubmission } from '../core/outbox/record.js';
import type { ResilientStore } from '../storage/resilient-store.js';
import type { OutboxEvent } from './types.js';

/** Network failures in a row, while the browser says it is online, before we hint at CORS / a dead host. */
export const UNREACHABLE_AFTER = 3;

export interface DeliveryContext {
  readonly store: ResilientStore;
  readonly transport: Transport;
  readonly timing: RetryTiming;
  readonly now: () => number;
  readonly random: () => number;
  readonly endpointErrors: Map<string, { status: number | null; code: string }>;
  readonly networkFailures: Map<string, number>;
  readonly inFlight: Set<string>;
  lastDeliveredAt: number | null;
  lastError: string | null;
  bodyFor(submission: OutboxSubmission): BodyLike;
  requestOptions(): { headers: Record<string, string>; timeoutMs: number; signal: AbortSignal };
  emit(event: OutboxEvent, relay?: boolean): void;
  delivered(id: string): void;
}

/** 'next': carry on with this endpoint's queue; 'stop': leave the rest for a later cycle, in order. */
export async function attemptDelivery(ctx: DeliveryContext, record: OutboxRecord, keepalive: boolean): Promise<'next' | 'stop'> {
  const { leaseOwner: _owner, leaseUntil: _until, ...unleased } = record;
  let body: BodyLike;
  try {
    body = ctx.bodyFor(record.submission);
  } catch (error) {
    return reject(ctx, unleased, 0, `transform failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200));
  }
  ctx.inFlight.add(record.id);
  const outcome = await ctx.transport({ endpoint: record.endpoint, id: record.id, body, keepalive, ...ctx.requestOptions() });
  ctx.inFlight.delete(record.id);
  const verdict = classifyOutcome(outcome);
  const now = ctx.now();
  const attempts = record.attempts + 1;
  switch (verdict.kind) {
    case 'aborted':
      return 'stop';
    case 'delivered':
      await ctx.store.delete(record.id).catch((error: unknown) => console.warn('encounter-survey outbox: delete failed', error));
      ctx.lastDeliveredAt = now;
      ctx.lastError = null;
      ctx.endpointErrors.delete(record.endpoint);
      ctx.networkFailures.delete(record.endpoint);
      ctx.delivered(record.id);
      ctx.emit({ type: 'delivered', id: record.id, status: verdict.status }, true);
      return 'next';
    case 'rejected':
      ctx.endpointErrors.delete(record.endpoint);
      return reject(ctx, unleased, verdict.status, verdict.reason);
    case 'endpoint-error': {
      // Paused: the next probe is one backoff cap away, not sooner.
      await save(ctx, { ...unleased, attempts, nextAttemptAt: now + ctx.timing.capMs, lastError: verdict.code, lastStatus: verdict.status });
      report(ctx, record.endpoint, verdict.status, verdict.code);
      ctx.lastError = verdict.code;
      return 'stop';
    }
    case 'retry': {
      const delay = retryDelay(attempts, outcome.retryAfter, ctx.timing, now, ctx.random);
      await save(ctx, { ...unleased, attempts, nextAttemptAt: now + delay, lastError: verdict.code, lastStatus: verdict.status });
      ctx.lastError = verdict.code;
      if (verdict.status === null) {
        const failures = (ctx.networkFailures.get(record.endpoint) ?? 0) + 1;
        ctx.networkFailures.set(record.endpoint, failures);
        const online = typeof navigator === 'undefined' || navigator.onLine !== false;
        if (failures >= UNREACHABLE_AFTER && online) {
          report(ctx, record.endpoint, null, 'endpoint-unreachable');
          ctx.lastError = 'endpoint-unreachable';
        }
      } else {
        ctx.networkFailures.delete(record.endpoint);
        ctx.endpointErrors.delete(record.endpoint);
      }
      return 'stop';
    }
  }
}

async function reject(ctx: DeliveryContext, record: OutboxRecord, status: number, reason: string): Promise<'next'> {
  await save(ctx, { ...record, state: 'rejected', attempts: record.attempts + 1, lastStatus: status, reason, lastError: 'rejected' });
  ctx.delivered(record.id);
  ctx.emit({ type: 'rejected', id: record.id, status, reason }, true);
  return 'next';
}

/** Updates are best effort: if this write fails the record keeps its old state and is retried. */
async function save(ctx: DeliveryContext, record: OutboxRecord) {
  try {
    await ctx.store.put(record);
  } catch (error) {
    console.warn(`encounter-survey outbox: could not update ${record.id}`, error);
  }
}

/** An endpoint problem is news once per change, not once per probe. */
function report(ctx: DeliveryContext, endpoint: string, status: number | null, code: string) {
  const known = ctx.endpointErrors.get(endpoint);
  if (known?.status === status && known.code === code) return;
  ctx.endpointErrors.set(endpoint, { status, code });
  ctx.emit({ type: 'endpoint-error', endpoint, status, code });
}

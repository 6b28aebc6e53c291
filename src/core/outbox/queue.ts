/** Which records go out, in what order, and when the queue next needs waking. */
import type { RetryTiming } from './backoff.js';
import { MAX_RETRY_AFTER_MS } from './backoff.js';
import type { OutboxRecord } from './record.js';

export const byQueueOrder = (a: OutboxRecord, b: OutboxRecord) =>
  a.createdAt - b.createdAt || a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Due now? A `nextAttemptAt` further ahead than any delay we ever set means the clock went
 * backwards since it was written; treat it as due rather than strand the record.
 */
export function isDue(record: OutboxRecord, now: number, timing: RetryTiming): boolean {
  return record.nextAttemptAt <= now || record.nextAttemptAt - now > Math.max(timing.capMs, MAX_RETRY_AFTER_MS);
}

/** Pending records per endpoint, oldest first. Each endpoint is its own ordered queue. */
export function queuesByEndpoint(records: OutboxRecord[]): Map<string, OutboxRecord[]> {
  const queues = new Map<string, OutboxRecord[]>();
  for (const record of records.filter((r) => r.state === 'pending').sort(byQueueOrder)) {
    const queue = queues.get(record.endpoint) ?? [];
    queue.push(record);
    queues.set(record.endpoint, queue);
  }
  return queues;
}

/** The earliest time a queue head becomes due (heads gate the records behind them; a lease delays), or null. */
export function nextWakeAt(records: OutboxRecord[]): number | null {
  let earliest: number | null = null;
  for (const [, queue] of queuesByEndpoint(records)) {
    const head = queue[0]!;
    const at = Math.max(head.nextAttemptAt, head.leaseUntil ?? -Infinity);
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest;
}

export function oldestPendingAt(records: OutboxRecord[]): number | null {
  let oldest: number | null = null;
  for (const record of records) if (record.state === 'pending' && (oldest === null || record.createdAt < oldest)) oldest = record.createdAt;
  return oldest;
}

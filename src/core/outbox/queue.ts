/** Which records go out, in what order: one queue per endpoint, in the order they were stored. */
import type { OutboxRecord } from './record.js';

export const byQueueOrder = (a: OutboxRecord, b: OutboxRecord) => a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Pending records per endpoint, first stored first. Each endpoint is its own ordered queue. */
export function queuesByEndpoint(records: Iterable<OutboxRecord>): Map<string, OutboxRecord[]> {
  const queues = new Map<string, OutboxRecord[]>();
  for (const record of [...records].filter((r) => r.state === 'pending').sort(byQueueOrder)) {
    const queue = queues.get(record.endpoint) ?? [];
    queue.push(record);
    queues.set(record.endpoint, queue);
  }
  return queues;
}

/** The oldest pending queue time, at the precision it was stored (the survey's time bucket). */
export function oldestPendingAt(records: Iterable<OutboxRecord>): number | null {
  let oldest: number | null = null;
  for (const record of records) if (record.state === 'pending' && (oldest === null || record.createdAt < oldest)) oldest = record.createdAt;
  return oldest;
}

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

/**
 * On a page load with `corrected` configured: the records of every queue held by an endpoint error
 * (401/403/404/405/410, redirect), moved to `corrected` when it is on the same origin (a corrected
 * path). A different origin could be another organisation's receiver: those stay for staff to export.
 */
export function movedToCorrectedEndpoint(records: Iterable<OutboxRecord>, corrected: string): OutboxRecord[] {
  const pending = [...records].filter((r) => r.state === 'pending');
  const paused = new Set(pending.filter((r) => r.lastError === 'endpoint-error').map((r) => r.endpoint));
  const origin = new URL(corrected).origin;
  return pending
    .filter((r) => paused.has(r.endpoint) && r.endpoint !== corrected && new URL(r.endpoint).origin === origin)
    .map((r) => ({ ...r, endpoint: corrected }));
}

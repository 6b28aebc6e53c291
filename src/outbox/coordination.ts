/**
 * Keeping several tabs (and several outboxes in one page) from sending one record twice:
 * a Web Lock per database around each flush; where Web Locks are missing, a per-record lease
 * taken in one IndexedDB transaction. BroadcastChannel tells the other tabs what changed.
 */
import { parseRecord } from '../core/outbox/record.js';
import type { EndpointSchedule } from '../core/outbox/schedule.js';
import type { RecordStore } from '../core/outbox/ports.js';
import type { OutboxEvent } from './types.js';

export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

export function webLocks(): LockManagerLike | null {
  return (typeof navigator !== 'undefined' && (navigator.locks as LockManagerLike | undefined)) || null;
}

/** Runs `work` holding the named lock, or directly when there is no lock manager (leases guard then). */
export async function exclusive(locks: LockManagerLike | null, name: string, signal: AbortSignal, work: () => Promise<void>) {
  if (!locks) return work();
  await locks.request(name, { signal }, work);
}

class LeaseRefused extends Error {}

/**
 * Takes the lease on a record if it is still pending and nobody else holds a live lease.
 * idb-keyval `update()` reads and writes in one transaction, so two tabs cannot both win.
 */
export async function takeLease(store: Pick<RecordStore, 'update'>, id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
  try {
    await store.update(id, (stored) => {
      const parsed = parseRecord(stored);
      if (!parsed.ok) throw new LeaseRefused();
      const { record } = parsed;
      const heldByOther = record.leaseOwner && record.leaseOwner !== owner && (record.leaseUntil ?? 0) > now;
      if (record.state !== 'pending' || heldByOther) throw new LeaseRefused();
      return { ...(stored as object), leaseOwner: owner, leaseUntil: now + leaseMs };
    });
    return true;
  } catch (error) {
    if (!(error instanceof LeaseRefused)) console.warn('encounter-survey outbox: lease failed', error);
    return false;
  }
}

/**
 * 'changed': re-read the records named (the whole store when none are named). 'event': news to re-emit. 'recovered': the endpoint answered 2xx.
 * 'backoff': the endpoint's schedule after a retryable failure, so tabs share one backoff.
 */
export type ChannelMessage =
  | { kind: 'changed'; ids?: readonly string[] }
  | { kind: 'event'; event: OutboxEvent }
  | { kind: 'recovered'; endpoint: string }
  | { kind: 'backoff'; endpoint: string; schedule: EndpointSchedule };

export function openChannel(name: string, onMessage: (message: ChannelMessage) => void): { post(m: ChannelMessage): void; close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<ChannelMessage>) => onMessage(event.data);
  return {
    post: (message) => {
      try {
        channel.postMessage(message);
      } catch {
        // closed: nobody left to tell
      }
    },
    close: () => channel.close(),
  };
}

/**
 * What the outbox tells its listeners: events (relayed to other tabs when asked), the status
 * (only when it changed), the stale warning (once per oldest record), and the last error and
 * delivery time that the status reports.
 */
import type { ChannelMessage } from './coordination.js';
import type { OutboxEvent, OutboxStatus } from './types.js';

const STALE_AFTER_MS = 72 * 3_600_000;

export class OutboxNews {
  lastDeliveredAt: number | null = null;
  /** Whether the receiver's answer to that last delivery was read (false: a no-cors send). */
  lastDeliveryVerified: boolean | null = null;
  lastError: string | null = null;
  persisted: boolean | null = null;
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  private lastStatusJson = '';
  private staleNotified: number | null = null;

  constructor(
    private readonly source: {
      status(): OutboxStatus;
      channel: { post(message: ChannelMessage): void };
      now: () => number;
      staleAfterMs?: number | undefined;
    },
  ) {}

  subscribe(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: OutboxEvent, relay = false) {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('encounter-survey outbox: a listener threw', error);
      }
    }
    if (relay) this.source.channel.post({ kind: 'event', event });
  }

  status() {
    const status = this.source.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.emit({ type: 'status', status });
  }

  /** A 'stale' event once per oldest pending record older than the limit (default 72 h). */
  stale(oldest: number | null) {
    const limit = this.source.staleAfterMs ?? STALE_AFTER_MS;
    if (oldest === null || this.source.now() - oldest <= limit || this.staleNotified === oldest) return;
    this.staleNotified = oldest;
    this.emit({ type: 'stale', oldestPendingAt: oldest });
  }

  /** `navigator.storage.persist()` when asked (kiosks should), else whether storage already is persistent. */
  async askPersistence(ask: boolean) {
    try {
      const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
      if (!storage) return;
      this.persisted = ask ? await storage.persist() : await storage.persisted();
      this.status();
    } catch {
      this.persisted = null;
    }
  }

  close() {
    this.listeners.clear();
  }
}

/**
 * One pass over the queues: each endpoint's records in order, one request at a time, each attempt's
 * outcome decided by core/outbox/outcome.ts and applied here (the record, the endpoint's schedule
 * and problem, the news, the other tabs).
 */
import type { RetryTiming } from '../core/outbox/backoff.js';
import type { EndpointDelivery } from '../core/outbox/endpoint.js';
import { deliveryOutcome, restartAfterRecovery, type DeliveryOutcome } from '../core/outbox/outcome.js';
import { queuesByEndpoint } from '../core/outbox/queue.js';
import { parseRecord, type OutboxRecord } from '../core/outbox/record.js';
import { mayAttempt, type Trigger } from '../core/outbox/schedule.js';
import type { ResilientStore } from '../storage/resilient-store.js';
import { takeLease, type ChannelMessage } from './coordination.js';
import { attemptDelivery, type AttemptDeps } from './delivery.js';
import type { EndpointRegistry } from './endpoints.js';
import type { OutboxNews } from './news.js';
import type { RecordCache } from './record-cache.js';

export interface SenderParts {
  store: ResilientStore;
  cache: RecordCache;
  endpoints: EndpointRegistry;
  news: OutboxNews;
  channel: { post(message: ChannelMessage): void };
  deps: AttemptDeps;
  timing: RetryTiming;
  now: () => number;
  random: () => number;
  /** Without Web Locks, a per-record lease keeps two tabs from sending one record (null: Web Locks guard). */
  lease: { owner: string } | null;
  /** Send as `keepalive` (submitted with it, or the page is hidden). */
  keepalive(id: string): boolean;
  /** The record is settled (delivered or rejected): no more keepalive attempts for it. */
  settled(id: string): void;
}

/** Long enough for the whole attempt: a challenge fetched and solved, then the request. */
const leaseMs = (delivery: EndpointDelivery) => (delivery.proofOfWork ? 2 * delivery.timeoutMs + 30_000 : delivery.timeoutMs + 5000);

export class QueueSender {
  readonly inFlight = new Set<string>();

  constructor(private readonly parts: SenderParts) {}

  async sendDue(trigger: Trigger, closed: () => boolean) {
    const { store, cache, endpoints, timing, now, lease } = this.parts;
    for (const [endpoint, queue] of queuesByEndpoint(cache.records.values())) {
      for (const queued of queue) {
        if (closed() || !mayAttempt(endpoints.schedule(endpoint), now(), timing, trigger)) break;
        // Another tab may have settled it since this page last read the store.
        const current = parseRecord(await store.get(queued.id));
        if (!current.ok || current.record.state !== 'pending') {
          if (current.ok) cache.set(current.record);
          else cache.delete(queued.id);
          continue;
        }
        if (lease && !(await takeLease(store, queued.id, lease.owner, now(), leaseMs(endpoints.delivery(endpoint))))) {
          endpoints.setSchedule(endpoint, { ...endpoints.schedule(endpoint), notBefore: now() + 1000 });
          break;
        }
        const outcome = await this.attempt(current.record);
        await this.apply(current.record, outcome);
        // A transient failure stops this endpoint's queue so order holds; a rejected record does not.
        if (outcome.next === 'stop') break;
      }
    }
  }

  private async attempt(record: OutboxRecord): Promise<DeliveryOutcome> {
    const { endpoints, news } = this.parts;
    this.inFlight.add(record.id);
    const result = await attemptDelivery(record, endpoints.delivery(record.endpoint), this.parts.keepalive(record.id), this.parts.deps).finally(() =>
      this.inFlight.delete(record.id),
    );
    return deliveryOutcome({
      record,
      result,
      schedule: endpoints.schedule(record.endpoint),
      problem: endpoints.problems.get(record.endpoint) ?? null,
      lastError: news.lastError,
      now: this.parts.now(),
      timing: this.parts.timing,
      random: this.parts.random,
      online: typeof navigator === 'undefined' || navigator.onLine !== false,
      visible: typeof document !== 'undefined' && document.visibilityState === 'visible',
    });
  }

  /** Applies one attempt's outcome: the record, the endpoint's schedule and problem, the news. */
  private async apply(record: OutboxRecord, outcome: DeliveryOutcome) {
    const { endpoint } = record;
    const { store, cache, endpoints, news, channel } = this.parts;
    if (outcome.change.kind === 'delete') {
      await store.delete(record.id).catch((error: unknown) => console.warn('encounter-survey outbox: delete failed', error));
      cache.delete(record.id);
    } else if (outcome.change.kind === 'save') {
      await this.save(outcome.change.record);
    }
    endpoints.setSchedule(endpoint, outcome.schedule);
    endpoints.setProblem(endpoint, outcome.problem);
    news.lastError = outcome.lastError;
    if (outcome.recovered) {
      news.lastDeliveredAt = this.parts.now();
      news.lastDeliveryVerified = !outcome.news.some((item) => item.type === 'delivered' && !item.verified);
      // The endpoint works: whatever waited on it because of earlier failures starts afresh.
      for (const restarted of restartAfterRecovery(cache.records.values(), endpoint)) await this.save(restarted);
      channel.post({ kind: 'recovered', endpoint });
    } else if (outcome.change.kind === 'save' && outcome.change.record.state === 'pending' && !outcome.schedule.paused) {
      channel.post({ kind: 'backoff', endpoint, schedule: outcome.schedule });
    }
    for (const item of outcome.news) {
      if (item.type === 'endpoint-error' && item.code === 'redirect-not-allowed') {
        console.warn(`encounter-survey outbox: ${endpoint} redirected a response to a host delivery.redirectHosts does not list; it is kept as sent, unverified, and not sent again. If that host is the receiver's, add it to delivery.redirectHosts.`);
      }
      if (item.type !== 'endpoint-error') this.parts.settled(item.id);
      news.emit(item, item.type !== 'endpoint-error');
    }
  }

  /** Updates are best effort: if this write fails the record keeps its old state and is retried. */
  async save(record: OutboxRecord) {
    try {
      await this.parts.store.put(record);
      this.parts.cache.set(record);
    } catch (error) {
      console.warn(`encounter-survey outbox: could not update ${record.id}`, error);
    }
  }
}

/**
 * The outbox: every response is stored before anything else happens, then delivered exactly once
 * (the receiver dedupes by `Idempotency-Key`) through reloads, offline spells, server faults and
 * several tabs. Policy lives in core/outbox; this file wires storage, network, locks and triggers,
 * and applies what each attempt's outcome says.
 */
import { DEFAULT_RETRY, type RetryTiming } from '../core/outbox/backoff.js';
import { checkEndpoint } from '../core/outbox/endpoint.js';
import { OutboxError } from '../core/outbox/errors.js';
import { deliveryOutcome, restartAfterRecovery, type DeliveryOutcome } from '../core/outbox/outcome.js';
import type { Transport } from '../core/outbox/ports.js';
import { oldestPendingAt, queuesByEndpoint } from '../core/outbox/queue.js';
import { newRecord, normalizeEndpoint, parseRecord, queueTime, type OutboxRecord, type OutboxSubmission, type RejectedRecord } from '../core/outbox/record.js';
import { afterRecoverySeen, mayAttempt, nextDueAt, type Trigger } from '../core/outbox/schedule.js';
import { buildExport, readExport, type OutboxExport } from '../core/outbox/transfer.js';
import { DEFAULT_DATABASE_NAME, openIdbRecordStore } from '../storage/idb-record-store.js';
import { ResilientStore, type StoreOpener } from '../storage/resilient-store.js';
import { DEFAULT_TIMEOUT_MS, encodeBody, fetchTransport } from '../transport/fetch-transport.js';
import { proofOfWorkHeader } from '../transport/proof-of-work.js';
import { exclusive, openChannel, takeLease, webLocks, type ChannelMessage, type LockManagerLike } from './coordination.js';
import { attemptDelivery, type AttemptDeps } from './delivery.js';
import { EndpointRegistry } from './endpoints.js';
import { OutboxNews } from './news.js';
import { pageUrl, prepareSubmission } from './prepare.js';
import { RecordCache } from './record-cache.js';
import type { EndpointOptions, Outbox, OutboxEvent, OutboxOptions, OutboxStatus, SubmitReceipt } from './types.js';

const STRENGTH: Record<Trigger, number> = { timer: 0, wake: 1, force: 2 };

/** Seams for tests and unusual hosts; not public API. */
export interface OutboxInternals {
  openStore?: StoreOpener;
  transport?: Transport;
  /** null: behave like a browser without Web Locks (per-record leases instead). */
  locks?: LockManagerLike | null;
  storageTimeoutMs?: number;
  proofOfWork?: AttemptDeps['proofOfWork'];
}

export function createOutboxWith(options: OutboxOptions = {}, internals: OutboxInternals = {}): Outbox {
  return new OutboxImpl(options, internals);
}

class OutboxImpl implements Outbox {
  readonly ready: Promise<void>;
  private readonly store: ResilientStore;
  private readonly cache: RecordCache;
  private readonly endpoints = new EndpointRegistry(DEFAULT_TIMEOUT_MS);
  private readonly news: OutboxNews;
  private readonly timing: RetryTiming;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly deps: AttemptDeps;
  private readonly owner = crypto.randomUUID();
  private readonly aborter = new AbortController();
  private readonly databaseName: string;
  private readonly locks: LockManagerLike | null;
  private readonly channel;
  /** Responses submitted in this page and not yet known delivered: the `pagehide` keepalive attempt. */
  private readonly submittedHere = new Map<string, OutboxRecord>();
  private readonly keepaliveIds = new Set<string>();
  private readonly inFlight = new Set<string>();
  private running: Promise<void> | null = null;
  /** The strongest trigger asked for since the running cycle began (null: none). */
  private wanted: Trigger | null = null;
  private firstCycle = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly options: OutboxOptions,
    internals: OutboxInternals,
  ) {
    this.databaseName = options.databaseName ?? DEFAULT_DATABASE_NAME;
    this.timing = { ...DEFAULT_RETRY, ...options.retry };
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.locks = internals.locks === undefined ? webLocks() : internals.locks;
    const { endpoint, headers, timeoutMs, proofOfWork } = options;
    if (endpoint && 'url' in checkEndpoint(endpoint, pageUrl())) this.endpoints.configure(endpoint, { headers, timeoutMs, proofOfWork }, pageUrl());
    else if (headers || proofOfWork) throw new OutboxError('invalid-delivery-options', 'Headers and proof of work need a valid endpoint to belong to.');
    this.deps = {
      transport: internals.transport ?? fetchTransport,
      bodyFor: (submission) => this.bodyFor(submission),
      proofOfWork: internals.proofOfWork ?? proofOfWorkHeader,
      signal: this.aborter.signal,
    };
    this.store = new ResilientStore({
      open: internals.openStore ?? (() => openIdbRecordStore(this.databaseName, internals.storageTimeoutMs)),
      ...(internals.storageTimeoutMs ? { timeoutMs: internals.storageTimeoutMs } : {}),
      onWarning: (code, message) => {
        this.news.emit({ type: 'storage-warning', code, message });
        this.news.status();
      },
      onChange: () => this.changedElsewhere(),
    });
    this.cache = new RecordCache(this.store);
    this.channel = openChannel(`encounter-survey-outbox:${this.databaseName}`, (message) => this.onChannel(message));
    this.news = new OutboxNews({ status: () => this.status(), channel: this.channel, now: this.now, staleAfterMs: options.staleAfterMs });
    this.ready = this.store.ready.then(() => this.settle(true));
    void this.ready.then(() => this.flush({ ignoreBackoff: true }));
    void this.news.askPersistence(options.persist === true);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onWake);
      window.addEventListener('pagehide', this.onPageHide);
      document.addEventListener('visibilitychange', this.onWake);
    }
  }

  configureEndpoint(endpoint: string, options: EndpointOptions): string {
    const url = this.endpoints.configure(endpoint, options, pageUrl());
    if (this.endpoints.problems.has(url) || this.endpoints.schedule(url).paused) {
      this.endpoints.liftPause(url);
      this.news.status();
      void this.flush();
    }
    return url;
  }

  /** For `getSharedOutbox()`: a later survey's options, unless its endpoint is already configured here. */
  configureIfNew(options: OutboxOptions) {
    const target = options.endpoint ? checkEndpoint(options.endpoint, pageUrl()) : null;
    if (!target || !('url' in target) || this.endpoints.isConfigured(target.url)) return;
    this.configureEndpoint(target.url, { headers: options.headers, timeoutMs: options.timeoutMs, proofOfWork: options.proofOfWork });
  }

  async submit(submission: OutboxSubmission, options: { endpoint?: string; keepalive?: boolean } = {}): Promise<SubmitReceipt> {
    if (this.closed) throw new OutboxError('closed', 'This outbox is closed.');
    const { endpoint, submission: plain } = prepareSubmission(submission, options.endpoint ?? this.options.endpoint, (s) => this.bodyFor(s));
    await this.ready;
    if (this.closed) throw new OutboxError('closed', 'This outbox is closed.');
    // Submitting the same id twice stores it once.
    const result = await this.store.append((sequence) => newRecord(plain, endpoint, queueTime(plain, this.now()), sequence));
    const parsed = parseRecord(result.stored);
    if (parsed.ok) {
      this.cache.set(parsed.record);
      this.submittedHere.set(plain.id, parsed.record);
    }
    if (options.keepalive) this.keepaliveIds.add(plain.id);
    const pending = this.cache.pending().length;
    this.news.emit({ type: 'queued', id: plain.id, pending });
    this.settle(false);
    this.channel.post({ kind: 'changed' });
    void this.flush();
    return { id: plain.id, storage: result.kind, pending };
  }

  /** One flush at a time per page and, through the Web Lock, per origin; extra calls join the next cycle. */
  flush(options: { ignoreBackoff?: boolean; trigger?: Trigger } = {}): Promise<void> {
    if (this.closed) return Promise.resolve();
    const trigger = options.ignoreBackoff ? 'force' : (options.trigger ?? 'timer');
    if (this.wanted === null || STRENGTH[trigger] > STRENGTH[this.wanted]) this.wanted = trigger;
    if (this.running) return this.running;
    this.running = (async () => {
      await this.ready;
      while (this.wanted !== null && !this.closed) {
        const next = this.wanted;
        this.wanted = null;
        await exclusive(this.locks, `encounter-survey-outbox:${this.databaseName}`, this.aborter.signal, () => this.cycle(next));
      }
    })()
      .catch((error: unknown) => {
        if (!this.closed) console.warn('encounter-survey outbox: flush failed', error);
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async cycle(trigger: Trigger) {
    if (this.cache.stale || !this.locks) await this.cache.reload();
    if (this.firstCycle) {
      this.firstCycle = false;
      await this.movePaused();
    }
    const leaseMs = (this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5000;
    for (const [endpoint, queue] of queuesByEndpoint(this.cache.records.values())) {
      for (const queued of queue) {
        if (this.closed || !mayAttempt(this.endpoints.schedule(endpoint), this.now(), this.timing, trigger)) break;
        // Another tab may have settled it since this page last read the store.
        const current = parseRecord(await this.store.get(queued.id));
        if (!current.ok || current.record.state !== 'pending') {
          if (current.ok) this.cache.set(current.record);
          else this.cache.delete(queued.id);
          continue;
        }
        if (!this.locks && !(await takeLease(this.store, queued.id, this.owner, this.now(), leaseMs))) {
          this.endpoints.setSchedule(endpoint, { ...this.endpoints.schedule(endpoint), notBefore: this.now() + 1000 });
          break;
        }
        const record = current.record;
        const keepalive = this.keepaliveIds.has(record.id) || (typeof document !== 'undefined' && document.visibilityState === 'hidden');
        this.inFlight.add(record.id);
        const result = await attemptDelivery(record, this.endpoints.delivery(endpoint), keepalive, this.deps);
        this.inFlight.delete(record.id);
        const outcome = deliveryOutcome({
          record,
          result,
          schedule: this.endpoints.schedule(endpoint),
          problem: this.endpoints.problems.get(endpoint) ?? null,
          lastError: this.news.lastError,
          now: this.now(),
          timing: this.timing,
          random: this.random,
          online: typeof navigator === 'undefined' || navigator.onLine !== false,
        });
        await this.apply(record, outcome);
        // A transient failure stops this endpoint's queue so order holds; a rejected record does not.
        if (outcome.next === 'stop') break;
      }
    }
    this.settle(false);
    this.channel.post({ kind: 'changed' });
  }

  /** Applies one attempt's outcome: the record, the endpoint's schedule and problem, the news. */
  private async apply(record: OutboxRecord, outcome: DeliveryOutcome) {
    const { endpoint } = record;
    if (outcome.change.kind === 'delete') {
      await this.store.delete(record.id).catch((error: unknown) => console.warn('encounter-survey outbox: delete failed', error));
      this.cache.delete(record.id);
    } else if (outcome.change.kind === 'save') {
      await this.save(outcome.change.record);
    }
    this.endpoints.setSchedule(endpoint, outcome.schedule);
    this.endpoints.setProblem(endpoint, outcome.problem);
    this.news.lastError = outcome.lastError;
    if (outcome.recovered) {
      this.news.lastDeliveredAt = this.now();
      // The endpoint works: whatever waited on it because of earlier failures starts afresh.
      for (const restarted of restartAfterRecovery(this.cache.records.values(), endpoint)) await this.save(restarted);
      this.channel.post({ kind: 'recovered', endpoint });
    } else if (outcome.change.kind === 'save' && outcome.change.record.state === 'pending' && !outcome.schedule.paused) {
      this.channel.post({ kind: 'backoff', endpoint, schedule: outcome.schedule });
    }
    for (const item of outcome.news) {
      if (item.type !== 'endpoint-error') this.forget(item.id);
      this.news.emit(item, item.type !== 'endpoint-error');
    }
  }

  /** Updates are best effort: if this write fails the record keeps its old state and is retried. */
  private async save(record: OutboxRecord) {
    try {
      await this.store.put(record);
      this.cache.set(record);
    } catch (error) {
      console.warn(`encounter-survey outbox: could not update ${record.id}`, error);
    }
  }

  private bodyFor(submission: OutboxSubmission) {
    return encodeBody(this.options.transform ? this.options.transform(submission) : submission);
  }

  private forget(id: string) {
    this.submittedHere.delete(id);
    this.keepaliveIds.delete(id);
  }

  /**
   * On load, records held behind an endpoint that answered "misconfigured" (401/403/404/405/410,
   * redirect) move to the configured endpoint when it is on the same origin (a corrected path). A
   * different origin could be another organisation's receiver: those stay for staff to export.
   */
  private async movePaused() {
    const target = this.options.endpoint ? checkEndpoint(this.options.endpoint, pageUrl()) : null;
    const corrected = target && 'url' in target ? target.url : null;
    if (!corrected) return;
    const origin = new URL(corrected).origin;
    const pending = this.cache.pending();
    const paused = new Set(pending.filter((r) => r.lastError === 'endpoint-error').map((r) => r.endpoint));
    for (const record of pending) {
      if (!paused.has(record.endpoint) || record.endpoint === corrected || new URL(record.endpoint).origin !== origin) continue;
      await this.save({ ...record, endpoint: corrected });
    }
  }

  status(): OutboxStatus {
    const pending = this.cache.pending().length;
    return {
      pending,
      rejected: this.cache.records.size - pending,
      oldestPendingAt: oldestPendingAt(this.cache.records.values()),
      lastDeliveredAt: this.news.lastDeliveredAt,
      lastError: this.news.lastError,
      storage: this.store.kind,
      persisted: this.news.persisted,
      endpointErrors: [...this.endpoints.problems].map(([endpoint, problem]) => ({ endpoint, ...problem })),
    };
  }

  async rejected(): Promise<RejectedRecord[]> {
    await this.ready;
    await this.cache.reload();
    this.settle(false);
    return [...this.cache.records.values()].filter((r): r is RejectedRecord => r.state === 'rejected');
  }

  async retryRejected(id?: string): Promise<void> {
    for (const record of await this.rejected()) {
      if (id !== undefined && record.id !== id) continue;
      await this.save({ ...record, state: 'pending', attempts: 0, reason: null, lastError: null });
    }
    this.changed();
    await this.flush({ ignoreBackoff: true });
  }

  async discardRejected(id: string): Promise<void> {
    const found = parseRecord(await this.store.get(id));
    if (found.ok && found.record.state === 'rejected') {
      await this.store.delete(id);
      this.cache.delete(id);
    }
    this.changed();
  }

  async exportAll(): Promise<OutboxExport> {
    await this.ready;
    await this.cache.reload();
    this.settle(false);
    return buildExport([...this.cache.records.values()], this.cache.unreadable, this.now());
  }

  async importAll(data: unknown): Promise<{ imported: number; skipped: number }> {
    await this.ready;
    let { records, skipped } = readExport(data);
    let imported = 0;
    for (const record of records) {
      const target = checkEndpoint(record.endpoint);
      if ('problem' in target) {
        skipped++;
        continue;
      }
      const { leaseOwner: _owner, leaseUntil: _until, ...rest } = record;
      const result = await this.store.append((sequence) => ({ ...rest, endpoint: normalizeEndpoint(target.url), sequence }));
      if (!result.added) skipped++;
      else {
        imported++;
        const parsed = parseRecord(result.stored);
        if (parsed.ok) this.cache.set(parsed.record);
      }
    }
    this.changed();
    void this.flush({ ignoreBackoff: true });
    return { imported, skipped };
  }

  subscribe(listener: (event: OutboxEvent) => void): () => void {
    return this.news.subscribe(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.aborter.abort();
    clearTimeout(this.timer);
    this.channel.close();
    this.news.close();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onWake);
      window.removeEventListener('pagehide', this.onPageHide);
      document.removeEventListener('visibilitychange', this.onWake);
    }
    this.store.close();
  }

  /** After the cache changed: forget what is settled, tell status and staleness, set the timer. */
  private settle(reload: boolean): Promise<void> | void {
    if (reload) return this.cache.reload().then(() => this.settle(false));
    if (this.closed) return;
    for (const id of this.submittedHere.keys()) if (this.cache.records.get(id)?.state !== 'pending') this.forget(id);
    this.news.stale(oldestPendingAt(this.cache.records.values()));
    this.news.status();
    this.schedule();
  }

  /** Wakes when the first endpoint with waiting records may send again. */
  private schedule() {
    clearTimeout(this.timer);
    const waiting = [...queuesByEndpoint(this.cache.records.values()).keys()].map((endpoint) => this.endpoints.schedule(endpoint));
    const wake = nextDueAt(waiting);
    if (wake === null || this.closed) return;
    const delay = Math.min(Math.max(wake - this.now(), 10), Math.max(this.timing.capMs, 1000));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** This page changed the store outside a cycle: tell other tabs, refresh the status. */
  private changed() {
    this.settle(false);
    this.channel.post({ kind: 'changed' });
  }

  private changedElsewhere() {
    this.cache.stale = true;
    void Promise.resolve(this.settle(true)).catch(() => undefined);
  }

  private onChannel(message: ChannelMessage) {
    if (this.closed) return;
    if (message.kind === 'event') this.news.emit(message.event);
    else if (message.kind === 'changed') this.changedElsewhere();
    else if (message.kind === 'recovered') {
      this.endpoints.setSchedule(message.endpoint, afterRecoverySeen(this.endpoints.schedule(message.endpoint), this.now()));
      this.schedule();
    } else if (!this.endpoints.schedule(message.endpoint).paused) {
      this.endpoints.setSchedule(message.endpoint, message.schedule);
      this.schedule();
    }
  }

  /** Online again, or the page became visible (a tablet waking up): each waiting queue tries its head once. */
  private onWake = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible') void this.flush({ trigger: 'wake' });
  };

  /** Last chance as the page goes: a keepalive request for what this page submitted (no sendBeacon: it sends cookies). */
  private onPageHide = () => {
    for (const record of this.submittedHere.values()) {
      const delivery = this.endpoints.delivery(record.endpoint);
      // A proof of work cannot be solved while the page unloads; the next visit delivers it.
      if (this.inFlight.has(record.id) || delivery.proofOfWork) continue;
      let body;
      try {
        body = this.bodyFor(record.submission);
      } catch {
        continue;
      }
      // If the page survives (back/forward cache), the normal flush settles the record; the receiver dedupes.
      void this.deps.transport({ endpoint: record.endpoint, id: record.id, body, headers: delivery.headers, timeoutMs: delivery.timeoutMs, keepalive: true });
    }
  };
}

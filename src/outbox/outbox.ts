/**
 * The outbox: every response is stored before anything else happens, then delivered exactly once
 * (the receiver dedupes by `Idempotency-Key`) through reloads, offline spells, server faults and
 * several tabs. Policy lives in core/outbox; this file wires storage, network, locks and triggers,
 * and applies what each attempt's outcome says.
 */
import { DEFAULT_RETRY, type RetryTiming } from '../core/outbox/backoff.js';
import { checkEndpoint } from '../core/outbox/endpoint.js';
import { OutboxError } from '../core/outbox/errors.js';
import type { Transport } from '../core/outbox/ports.js';
import { movedToCorrectedEndpoint, oldestPendingAt, queuesByEndpoint } from '../core/outbox/queue.js';
import { newRecord, parseRecord, queueTime, type OutboxRecord, type OutboxSubmission, type RejectedRecord } from '../core/outbox/record.js';
import { nextDueAt, type Trigger } from '../core/outbox/schedule.js';
import { buildExport, readExport, type OutboxExport } from '../core/outbox/transfer.js';
import { DEFAULT_DATABASE_NAME, openIdbRecordStore } from '../storage/idb-record-store.js';
import { ResilientStore, type StoreOpener } from '../storage/resilient-store.js';
import { jsonText } from '../core/delivery/profile.js';
import { jsonProfile } from '../core/delivery/profiles/json.js';
import { DEFAULT_TIMEOUT_MS, fetchTransport } from '../transport/fetch-transport.js';
import { proofOfWorkHeader } from '../transport/proof-of-work.js';
import { openChannel, webLocks, type ChannelMessage, type LockManagerLike } from './coordination.js';
import { payloadMaker, type AttemptDeps } from './delivery.js';
import { EndpointRegistry, endpointOptions } from './endpoints.js';
import { FlushLoop } from './flush-loop.js';
import { profileFor } from './profiles.js';
import { OutboxNews } from './news.js';
import { pageUrl, prepareSubmission } from './prepare.js';
import { sendOnPageHide } from './keepalive.js';
import { listenToPage } from './page-events.js';
import { RecordCache } from './record-cache.js';
import { QueueSender } from './sender.js';
import type { EndpointOptions, Outbox, OutboxEvent, OutboxOptions, OutboxStatus, SubmitReceipt } from './types.js';

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
  private readonly transport: Transport;
  private readonly payloadFor: AttemptDeps['payloadFor'];
  private readonly sender: QueueSender;
  private readonly aborter = new AbortController();
  private readonly locks: LockManagerLike | null;
  private readonly channel;
  /** Responses submitted in this page and not yet known delivered: the `pagehide` keepalive attempt. */
  private readonly submittedHere = new Map<string, OutboxRecord>();
  private readonly keepaliveIds = new Set<string>();
  private readonly loop: FlushLoop;
  private firstCycle = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly stopListening: () => void;

  constructor(
    private readonly options: OutboxOptions,
    internals: OutboxInternals,
  ) {
    const databaseName = options.databaseName ?? DEFAULT_DATABASE_NAME;
    const lockName = `encounter-survey-outbox:${databaseName}`;
    this.timing = { ...DEFAULT_RETRY, ...options.retry };
    this.now = options.now ?? Date.now;
    this.transport = internals.transport ?? fetchTransport;
    this.payloadFor = payloadMaker(options.transform);
    this.locks = internals.locks === undefined ? webLocks() : internals.locks;
    const { endpoint, headers, proofOfWork } = options;
    if (endpoint && 'url' in checkEndpoint(endpoint, pageUrl())) this.endpoints.configure(endpoint, endpointOptions(options), pageUrl());
    else if (headers || proofOfWork) throw new OutboxError('invalid-delivery-options', 'Headers and proof of work need a valid endpoint to belong to.');
    this.store = new ResilientStore({
      open: internals.openStore ?? (() => openIdbRecordStore(databaseName, internals.storageTimeoutMs)),
      ...(internals.storageTimeoutMs ? { timeoutMs: internals.storageTimeoutMs } : {}),
      onWarning: (code, message) => {
        this.news.emit({ type: 'storage-warning', code, message });
        this.news.status();
      },
      onChange: () => this.changedElsewhere(),
    });
    this.cache = new RecordCache(this.store);
    this.channel = openChannel(lockName, (message) => this.onChannel(message));
    this.news = new OutboxNews({ status: () => this.status(), channel: this.channel, now: this.now, staleAfterMs: options.staleAfterMs });
    this.sender = new QueueSender({
      store: this.store,
      cache: this.cache,
      endpoints: this.endpoints,
      news: this.news,
      channel: this.channel,
      deps: {
        transport: this.transport,
        profile: (delivery) => profileFor(delivery.profile),
        payloadFor: this.payloadFor,
        proofOfWork: internals.proofOfWork ?? proofOfWorkHeader,
        signal: this.aborter.signal,
      },
      timing: this.timing,
      now: this.now,
      random: options.random ?? Math.random,
      lease: this.locks ? null : { owner: crypto.randomUUID() },
      keepalive: (id) => this.keepaliveIds.has(id) || (typeof document !== 'undefined' && document.visibilityState === 'hidden'),
      settled: (id) => this.forget(id),
    });
    this.ready = this.store.ready.then(() => this.settle(true));
    this.loop = new FlushLoop({ cycle: (trigger) => this.cycle(trigger), ready: this.ready, locks: this.locks, lockName, signal: this.aborter.signal });
    void this.ready.then(() => this.flush({ ignoreBackoff: true }));
    void this.news.askPersistence(options.persist === true);
    // Online again, or visible again (a tablet waking up): each waiting queue tries its head once.
    this.stopListening = listenToPage({ wake: () => void this.flush({ trigger: 'wake' }), pageHide: () => this.sendOnPageHide() });
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
    this.configureEndpoint(target.url, endpointOptions(options));
  }

  async submit(submission: OutboxSubmission, options: { endpoint?: string; keepalive?: boolean } = {}): Promise<SubmitReceipt> {
    if (this.closed) throw new OutboxError('closed', 'This outbox is closed.');
    const { endpoint, submission: plain } = prepareSubmission(submission, options.endpoint ?? this.options.endpoint, (s, url) => {
      // Measured as JSON: within a few bytes of every profile's encoding, and needs no profile chunk.
      const text = jsonText(this.payloadFor(s, this.endpoints.delivery(url), jsonProfile.shape));
      return { text, contentType: 'application/json' };
    });
    await this.ready;
    if (this.closed) throw new OutboxError('closed', 'This outbox is closed.');
    // Submitting the same id twice stores it once.
    const result = await this.cache.append((sequence) => newRecord(plain, endpoint, queueTime(plain, this.now()), sequence));
    const stored = this.cache.records.get(plain.id);
    if (stored) this.submittedHere.set(plain.id, stored);
    if (options.keepalive) this.keepaliveIds.add(plain.id);
    const pending = this.cache.pending().length;
    this.news.emit({ type: 'queued', id: plain.id, pending });
    this.settle(false);
    this.tellOthers();
    void this.flush();
    return { id: plain.id, storage: result.kind, pending };
  }

  /** Sends what is due; `trigger` says how much backoff may be skipped (see core/outbox/schedule.ts). */
  flush(options: { ignoreBackoff?: boolean; trigger?: Trigger } = {}): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.loop.request(options.ignoreBackoff ? 'force' : (options.trigger ?? 'timer'));
  }

  private async cycle(trigger: Trigger) {
    if (this.cache.stale || !this.locks) await this.cache.reload();
    if (this.firstCycle) {
      this.firstCycle = false;
      await this.movePaused();
    }
    try {
      await this.sender.sendDue(trigger, () => this.closed);
    } finally {
      // Even when storage failed mid-pass: the timer must be set again.
      this.settle(false);
      this.tellOthers();
    }
  }

  private forget(id: string) {
    this.submittedHere.delete(id);
    this.keepaliveIds.delete(id);
  }

  /** On load, queues paused by an endpoint error move to a corrected same-origin endpoint. */
  private async movePaused() {
    const target = this.options.endpoint ? checkEndpoint(this.options.endpoint, pageUrl()) : null;
    if (target && 'url' in target) for (const moved of movedToCorrectedEndpoint(this.cache.records.values(), target.url)) await this.sender.save(moved);
  }

  status(): OutboxStatus {
    const pending = this.cache.pending().length;
    return {
      pending,
      rejected: this.cache.records.size - pending,
      oldestPendingAt: oldestPendingAt(this.cache.records.values()),
      lastDeliveredAt: this.news.lastDeliveredAt,
      lastDeliveryVerified: this.news.lastDeliveryVerified,
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
      await this.sender.save({ ...record, state: 'pending', attempts: 0, reason: null, lastError: null });
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
    const { records, skipped } = readExport(data);
    const { imported, refused } = await this.cache.importRecords(records);
    this.changed();
    void this.flush({ ignoreBackoff: true });
    return { imported, skipped: skipped + refused };
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
    this.stopListening();
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
    this.tellOthers();
  }

  /** Names the records written, so other tabs re-read those rather than the whole store. */
  private tellOthers() {
    const ids = this.cache.takeWritten();
    if (ids.length > 0) this.channel.post({ kind: 'changed', ids });
  }

  private changedElsewhere(ids?: readonly string[]) {
    if (ids) {
      void this.cache
        .refresh(ids)
        .then(() => this.settle(false))
        .catch(() => undefined);
      return;
    }
    this.cache.stale = true;
    void Promise.resolve(this.settle(true)).catch(() => undefined);
  }

  private onChannel(message: ChannelMessage) {
    if (this.closed) return;
    if (message.kind === 'event') this.news.emit(message.event);
    else if (message.kind === 'changed') this.changedElsewhere(message.ids);
    else {
      this.endpoints.hear(message, this.now());
      this.schedule();
    }
  }

  /** Last chance as the page goes: a keepalive request for each response this page submitted. */
  private sendOnPageHide() {
    const records = [...this.submittedHere.values()].filter((r) => !this.sender.inFlight.has(r.id));
    sendOnPageHide(records, this.endpoints, { payloadFor: this.payloadFor }, this.transport);
  }
}

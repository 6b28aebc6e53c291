/**
 * The outbox: every response is stored before anything else happens, then delivered exactly once
 * (the receiver dedupes by `Idempotency-Key`) through reloads, offline spells, server faults and
 * several tabs. Policy lives in core/outbox; this file wires storage, network, locks and triggers.
 */
import { DEFAULT_RETRY, type RetryTiming } from '../core/outbox/backoff.js';
import { checkEndpoint } from '../core/outbox/endpoint.js';
import { OutboxError } from '../core/outbox/errors.js';
import type { Transport } from '../core/outbox/ports.js';
import { isDue, nextWakeAt, oldestPendingAt, queuesByEndpoint } from '../core/outbox/queue.js';
import { newRecord, parseRecord, type OutboxRecord, type OutboxSubmission, type RejectedRecord } from '../core/outbox/record.js';
import { buildExport, readExport, type OutboxExport } from '../core/outbox/transfer.js';
import { DEFAULT_DATABASE_NAME, openIdbRecordStore } from '../storage/idb-record-store.js';
import { ResilientStore, type StoreOpener } from '../storage/resilient-store.js';
import { DEFAULT_TIMEOUT_MS, encodeBody, fetchTransport } from '../transport/fetch-transport.js';
import { exclusive, openChannel, takeLease, webLocks, type ChannelMessage, type LockManagerLike } from './coordination.js';
import { attemptDelivery, type DeliveryContext } from './delivery.js';
import { pageUrl, prepareSubmission } from './prepare.js';
import type { Outbox, OutboxEvent, OutboxOptions, OutboxStatus, SubmitReceipt } from './types.js';

const STALE_AFTER_MS = 72 * 3_600_000;

/** Seams for tests and unusual hosts; not public API. */
export interface OutboxInternals {
  openStore?: StoreOpener;
  transport?: Transport;
  /** null: behave like a browser without Web Locks (per-record leases instead). */
  locks?: LockManagerLike | null;
  storageTimeoutMs?: number;
}

export function createOutboxWith(options: OutboxOptions = {}, internals: OutboxInternals = {}): Outbox {
  return new OutboxImpl(options, internals);
}

class OutboxImpl implements Outbox, DeliveryContext {
  readonly ready: Promise<void>;
  readonly store: ResilientStore;
  readonly timing: RetryTiming;
  readonly now: () => number;
  readonly random: () => number;
  readonly transport: Transport;
  readonly owner = crypto.randomUUID();
  readonly aborter = new AbortController();
  readonly endpointErrors = new Map<string, { status: number | null; code: string }>();
  readonly networkFailures = new Map<string, number>();
  readonly inFlight = new Set<string>();
  lastDeliveredAt: number | null = null;
  lastError: string | null = null;
  private readonly databaseName: string;
  private readonly locks: LockManagerLike | null;
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  private readonly channel;
  /** Responses submitted in this page and not yet known delivered: the `pagehide` keepalive attempt. */
  private readonly submittedHere = new Map<string, OutboxRecord>();
  private readonly keepaliveIds = new Set<string>();
  private records: OutboxRecord[] = [];
  private persisted: boolean | null = null;
  private sequence = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private firstCycle = true;
  /** Set by `flush({ ignoreBackoff: true })` (staff's "Send now"): the next cycle tries every queue. */
  private ignoreBackoffOnce = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<unknown> = Promise.resolve();
  private lastStatusJson = '';
  private staleNotified: number | null = null;
  private readonly loggedUnreadable = new Set<string>();
  private closed = false;

  constructor(
    private readonly options: OutboxOptions,
    internals: OutboxInternals,
  ) {
    this.databaseName = options.databaseName ?? DEFAULT_DATABASE_NAME;
    this.timing = { ...DEFAULT_RETRY, ...options.retry };
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.transport = internals.transport ?? fetchTransport;
    this.locks = internals.locks === undefined ? webLocks() : internals.locks;
    this.store = new ResilientStore({
      open: internals.openStore ?? (() => openIdbRecordStore(this.databaseName, internals.storageTimeoutMs)),
      ...(internals.storageTimeoutMs ? { timeoutMs: internals.storageTimeoutMs } : {}),
      onWarning: (code, message) => {
        this.emit({ type: 'storage-warning', code, message });
        this.emitStatus();
      },
      onChange: () => this.changed(),
    });
    this.channel = openChannel(`encounter-survey-outbox:${this.databaseName}`, (message) => this.onChannel(message));
    this.ready = this.store.ready.then(async () => void (await this.refresh()));
    void this.ready.then(() => this.flush());
    void this.askPersistence();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onWake);
      window.addEventListener('pagehide', this.onPageHide);
      document.addEventListener('visibilitychange', this.onWake);
    }
  }

  async submit(submission: OutboxSubmission, options: { endpoint?: string; keepalive?: boolean } = {}): Promise<SubmitReceipt> {
    if (this.closed) throw new OutboxError('closed', 'This outbox is closed.');
    const { endpoint, submission: plain } = prepareSubmission(submission, options.endpoint ?? this.options.endpoint, (s) => this.bodyFor(s));
    await this.ready;
    if (this.closed) throw new OutboxError('closed', 'This outbox is closed.');
    // Submitting the same id twice stores it once.
    const existing = parseRecord(await this.store.get(plain.id));
    const record = existing.ok ? existing.record : newRecord(plain, endpoint, this.now(), this.sequence++);
    const storage = existing.ok ? this.store.kind : await this.store.put(record);
    this.submittedHere.set(plain.id, record);
    if (options.keepalive) this.keepaliveIds.add(plain.id);
    const pending = (await this.refresh()).records.filter((r) => r.state === 'pending').length;
    this.emit({ type: 'queued', id: plain.id, pending });
    this.channel.post({ kind: 'changed' });
    void this.flush();
    return { id: plain.id, storage: storage === 'opening' ? 'memory' : storage, pending };
  }

  /** One flush at a time per page and, through the Web Lock, per origin; extra calls join the next cycle. */
  flush(options: { ignoreBackoff?: boolean } = {}): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (options.ignoreBackoff) this.ignoreBackoffOnce = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      await this.ready;
      do {
        this.again = false;
        await exclusive(this.locks, `encounter-survey-outbox:${this.databaseName}`, this.aborter.signal, () => this.cycle());
      } while (this.again && !this.closed);
    })()
      .catch((error: unknown) => {
        if (!this.closed) console.warn('encounter-survey outbox: flush failed', error);
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async cycle() {
    let { records } = await this.refresh();
    // A page load tries each queue once whatever its backoff said: the receiver may have been fixed.
    const onLoad = this.firstCycle;
    if (onLoad) {
      this.firstCycle = false;
      records = await this.probeEndpointErrorsNow(records);
    }
    const force = onLoad || this.ignoreBackoffOnce;
    this.ignoreBackoffOnce = false;
    const due = (record: OutboxRecord) => force || isDue(record, this.now(), this.timing);
    const leaseMs = (this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5000;
    for (const [, queue] of queuesByEndpoint(records)) {
      for (const record of queue) {
        if (this.closed || !due(record)) break;
        if (!this.locks && !(await takeLease(this.store, record.id, this.owner, this.now(), leaseMs, due))) break;
        const keepalive = this.keepaliveIds.has(record.id) || (typeof document !== 'undefined' && document.visibilityState === 'hidden');
        // A transient failure stops this endpoint's queue so order holds; a rejected record does not.
        if ((await attemptDelivery(this, record, keepalive)) === 'stop') break;
      }
    }
    await this.refresh();
    this.channel.post({ kind: 'changed' });
  }

  bodyFor(submission: OutboxSubmission) {
    return encodeBody(this.options.transform ? this.options.transform(submission) : submission);
  }

  requestOptions() {
    return { headers: this.options.headers ?? {}, timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: this.aborter.signal };
  }

  delivered(id: string) {
    this.submittedHere.delete(id);
    this.keepaliveIds.delete(id);
  }

  /** On load, records held by a misconfigured endpoint may move to a corrected one. */
  private async probeEndpointErrorsNow(records: OutboxRecord[]) {
    const target = this.options.endpoint ? checkEndpoint(this.options.endpoint, pageUrl()) : null;
    await this.movePaused(records, target && 'url' in target ? target.url : null);
    return (await this.refresh()).records;
  }

  /**
   * Every record queued behind an endpoint that answered "misconfigured" (401/403/404/405/410,
   * redirect) becomes due now and, given a corrected endpoint on the same origin, moves to it. A
   * different origin could be another organisation's receiver: those stay for staff to export.
   */
  private async movePaused(records: OutboxRecord[], corrected: string | null) {
    const pending = records.filter((r) => r.state === 'pending');
    const paused = new Set(pending.filter((r) => r.lastError === 'endpoint-error').map((r) => r.endpoint));
    const origin = corrected && new URL(corrected).origin;
    for (const record of pending) {
      if (!paused.has(record.endpoint)) continue;
      const endpoint = origin && new URL(record.endpoint).origin === origin ? corrected! : record.endpoint;
      if (endpoint !== record.endpoint) this.endpointErrors.delete(record.endpoint);
      await this.store.put({ ...record, endpoint, nextAttemptAt: Math.min(record.nextAttemptAt, this.now()) }).catch(() => undefined);
    }
  }

  status(): OutboxStatus {
    const pending = this.records.filter((r) => r.state === 'pending');
    return {
      pending: pending.length,
      rejected: this.records.length - pending.length,
      oldestPendingAt: oldestPendingAt(this.records),
      lastDeliveredAt: this.lastDeliveredAt,
      lastError: this.lastError,
      storage: this.store.kind,
      persisted: this.persisted,
      endpointErrors: [...this.endpointErrors].map(([endpoint, problem]) => ({ endpoint, ...problem })),
    };
  }

  async rejected(): Promise<RejectedRecord[]> {
    const { records } = await this.refresh();
    return records.filter((r): r is RejectedRecord => r.state === 'rejected');
  }

  async retryRejected(id?: string): Promise<void> {
    for (const record of await this.rejected()) {
      if (id !== undefined && record.id !== id) continue;
      await this.store.put({ ...record, state: 'pending', attempts: 0, nextAttemptAt: this.now(), reason: null, lastError: null });
    }
    this.changed();
    await this.flush();
  }

  async discardRejected(id: string): Promise<void> {
    const found = parseRecord(await this.store.get(id));
    if (found.ok && found.record.state === 'rejected') await this.store.delete(id);
    this.changed();
  }

  async exportAll(): Promise<OutboxExport> {
    const { records, unreadable } = await this.refresh();
    return buildExport(records, unreadable, this.now());
  }

  async importAll(data: unknown): Promise<{ imported: number; skipped: number }> {
    await this.ready;
    let { records, skipped } = readExport(data);
    let imported = 0;
    for (const record of records) {
      const target = checkEndpoint(record.endpoint);
      if ('problem' in target || parseRecord(await this.store.get(record.id)).ok) {
        skipped++;
        continue;
      }
      const { leaseOwner: _owner, leaseUntil: _until, ...rest } = record;
      await this.store.put({ ...rest, nextAttemptAt: this.now() });
      imported++;
    }
    this.changed();
    void this.flush();
    return { imported, skipped };
  }

  subscribe(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.aborter.abort();
    clearTimeout(this.timer);
    this.channel.close();
    this.listeners.clear();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onWake);
      window.removeEventListener('pagehide', this.onPageHide);
      document.removeEventListener('visibilitychange', this.onWake);
    }
    this.store.close();
  }

  emit(event: OutboxEvent, relay = false) {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('encounter-survey outbox: a listener threw', error);
      }
    }
    if (relay) this.channel.post({ kind: 'event', event });
  }

  private emitStatus() {
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.emit({ type: 'status', status });
  }

  /**
   * Re-reads the store, then updates status, the stale warning and the timer. Reads are chained,
   * so the last one applied is always the newest.
   */
  refresh(): Promise<{ records: OutboxRecord[]; unreadable: unknown[] }> {
    const read = this.reading.then(() => this.read());
    this.reading = read.catch(() => undefined);
    return read;
  }

  private async read() {
    const records: OutboxRecord[] = [];
    const unreadable: unknown[] = [];
    for (const [key, value] of await this.store.entries()) {
      const parsed = parseRecord(value);
      if (parsed.ok) records.push(parsed.record);
      else {
        unreadable.push(value);
        if (!this.loggedUnreadable.has(key)) console.warn(`encounter-survey outbox: skipped record ${key}: ${parsed.reason}; kept for export`);
        this.loggedUnreadable.add(key);
      }
    }
    if (this.closed) return { records, unreadable };
    this.records = records;
    const pendingIds = new Set(records.filter((r) => r.state === 'pending').map((r) => r.id));
    for (const id of this.submittedHere.keys()) if (!pendingIds.has(id)) this.delivered(id);
    const oldest = oldestPendingAt(records);
    if (oldest !== null && this.now() - oldest > (this.options.staleAfterMs ?? STALE_AFTER_MS) && this.staleNotified !== oldest) {
      this.staleNotified = oldest;
      this.emit({ type: 'stale', oldestPendingAt: oldest });
    }
    this.emitStatus();
    this.schedule();
    return { records, unreadable };
  }

  /** Wakes when the first queue head is due (a held lease counts as not yet due). */
  private schedule() {
    clearTimeout(this.timer);
    const wake = nextWakeAt(this.records);
    if (wake === null || this.closed) return;
    const delay = Math.min(Math.max(wake - this.now(), 10), Math.max(this.timing.capMs, 1000));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private changed() {
    void this.refresh().catch(() => undefined);
    this.channel.post({ kind: 'changed' });
  }

  private onChannel(message: ChannelMessage) {
    if (this.closed) return;
    if (message.kind === 'event') this.emit(message.event);
    else void this.refresh().catch(() => undefined);
  }

  private onWake = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible') void this.flush();
  };

  /** Last chance as the page goes: a keepalive request for what this page submitted (no sendBeacon: it sends cookies). */
  private onPageHide = () => {
    const { headers, timeoutMs } = this.requestOptions();
    for (const record of this.submittedHere.values()) {
      if (this.inFlight.has(record.id)) continue;
      let body;
      try {
        body = this.bodyFor(record.submission);
      } catch {
        continue;
      }
      // If the page survives (back/forward cache), the normal flush settles the record; the receiver dedupes.
      void this.transport({ endpoint: record.endpoint, id: record.id, body, headers, timeoutMs, keepalive: true });
    }
  };

  private async askPersistence() {
    try {
      const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
      if (!storage) return;
      this.persisted = this.options.persist ? await storage.persist() : await storage.persisted();
      this.emitStatus();
    } catch {
      this.persisted = null;
    }
  }
}

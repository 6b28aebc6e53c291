/**
 * This page's copy of the stored records. Read in full at start and when another tab says the store
 * changed; kept in step with this page's own writes otherwise, so a submit or a delivery costs one
 * write, not a read of everything. Records from older versions are renumbered and rewritten once,
 * which also drops the exact times they carried.
 */
import { checkEndpoint } from '../core/outbox/endpoint.js';
import { parseRecord, RECORD_SCHEMA_VERSION, upgradeLegacy, type OutboxRecord } from '../core/outbox/record.js';
import type { ResilientStore } from '../storage/resilient-store.js';

class Unchanged extends Error {}

export class RecordCache {
  readonly records = new Map<string, OutboxRecord>();
  unreadable: unknown[] = [];
  /** Another tab (or a late IndexedDB) changed the store: read it all before trusting this copy. */
  stale = true;
  private reading: Promise<void> = Promise.resolve();
  private waiting: Promise<void> | null = null;
  /** Ids this page wrote since it last told the other tabs. */
  private readonly written = new Set<string>();
  private readonly logged = new Set<string>();

  constructor(private readonly store: ResilientStore) {}

  /**
   * Reads are chained, so the last one applied is always the newest. A read that has not started
   * yet will see every change made so far, so callers share it: a burst of news from other tabs
   * costs one more read, not one each.
   */
  reload(): Promise<void> {
    if (this.waiting) return this.waiting;
    const read = this.reading.then(() => {
      this.waiting = null;
      return this.read();
    });
    this.waiting = read;
    this.reading = read.catch(() => undefined);
    return read;
  }

  /** Another tab wrote these records: read just them, in the same chain as full reads. */
  refresh(ids: readonly string[]): Promise<void> {
    const read = this.reading.then(() => this.readSome(ids));
    this.reading = read.catch(() => undefined);
    return read;
  }

  /** The ids written here since the last call: what the other tabs need to re-read. */
  takeWritten(): string[] {
    const ids = [...this.written];
    this.written.clear();
    return ids;
  }

  private async readSome(ids: readonly string[]) {
    for (const id of ids) {
      const value = await this.store.get(id);
      if (value === undefined) {
        this.records.delete(id);
        continue;
      }
      const parsed = parseRecord(value);
      // Unreadable or from an older version: the full read handles (and logs, and upgrades) those.
      if (!parsed.ok || parsed.legacy) return this.read();
      this.records.set(id, parsed.record);
    }
  }

  private async read() {
    this.stale = false;
    const records = new Map<string, OutboxRecord>();
    const unreadable: unknown[] = [];
    const legacy: Array<{ record: OutboxRecord; order: [number, number] }> = [];
    for (const [key, value] of await this.store.entries()) {
      const parsed = parseRecord(value);
      if (!parsed.ok) {
        unreadable.push(value);
        if (!this.logged.has(key)) console.warn(`encounter-survey outbox: skipped record ${key}: ${parsed.reason}; kept for export`);
        this.logged.add(key);
      } else if (parsed.legacy) legacy.push({ record: parsed.record, order: parsed.legacy.order });
      else records.set(key, parsed.record);
    }
    // Older records were queued before any current one: they go first, in their old order.
    for (const record of upgradeLegacy(legacy, -legacy.length - 1)) {
      records.set(record.id, record);
      this.written.add(record.id);
      await this.store
        .update(record.id, (stored) => {
          // Gone (delivered by another tab) or already upgraded: leave it.
          if (stored === undefined || (stored as { schemaVersion?: unknown }).schemaVersion === RECORD_SCHEMA_VERSION) throw new Unchanged();
          return record;
        })
        .catch((error: unknown) => error instanceof Unchanged || console.warn(`encounter-survey outbox: could not upgrade ${record.id}`, error));
    }
    this.records.clear();
    for (const [id, record] of records) this.records.set(id, record);
    this.unreadable = unreadable;
  }

  /**
   * Stores a new record with the next sequence number, unless its id is already stored; either
   * way this copy then holds what is stored. Says whether it was added and where it is kept.
   */
  async append(create: (sequence: number) => OutboxRecord): Promise<{ added: boolean; kind: 'indexeddb' | 'memory' }> {
    const result = await this.store.append(create);
    const parsed = parseRecord(result.stored);
    if (parsed.ok && !parsed.legacy) this.records.set(parsed.record.id, parsed.record);
    if (result.added && parsed.ok) this.written.add(parsed.record.id);
    return { added: result.added, kind: result.kind };
  }

  /** Records from an export, each stored after everything queued here; known ids and unsafe endpoints refused. */
  async importRecords(records: OutboxRecord[]): Promise<{ imported: number; refused: number }> {
    let imported = 0;
    for (const record of records) {
      const target = checkEndpoint(record.endpoint);
      if ('problem' in target) continue;
      const { leaseOwner: _owner, leaseUntil: _until, ...rest } = record;
      if ((await this.append((sequence) => ({ ...rest, endpoint: target.url, sequence }))).added) imported++;
    }
    return { imported, refused: records.length - imported };
  }

  /** After this page stored `record` (or found it changed in the store). */
  set(record: OutboxRecord) {
    this.records.set(record.id, record);
    this.written.add(record.id);
  }

  /** After this page deleted the record (or found it gone). */
  delete(id: string) {
    this.records.delete(id);
    this.written.add(id);
  }

  pending(): OutboxRecord[] {
    return [...this.records.values()].filter((r) => r.state === 'pending');
  }
}

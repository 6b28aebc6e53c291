/**
 * IndexedDB when it answers, this page's memory when it does not (private modes, blocked upgrade,
 * quota at open, a hung `open()`). If IndexedDB opens after we gave up on it, the records held in
 * memory move over once. A quota error on write is the caller's to hear about, never hidden.
 */
import { OutboxError, isQuotaError } from '../core/outbox/errors.js';
import type { RecordStore, StorageKind } from '../core/outbox/ports.js';
import type { OutboxRecord } from '../core/outbox/record.js';
import { STORAGE_TIMEOUT_MS, withTimeout } from './idb-record-store.js';
import { memoryRecordStore } from './memory-record-store.js';

export type StoreOpener = () => Promise<RecordStore & { close?(): void }>;

export interface ResilientStoreOptions {
  open: StoreOpener;
  timeoutMs?: number;
  onWarning(code: string, message: string): void;
  /** The store changed underneath (records moved from memory to IndexedDB). */
  onChange(): void;
}

export class ResilientStore {
  kind: StorageKind | 'opening' = 'opening';
  readonly ready: Promise<void>;
  private readonly memory = memoryRecordStore();
  private durable: (RecordStore & { close?(): void }) | null = null;
  private closed = false;

  constructor(private readonly options: ResilientStoreOptions) {
    let opening: ReturnType<StoreOpener>;
    try {
      opening = options.open();
    } catch (error) {
      opening = Promise.reject(error);
    }
    this.ready = withTimeout(opening, options.timeoutMs ?? STORAGE_TIMEOUT_MS).then(
      (store) => this.adopt(store),
      (error: unknown) => {
        this.kind = 'memory';
        options.onWarning('storage-unavailable', `Responses are kept in this page only until sent (${describe(error)}).`);
        opening.then((store) => this.adoptLate(store), () => undefined);
      },
    );
  }

  private adopt(store: RecordStore & { close?(): void }) {
    if (this.closed) return store.close?.();
    this.durable = store;
    this.kind = store.kind;
  }

  private async adoptLate(store: RecordStore & { close?(): void }) {
    this.adopt(store);
    if (this.closed) return;
    // In their order, renumbered after whatever IndexedDB already holds.
    const held = (await this.memory.entries()).map(([, value]) => value as OutboxRecord).sort((a, b) => a.sequence - b.sequence);
    for (const record of held) {
      const { id } = record;
      try {
        await store.put({ ...record, sequence: await store.nextSequence() });
        await this.memory.delete(id);
      } catch (error) {
        console.warn(`encounter-survey outbox: could not move ${id} to IndexedDB`, error);
      }
    }
    this.options.onChange();
  }

  /** Stores the record and says where; throws `storage-full` on quota so nobody calls it saved. */
  async put(record: OutboxRecord): Promise<StorageKind> {
    await this.ready;
    if (this.durable) {
      try {
        await this.durable.put(record);
        await this.memory.delete(record.id);
        return this.durable.kind;
      } catch (error) {
        if (isQuotaError(error)) throw new OutboxError('storage-full', 'The device storage is full; the response was not saved.', { cause: error });
        this.options.onWarning('storage-write-failed', `A response is kept in this page only until sent (${describe(error)}).`);
      }
    }
    await this.memory.put(record);
    return 'memory';
  }

  /**
   * Stores a new record with the next queue number, unless its id is already stored (then the
   * stored value comes back). A full disk throws `storage-full`, as `put` does.
   */
  async append(create: (sequence: number) => OutboxRecord): Promise<{ added: boolean; stored: unknown; kind: StorageKind }> {
    const existing = await this.get(create(0).id);
    if (existing !== undefined) return { added: false, stored: existing, kind: this.kind === 'opening' ? 'memory' : this.kind };
    let sequence: number;
    try {
      sequence = await (this.durable ?? this.memory).nextSequence();
    } catch (error) {
      if (isQuotaError(error)) throw new OutboxError('storage-full', 'The device storage is full; the response was not saved.', { cause: error });
      sequence = await this.memory.nextSequence();
    }
    const record = create(sequence);
    return { added: true, stored: record, kind: await this.put(record) };
  }

  /** Everything stored; memory copies win (they are newer while records move over). */
  async entries(): Promise<Array<[string, unknown]>> {
    await this.ready;
    const all = new Map<string, unknown>();
    if (this.durable) {
      try {
        for (const [key, value] of await this.durable.entries()) all.set(String(key), value);
      } catch (error) {
        console.warn('encounter-survey outbox: could not read IndexedDB', error);
      }
    }
    for (const [key, value] of await this.memory.entries()) all.set(key, value);
    return [...all];
  }

  async get(id: string): Promise<unknown> {
    await this.ready;
    return (await this.memory.get(id)) ?? (await this.durable?.get(id));
  }

  async delete(id: string): Promise<void> {
    await this.ready;
    await this.memory.delete(id);
    await this.durable?.delete(id);
  }

  async update(id: string, change: (stored: unknown) => unknown): Promise<void> {
    await this.ready;
    if (this.memory.size() > 0 && (await this.memory.get(id)) !== undefined) return this.memory.update(id, change);
    return (this.durable ?? this.memory).update(id, change);
  }

  close() {
    this.closed = true;
    this.durable?.close?.();
    this.durable = null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

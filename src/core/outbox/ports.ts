/** What the outbox needs from storage and the network; adapters live in src/storage and src/transport. */
import type { TransportOutcome } from './classify.js';
import type { OutboxRecord } from './record.js';

export type StorageKind = 'indexeddb' | 'memory';

export interface RecordStore {
  readonly kind: StorageKind;
  /** Every stored value with its key, unparsed: a corrupt value must still be exportable. */
  entries(): Promise<Array<[string, unknown]>>;
  get(id: string): Promise<unknown>;
  put(record: OutboxRecord): Promise<void>;
  delete(id: string): Promise<void>;
  /** Read-modify-write in one transaction (the lease for browsers without Web Locks). */
  update(id: string, change: (stored: unknown) => unknown): Promise<void>;
  /**
   * Stores a new record numbered one above the highest sequence stored, counted inside the same
   * transaction, so two tabs never share a number. If the id is already stored, nothing is written
   * and the stored value comes back.
   */
  append(create: (sequence: number) => OutboxRecord): Promise<{ added: true; record: OutboxRecord } | { added: false; stored: unknown }>;
  /** The highest sequence stored (0 for an empty store). */
  highestSequence(): Promise<number>;
}

export interface SendRequest {
  endpoint: string;
  id: string;
  body: BodyLike;
  headers: Record<string, string>;
  timeoutMs: number;
  keepalive: boolean;
  signal?: AbortSignal | undefined;
}

/** The request body after `transform`: a string (sent as is) or JSON text. */
export type BodyLike = { text: string; contentType: string };

export type Transport = (request: SendRequest) => Promise<TransportOutcome>;

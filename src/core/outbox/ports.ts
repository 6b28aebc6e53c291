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
   * The next queue number: one above the highest handed out or stored, counted and recorded in one
   * transaction, so two tabs never get the same number. A number whose record is never written is
   * simply skipped.
   */
  nextSequence(): Promise<number>;
}

/** One request as a profile built it (core/delivery/profile.ts), with the endpoint's deadline. */
export interface SendRequest {
  endpoint: string;
  body: BodyLike;
  /** Every header to send besides `Content-Type` (the body's); the profile decided them. */
  headers: Record<string, string>;
  mode: 'cors' | 'no-cors';
  redirect: 'manual' | 'follow';
  timeoutMs: number;
  keepalive: boolean;
  signal?: AbortSignal | undefined;
}

/** The request body as a profile encoded it. */
export type BodyLike = { text: string; contentType: string };

export type Transport = (request: SendRequest) => Promise<TransportOutcome>;

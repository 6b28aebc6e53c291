/** The outbox's public contract. */
import type { OutboxSubmission, RejectedRecord } from '../core/outbox/record.js';
import type { OutboxExport } from '../core/outbox/transfer.js';

export type { OutboxSubmission, RejectedRecord, OutboxExport };

export interface OutboxOptions {
  /** Default endpoint for `submit()`. https, or http on localhost / 127.0.0.1. */
  endpoint?: string;
  /** IndexedDB database (one store in it); default 'encounter-survey-outbox-v1'. */
  databaseName?: string;
  /** Per request; default 15000. */
  timeoutMs?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Body for other endpoints: an object is sent as JSON, a string as text/plain. */
  transform?: (submission: OutboxSubmission) => unknown;
  /** Ask `navigator.storage.persist()` (kiosks should). */
  persist?: boolean;
  /** Backoff with full jitter; default 2000 / 300000 ms. */
  retry?: { baseMs?: number; capMs?: number };
  /** A 'stale' event when the oldest pending record is older than this; default 72 h. */
  staleAfterMs?: number;
  now?: () => number;
  random?: () => number;
}

export interface SubmitReceipt {
  id: string;
  storage: 'indexeddb' | 'memory';
  pending: number;
}

export interface EndpointProblemStatus {
  endpoint: string;
  status: number | null;
  code: string;
}

export interface OutboxStatus {
  pending: number;
  rejected: number;
  oldestPendingAt: number | null;
  lastDeliveredAt: number | null;
  /** Kebab code: 'network-error', 'timeout', 'server-error', 'rate-limited', 'endpoint-error', 'endpoint-unreachable'. */
  lastError: string | null;
  storage: 'indexeddb' | 'memory' | 'opening';
  persisted: boolean | null;
  endpointErrors: EndpointProblemStatus[];
}

export type OutboxEvent =
  | { type: 'queued'; id: string; pending: number }
  | { type: 'delivered'; id: string; status: number }
  | { type: 'rejected'; id: string; status: number; reason: string }
  | { type: 'status'; status: OutboxStatus }
  | { type: 'storage-warning'; code: string; message: string }
  | { type: 'endpoint-error'; endpoint: string; status: number | null; code: string }
  | { type: 'stale'; oldestPendingAt: number };

export interface Outbox {
  /** Settles once storage is decided: IndexedDB, or the in-memory fallback. */
  readonly ready: Promise<void>;
  /** Resolves only once the response is stored; rejects with an `OutboxError` otherwise. */
  submit(submission: OutboxSubmission, options?: { endpoint?: string; keepalive?: boolean }): Promise<SubmitReceipt>;
  /** Sends what is due now; `ignoreBackoff` tries every queue at once (a person pressed "Send now"). */
  flush(options?: { ignoreBackoff?: boolean }): Promise<void>;
  status(): OutboxStatus;
  rejected(): Promise<RejectedRecord[]>;
  retryRejected(id?: string): Promise<void>;
  discardRejected(id: string): Promise<void>;
  exportAll(): Promise<OutboxExport>;
  importAll(data: unknown): Promise<{ imported: number; skipped: number }>;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  close(): void;
}

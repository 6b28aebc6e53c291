/** The outbox's public contract. */
import type { OutboxSubmission, RejectedRecord } from '../core/outbox/record.js';
import type { OutboxExport } from '../core/outbox/transfer.js';
import type { FieldMap } from '../core/delivery/fields.js';
import type { ProfileName } from '../core/delivery/profile.js';

export type { OutboxSubmission, RejectedRecord, OutboxExport };

/**
 * How one endpoint is delivered to. Held in this page's memory only, never written to IndexedDB,
 * and used only for requests to that endpoint (compared as normalised URLs).
 */
export interface EndpointOptions {
  /**
   * How a response becomes a request and an answer an outcome (README "Receivers"): 'json' (default),
   * 'simple', 'form', 'postgrest', 'no-cors'. 'simple', 'form' and 'no-cors' take no `headers`.
   */
  profile?: ProfileName | undefined;
  /** Column names for the receiver, e.g. `{ id: 'response_id', 'answers.q1': 'support' }` (README "delivery.fields"). */
  fields?: FieldMap | null | undefined;
  /** Hosts a followed redirect ('simple', 'form') may end on; any other counts as sent, unverified. */
  redirectHosts?: string[] | undefined;
  /**
   * Extra request headers (e.g. an API key). Refused with an `OutboxError` ('invalid-delivery-options'):
   * headers the transport sets itself (`Idempotency-Key`, `Content-Type`, `Altcha`) and headers
   * browsers forbid a page to set (`Cookie`, `Origin`, `Sec-*`, …), in any letter case.
   */
  headers?: Record<string, string>;
  /** Per request, 1–120000 ms; default 15000. */
  timeoutMs?: number;
  /**
   * ALTCHA proof of work: right before each attempt, GET a fresh challenge from `challengeUrl`
   * (https, or http on localhost; no cookies, no referrer), solve it with WebCrypto and send the
   * solution as the `Altcha` header. The receiver answers 428 when it is missing or invalid; that
   * is retried with a new challenge. Responses still queue offline: nothing is solved at submit.
   */
  proofOfWork?: { challengeUrl: string } | null;
}

export interface OutboxOptions {
  /**
   * Default endpoint for `submit()`. https, or http on localhost / 127.0.0.1. `headers`,
   * `timeoutMs` and `proofOfWork` below apply to this endpoint only (as `configureEndpoint()`).
   */
  endpoint?: string;
  /** IndexedDB database (one store in it); default 'encounter-survey-outbox-v1'. */
  databaseName?: string;
  /** Per request to `endpoint`; default 15000 (also for endpoints nobody configured). */
  timeoutMs?: number;
  /** Extra request headers for `endpoint` only; see `EndpointOptions.headers`. */
  headers?: Record<string, string>;
  /** Proof of work for `endpoint`; see `EndpointOptions.proofOfWork`. */
  proofOfWork?: { challengeUrl: string } | null;
  /** Profile, fields and redirect hosts for `endpoint`; see `EndpointOptions`. */
  profile?: EndpointOptions['profile'];
  fields?: EndpointOptions['fields'];
  redirectHosts?: EndpointOptions['redirectHosts'];
  /** The body, for callers in JavaScript (wins over `fields`): an object is sent as the profile encodes it, a string as is. */
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
  /** Queue time of the oldest pending response, no finer than its survey's time bucket (else the day). */
  oldestPendingAt: number | null;
  lastDeliveredAt: number | null;
  /** false when the last delivery was sent but not confirmed (a `no-cors` receiver's opaque answer). */
  lastDeliveryVerified: boolean | null;
  /** Kebab code: 'network-error', 'timeout', 'server-error', 'rate-limited', 'proof-of-work', 'endpoint-error', 'endpoint-unreachable'. */
  lastError: string | null;
  storage: 'indexeddb' | 'memory' | 'opening';
  persisted: boolean | null;
  endpointErrors: EndpointProblemStatus[];
}

export type OutboxEvent =
  | { type: 'queued'; id: string; pending: number }
  /** `verified` false: sent, but the answer could not be read (no-cors) or came from a host not allowed. */
  | { type: 'delivered'; id: string; status: number; verified: boolean }
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
  /**
   * Registers how `endpoint` is delivered to (headers, timeout, proof of work), replacing what was
   * registered for it before; other endpoints never see these options. A survey element calls this
   * when its config loads. If the endpoint was paused by an endpoint error in this page, the new
   * options may have fixed it: it is tried again now. Throws an `OutboxError` for an unsafe
   * endpoint ('endpoint-insecure', 'endpoint-missing') or bad options ('invalid-delivery-options').
   * Returns the normalised endpoint URL.
   */
  configureEndpoint(endpoint: string, options: EndpointOptions): string;
  status(): OutboxStatus;
  rejected(): Promise<RejectedRecord[]>;
  retryRejected(id?: string): Promise<void>;
  discardRejected(id: string): Promise<void>;
  exportAll(): Promise<OutboxExport>;
  importAll(data: unknown): Promise<{ imported: number; skipped: number }>;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  close(): void;
}

/**
 * The outbox's stored record: plain, versioned data (after Workbox background-sync). Nothing in it
 * is more exact than what is sent: its time is the submission's own bucketed `submittedAt`, its
 * order a sequence number, and its retry schedule lives in memory. Older versions are upgraded in
 * memory on read; the database is never deleted to upgrade.
 */
export const RECORD_SCHEMA_VERSION = 2;

const DAY_MS = 86_400_000;

export interface OutboxSubmission {
  id: string;
  [key: string]: unknown;
}

export type RecordState = 'pending' | 'rejected';

export interface OutboxRecord {
  schemaVersion: typeof RECORD_SCHEMA_VERSION;
  id: string;
  submission: OutboxSubmission;
  /** The endpoint this response was submitted for (normalised URL); a later config change does not move it. */
  endpoint: string;
  state: RecordState;
  /** When it was queued, no finer than the submission's `submittedAt` bucket (else the UTC day). */
  createdAt: number;
  /** Queue order: one more than the highest stored when it was written, across tabs and reloads. */
  sequence: number;
  /** Failed attempts since the endpoint last showed it works (for staff and exports, not timing). */
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
  /** Short reason from the receiver when rejected. */
  reason: string | null;
  /** Lease for browsers without Web Locks, present only while a request is in flight. */
  leaseOwner?: string;
  leaseUntil?: number;
}

export type RejectedRecord = OutboxRecord & { state: 'rejected' };

/** `legacy`: written by an older version; its order and time still need re-deriving (see `upgradeLegacy`). */
export type ParsedRecord = { ok: true; record: OutboxRecord; legacy?: { order: [number, number] } } | { ok: false; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isSubmission(value: unknown): value is OutboxSubmission {
  return isObject(value) && typeof value['id'] === 'string' && value['id'].length > 0 && value['id'].length <= 200;
}

/** The queue time a record may keep: the submission's own (already bucketed) `submittedAt`, else `now` floored to the UTC day. */
export function queueTime(submission: OutboxSubmission, now: number): number {
  const stated = typeof submission['submittedAt'] === 'string' ? Date.parse(submission['submittedAt']) : NaN;
  return Number.isFinite(stated) ? stated : Math.floor(now / DAY_MS) * DAY_MS;
}

export function newRecord(submission: OutboxSubmission, endpoint: string, queuedAt: number, sequence: number): OutboxRecord {
  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    id: submission.id,
    submission,
    endpoint,
    state: 'pending',
    createdAt: queuedAt,
    sequence,
    attempts: 0,
    lastError: null,
    lastStatus: null,
    reason: null,
  };
}

/** The absolute, normalised form of an endpoint, so `https://X.test/r` and `https://x.test:443/r` are one queue. */
export function normalizeEndpoint(endpoint: string): string {
  try {
    return new URL(endpoint).href;
  } catch {
    return endpoint;
  }
}

/**
 * Reads a stored value into a current record. Versions 0 (no `schemaVersion`) and 1 (exact
 * `createdAt`, per-tab `sequence`, a stored `nextAttemptAt`) are upgraded: the time is coarsened,
 * the schedule dropped, and `legacy.order` says where they stood so `upgradeLegacy` can number
 * them. A newer or broken shape is refused with a reason; the caller keeps it for export.
 */
export function parseRecord(value: unknown): ParsedRecord {
  if (!isObject(value)) return { ok: false, reason: 'not an object' };
  const version = value['schemaVersion'] ?? 0;
  if (version !== 0 && version !== 1 && version !== RECORD_SCHEMA_VERSION) return { ok: false, reason: `unknown schemaVersion ${String(version)}` };
  const { submission, endpoint, createdAt } = value;
  if (!isSubmission(submission)) return { ok: false, reason: 'submission without a string id' };
  if (value['id'] !== submission.id) return { ok: false, reason: 'id does not match the submission' };
  if (typeof endpoint !== 'string' || endpoint === '') return { ok: false, reason: 'no endpoint' };
  if (!isTime(createdAt)) return { ok: false, reason: 'no createdAt' };
  const state = value['state'] ?? 'pending';
  if (state !== 'pending' && state !== 'rejected') return { ok: false, reason: `unknown state ${String(state)}` };
  const orNull = <T>(field: string, check: (v: unknown) => v is T): T | null => (check(value[field]) ? (value[field] as T) : null);
  const sequence = isTime(value['sequence']) ? value['sequence'] : 0;
  const legacy = version !== RECORD_SCHEMA_VERSION;
  const record: OutboxRecord = {
    schemaVersion: RECORD_SCHEMA_VERSION,
    id: submission.id,
    submission,
    endpoint: normalizeEndpoint(endpoint),
    state,
    createdAt: legacy ? queueTime(submission, createdAt) : createdAt,
    sequence,
    attempts: isTime(value['attempts']) ? value['attempts'] : 0,
    lastError: orNull('lastError', (v): v is string => typeof v === 'string'),
    lastStatus: orNull('lastStatus', isTime),
    reason: orNull('reason', (v): v is string => typeof v === 'string'),
  };
  if (typeof value['leaseOwner'] === 'string' && isTime(value['leaseUntil'])) {
    record.leaseOwner = value['leaseOwner'];
    record.leaseUntil = value['leaseUntil'];
  }
  return legacy ? { ok: true, record, legacy: { order: [createdAt, sequence] } } : { ok: true, record };
}

/**
 * Numbers records written by an older version after `highestSequence`, in the order they were
 * queued then (old time, then old per-tab sequence, then id), so they go out first and in order.
 */
export function upgradeLegacy(legacy: Array<{ record: OutboxRecord; order: [number, number] }>, highestSequence: number): OutboxRecord[] {
  const sorted = [...legacy].sort(
    (a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
  );
  return sorted.map(({ record }, index) => ({ ...record, sequence: highestSequence + index + 1 }));
}

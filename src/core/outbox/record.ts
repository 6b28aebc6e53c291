/**
 * The outbox's stored record: plain, timestamped, versioned data (after Workbox background-sync).
 * Older versions are upgraded in memory on read; the database is never deleted to upgrade.
 */
export const RECORD_SCHEMA_VERSION = 1;

export interface OutboxSubmission {
  id: string;
  [key: string]: unknown;
}

export type RecordState = 'pending' | 'rejected';

export interface OutboxRecord {
  schemaVersion: typeof RECORD_SCHEMA_VERSION;
  id: string;
  submission: OutboxSubmission;
  /** The endpoint this response was submitted for; a later config change does not move it. */
  endpoint: string;
  state: RecordState;
  createdAt: number;
  /** Tie-break for records created in the same millisecond, so submission order survives. */
  sequence: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  lastStatus: number | null;
  /** Short reason from the receiver when rejected. */
  reason: string | null;
  /** Lease for browsers without Web Locks: who is sending it and until when. */
  leaseOwner?: string;
  leaseUntil?: number;
}

export type RejectedRecord = OutboxRecord & { state: 'rejected' };

export type ParsedRecord = { ok: true; record: OutboxRecord } | { ok: false; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isSubmission(value: unknown): value is OutboxSubmission {
  return isObject(value) && typeof value['id'] === 'string' && value['id'].length > 0 && value['id'].length <= 200;
}

export function newRecord(submission: OutboxSubmission, endpoint: string, now: number, sequence: number): OutboxRecord {
  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    id: submission.id,
    submission,
    endpoint,
    state: 'pending',
    createdAt: now,
    sequence,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    lastStatus: null,
    reason: null,
  };
}

/**
 * Reads a stored value into a current record. Version 0 (no `schemaVersion`: only id, submission,
 * endpoint, createdAt) gets defaults for the fields added since; a newer or broken shape is refused
 * with a reason, and the caller keeps it for export.
 */
export function parseRecord(value: unknown): ParsedRecord {
  if (!isObject(value)) return { ok: false, reason: 'not an object' };
  const version = value['schemaVersion'] ?? 0;
  if (version !== 0 && version !== RECORD_SCHEMA_VERSION) return { ok: false, reason: `unknown schemaVersion ${String(version)}` };
  const { submission, endpoint, createdAt } = value;
  if (!isSubmission(submission)) return { ok: false, reason: 'submission without a string id' };
  if (value['id'] !== submission.id) return { ok: false, reason: 'id does not match the submission' };
  if (typeof endpoint !== 'string' || endpoint === '') return { ok: false, reason: 'no endpoint' };
  if (!isTime(createdAt)) return { ok: false, reason: 'no createdAt' };
  const state = value['state'] ?? 'pending';
  if (state !== 'pending' && state !== 'rejected') return { ok: false, reason: `unknown state ${String(state)}` };
  const orNull = <T>(field: string, check: (v: unknown) => v is T): T | null => (check(value[field]) ? (value[field] as T) : null);
  const record: OutboxRecord = {
    schemaVersion: RECORD_SCHEMA_VERSION,
    id: submission.id,
    submission,
    endpoint,
    state,
    createdAt,
    sequence: isTime(value['sequence']) ? value['sequence'] : 0,
    attempts: isTime(value['attempts']) ? value['attempts'] : 0,
    nextAttemptAt: isTime(value['nextAttemptAt']) ? value['nextAttemptAt'] : createdAt,
    lastError: orNull('lastError', (v): v is string => typeof v === 'string'),
    lastStatus: orNull('lastStatus', isTime),
    reason: orNull('reason', (v): v is string => typeof v === 'string'),
  };
  if (typeof value['leaseOwner'] === 'string' && isTime(value['leaseUntil'])) {
    record.leaseOwner = value['leaseOwner'];
    record.leaseUntil = value['leaseUntil'];
  }
  return { ok: true, record };
}

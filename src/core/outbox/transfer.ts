/** The export file staff save from a kiosk and re-import elsewhere: plain JSON, versioned. */
import { parseRecord, type OutboxRecord } from './record.js';

export const EXPORT_FORMAT = 'encounter-survey-outbox';

export interface OutboxExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  pending: OutboxRecord[];
  rejected: OutboxRecord[];
  /** Stored values we could not read, exported untouched so nothing is lost. */
  unreadable: unknown[];
}

export function buildExport(records: OutboxRecord[], unreadable: unknown[], now: number): OutboxExport {
  // A lease (browsers without Web Locks) is a moment in time and means nothing elsewhere.
  records = records.map(({ leaseOwner: _owner, leaseUntil: _until, ...record }) => record);
  return {
    format: EXPORT_FORMAT,
    version: 1,
    // The day only: an export carries no time finer than the records' own buckets.
    exportedAt: new Date(Math.floor(now / 86_400_000) * 86_400_000).toISOString(),
    pending: records.filter((r) => r.state === 'pending'),
    rejected: records.filter((r) => r.state === 'rejected'),
    unreadable,
  };
}

/** Records in an export, validated; anything else is counted as skipped. Throws if it is not an export. */
export function readExport(data: unknown): { records: OutboxRecord[]; skipped: number } {
  const value = typeof data === 'string' ? (JSON.parse(data) as unknown) : data;
  if (typeof value !== 'object' || value === null) throw new TypeError('not an outbox export');
  const { format, version, pending, rejected } = value as Record<string, unknown>;
  if (format !== EXPORT_FORMAT || version !== 1) throw new TypeError('not an outbox export (format/version)');
  const records: OutboxRecord[] = [];
  let skipped = 0;
  for (const item of [...(Array.isArray(pending) ? pending : []), ...(Array.isArray(rejected) ? rejected : [])]) {
    const parsed = parseRecord(item);
    if (parsed.ok) records.push(parsed.record);
    else skipped++;
  }
  return { records, skipped };
}

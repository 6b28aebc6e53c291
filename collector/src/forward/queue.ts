import type { Database } from '../db/database.js';
import type { ForwardedResponse } from './payload.js';

/**
 * The transactional outbox's SQL, for both engines. Delivery rows are written by the same
 * statement that stores the response (insert-batch.ts), so a response is stored with its
 * deliveries or not at all. A row keeps no arrival time: a new one is due at `-infinity` ("at
 * once"), and timestamps appear only while it is failing (the next try, the first failure), and
 * are cleared once it is delivered or dead-lettered.
 *
 * Claiming takes due rows with `FOR UPDATE SKIP LOCKED` (instances never wait on each other's rows)
 * and leases them in the same statement: `lease_until` and a random `lease_token`. Another instance
 * takes a row only after its lease expired (its instance died); the lease is longer than the
 * request's deadline, so a live instance is never still sending when it does, and a settlement
 * counts only with the token of the claim that made it.
 */
export interface Claimed extends ForwardedResponse {
  destination: string;
  attempts: number;
  firstFailedAt: Date | null;
  token: string;
}

export interface Settled {
  id: string;
  token: string;
  state: 'waiting' | 'delivered' | 'failed';
  dueAt: Date | null;
  status: number | null;
  error: string | null;
}

export interface DestinationCounts {
  destination: string;
  delivered: number;
  waiting: number;
  failed: number;
  lastError: { status: number | null; error: string; at: string } | null;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const FREE = `(lease_until IS NULL OR lease_until <= $2::timestamptz)`;

const CLAIM = `
WITH due AS (
  SELECT id FROM deliveries
  WHERE state = 'waiting' AND destination = ANY($1::text[]) AND due_at <= $2::timestamptz AND ${FREE}
  ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED
), claimed AS (
  UPDATE deliveries d SET lease_until = $4::timestamptz, lease_token = $5::uuid, attempts = d.attempts + 1
  FROM due WHERE d.id = due.id
  RETURNING d.id, d.response_id, d.destination, d.attempts, d.first_failed_at
)
SELECT c.id::text AS "deliveryId", c.response_id::text AS "responseId", c.destination, c.attempts,
  ${ISO('c.first_failed_at')} AS "firstFailedAt", r.survey_id AS "surveyId", r.survey_version AS "surveyVersion",
  ${ISO('r.submitted_at')} AS "submittedAt", r.locale, r.answers, r.tags
FROM claimed c JOIN responses r ON r.id = c.response_id`;

// The gate row makes "one message per destination per N minutes" hold across instances: only the
// statement that moves next_message_at forward claims the waiting rows.
const CLAIM_CHAT = `
WITH gate AS (
  UPDATE forward_destinations SET next_message_at = $3::timestamptz
  WHERE name = $1 AND next_message_at <= $2::timestamptz AND EXISTS (
    SELECT 1 FROM deliveries WHERE destination = $1 AND state = 'waiting' AND due_at <= $2::timestamptz AND ${FREE})
  RETURNING name
)
UPDATE deliveries d SET lease_until = $4::timestamptz, lease_token = $5::uuid, attempts = d.attempts + 1
FROM gate
WHERE d.destination = gate.name AND d.state = 'waiting' AND d.due_at <= $2::timestamptz
  AND (d.lease_until IS NULL OR d.lease_until <= $2::timestamptz)
RETURNING d.id::text AS id, d.attempts, ${ISO('d.first_failed_at')} AS "firstFailedAt"`;

const SETTLE = `
UPDATE deliveries d SET state = s.state, due_at = coalesce(s.due_at, '-infinity'), lease_until = NULL, lease_token = NULL,
  first_failed_at = CASE WHEN s.state = 'waiting' THEN coalesce(d.first_failed_at, $2::timestamptz) END,
  last_status = s.status, last_error = s.error
FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, token uuid, state text, due_at timestamptz, status int, error text)
WHERE d.id = s.id AND d.lease_token = s.token`;

export class DeliveryQueue {
  constructor(readonly db: Database) {}

  /** A gate and last-error row per configured destination. */
  async ensure(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.db.query('INSERT INTO forward_destinations (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING', [names]);
  }

  async claim(names: readonly string[], options: { now: Date; leaseUntil: Date; token: string; limit: number }): Promise<Claimed[]> {
    const rows = await this.db.query<Omit<Claimed, 'token' | 'firstFailedAt'> & { firstFailedAt: string | null }>(
      CLAIM,
      [names, options.now.toISOString(), options.limit, options.leaseUntil.toISOString(), options.token],
      'forward-claim',
    );
    return rows.map((row) => ({ ...row, firstFailedAt: row.firstFailedAt ? new Date(row.firstFailedAt) : null, token: options.token }));
  }

  /** Every due row of a chat destination, if its next message is due; otherwise none. */
  async claimChat(
    name: string,
    options: { now: Date; nextMessageAt: Date; leaseUntil: Date; token: string },
  ): Promise<Array<{ id: string; attempts: number; firstFailedAt: Date | null }>> {
    const rows = await this.db.query<{ id: string; attempts: number; firstFailedAt: string | null }>(CLAIM_CHAT, [
      name,
      options.now.toISOString(),
      options.nextMessageAt.toISOString(),
      options.leaseUntil.toISOString(),
      options.token,
    ]);
    return rows.map((row) => ({ ...row, firstFailedAt: row.firstFailedAt ? new Date(row.firstFailedAt) : null }));
  }

  /** A chat message that failed: the next one may go when its rows are due again. */
  async reopenChat(name: string, at: Date): Promise<void> {
    await this.db.query('UPDATE forward_destinations SET next_message_at = $2::timestamptz WHERE name = $1', [name, at.toISOString()]);
  }

  /** Applies many attempts' outcomes in one statement; a row whose lease was taken over is left alone. */
  async settle(items: readonly Settled[], now: Date, errors: ReadonlyMap<string, { status: number | null; error: string }>): Promise<void> {
    const json = items.map((item) => ({ ...item, due_at: item.dueAt?.toISOString() ?? null, dueAt: undefined }));
    await this.db.query(SETTLE, [JSON.stringify(json), now.toISOString()], 'forward-settle');
    for (const [name, { status, error }] of errors) {
      await this.db.query(
        'UPDATE forward_destinations SET last_status = $2, last_error = $3, last_error_at = $4::timestamptz WHERE name = $1',
        [name, status, error, now.toISOString()],
      );
    }
  }

  async counts(): Promise<DestinationCounts[]> {
    const rows = await this.db.query<{ destination: string; delivered: number; waiting: number; failed: number; status: number | null; error: string | null; at: string | null }>(
      `SELECT f.name AS destination,
         count(d.id) FILTER (WHERE d.state = 'delivered')::int AS delivered,
         count(d.id) FILTER (WHERE d.state = 'waiting')::int AS waiting,
         count(d.id) FILTER (WHERE d.state = 'failed')::int AS failed,
         f.last_status AS status, f.last_error AS error, ${ISO('f.last_error_at')} AS at
       FROM forward_destinations f LEFT JOIN deliveries d ON d.destination = f.name
       GROUP BY f.name, f.last_status, f.last_error, f.last_error_at ORDER BY f.name`,
    );
    return rows.map(({ status, error, at, ...row }) => ({ ...row, lastError: error === null ? null : { status, error, at: at! } }));
  }

  /** The dead-lettered deliveries of a destination, for staff to see which responses failed. */
  async failed(name: string, limit = 50): Promise<Array<{ id: string; responseId: string; attempts: number; status: number | null; error: string | null }>> {
    return this.db.query(
      `SELECT id::text AS id, response_id::text AS "responseId", attempts, last_status AS status, last_error AS error
       FROM deliveries WHERE destination = $1 AND state = 'failed' ORDER BY id LIMIT $2`,
      [name, limit],
    );
  }

  /** "Send again": failed deliveries are due at once, with fresh attempts and the same webhook-id. */
  async resend(name: string, ids?: readonly string[]): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `WITH again AS (
         UPDATE deliveries SET state = 'waiting', attempts = 0, due_at = '-infinity', first_failed_at = NULL
         WHERE destination = $1 AND state = 'failed' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING 1)
       SELECT count(*)::int AS n FROM again`,
      [name, ids ?? null],
    );
    return row!.n;
  }
}

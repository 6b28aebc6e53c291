import { KEY_RANGE } from 'encounter-survey/core';
import type { Database } from './db/database.js';

/**
 * Inserts responses in batches: requests that arrive while earlier statements are running go
 * together in the next statement, so under load one commit (one WAL flush) serves many responses,
 * and under light load a response is written at once, alone. Each batch is one statement: the rows
 * (`ON CONFLICT (id) DO NOTHING`) and the count increments for the rows actually inserted, grouped
 * per count row, and the onward delivery rows (forward/queue.ts: the transactional outbox) of the rows
 * actually inserted. It commits or fails whole; a response is acknowledged only after its batch commits.
 *
 * Two requests with the same id never share a batch (the second waits for the next), so "stored"
 * and "duplicate" are told apart exactly. Rows are inserted in id order and count rows are locked
 * in one global order (tables in statement order, rows sorted), so concurrent batches that share
 * ids or counts wait for each other instead of deadlocking.
 */
export type InsertOutcome = 'stored' | 'duplicate';

export interface ResponseRow {
  id: string;
  survey_id: string;
  survey_version: string;
  received_day: string;
  submitted_at: string;
  locale: string;
  answers: unknown;
  tags: Record<string, string>;
  /** 0–15, from the random id: spreads increments of one count over 16 rows so writers do not queue on one. */
  slot: number;
  /** Drawn at random once, here; its sums beside the counts decide the summaries' rounding (cell keys). */
  record_key: number;
  /** The questions this response answered, and each (question, value) chosen: what it adds to the counts. */
  questions: string[];
  cells: Array<[question: string, value: string]>;
  /** Onward destinations (forward/): a delivery row each, written by the same statement. */
  destinations?: readonly string[];
}

const GROUP = 'survey_id, survey_version, received_day, locale, tags';
/** Record keys and their sums live in [0, KEY_RANGE) (src/core/summary/cell-key.ts). */
const KEYS = KEY_RANGE;

const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
    id uuid, survey_id text, survey_version text, received_day date, submitted_at timestamptz,
    locale text, answers jsonb, tags jsonb, slot smallint, record_key bigint)
), stored AS (
  INSERT INTO responses (id, ${GROUP}, submitted_at, answers, record_key)
  SELECT id, ${GROUP}, submitted_at, answers, record_key FROM input ORDER BY id
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), counted AS (
  SELECT input.* FROM input JOIN stored USING (id)
), totals AS (
  INSERT INTO response_totals AS t (${GROUP}, slot, responses, key_sum)
  SELECT ${GROUP}, slot, count(*), sum(record_key) % ${KEYS} FROM counted
  GROUP BY ${GROUP}, slot ORDER BY ${GROUP}, slot
  ON CONFLICT (${GROUP}, slot) DO UPDATE SET responses = t.responses + excluded.responses, key_sum = (t.key_sum + excluded.key_sum) % ${KEYS}
), answered AS (
  INSERT INTO question_totals AS q (${GROUP}, question, slot, responses, key_sum)
  SELECT ${GROUP}, a.question, slot, count(*), sum(record_key) % ${KEYS}
  FROM counted JOIN jsonb_to_recordset($2::jsonb) AS a(id uuid, question text) USING (id)
  GROUP BY ${GROUP}, a.question, slot ORDER BY ${GROUP}, a.question, slot
  ON CONFLICT (${GROUP}, question, slot) DO UPDATE SET responses = q.responses + excluded.responses, key_sum = (q.key_sum + excluded.key_sum) % ${KEYS}
), chosen AS (
  INSERT INTO answer_counts AS c (${GROUP}, question, value, slot, responses, key_sum)
  SELECT ${GROUP}, v.question, v.value, slot, count(*), sum(record_key) % ${KEYS}
  FROM counted JOIN jsonb_to_recordset($3::jsonb) AS v(id uuid, question text, value text) USING (id)
  GROUP BY ${GROUP}, v.question, v.value, slot ORDER BY ${GROUP}, v.question, v.value, slot
  ON CONFLICT (${GROUP}, question, value, slot) DO UPDATE SET responses = c.responses + excluded.responses, key_sum = (c.key_sum + excluded.key_sum) % ${KEYS}
), queued AS (
  INSERT INTO deliveries (id, response_id, destination)
  SELECT gen_random_uuid(), f.id, f.destination
  FROM jsonb_to_recordset($4::jsonb) AS f(id uuid, destination text) JOIN stored USING (id)
)
SELECT id::text AS id FROM stored`;

interface Pending {
  row: ResponseRow;
  resolve(outcome: InsertOutcome): void;
  reject(error: unknown): void;
}

export class InsertBatcher {
  readonly #db: Database;
  readonly #maxInFlight: number;
  readonly #maxBatch: number;
  #queue: Pending[] = [];
  #inFlight = 0;

  /** `maxInFlight` statements at once (leave pool connections for summaries and exports). */
  constructor(db: Database, { maxInFlight = 4, maxBatch = 200 } = {}) {
    this.#db = db;
    this.#maxInFlight = maxInFlight;
    this.#maxBatch = maxBatch;
  }

  insert(row: ResponseRow): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const batch: Pending[] = [];
      const ids = new Set<string>();
      const later: Pending[] = [];
      for (const pending of this.#queue) {
        if (batch.length < this.#maxBatch && !ids.has(pending.row.id)) {
          ids.add(pending.row.id);
          batch.push(pending);
        } else later.push(pending);
      }
      this.#queue = later;
      this.#inFlight += 1;
      void this.#run(batch).finally(() => {
        this.#inFlight -= 1;
        this.#pump();
      });
    }
  }

  async #run(batch: Pending[]): Promise<void> {
    const rows = batch.map(({ row }) => row);
    try {
      const result = await this.#db.query<{ id: string }>(
        INSERT_BATCH,
        [
          JSON.stringify(rows.map(({ questions: _q, cells: _c, destinations: _d, ...row }) => row)),
          JSON.stringify(rows.flatMap((row) => row.questions.map((question) => ({ id: row.id, question })))),
          JSON.stringify(rows.flatMap((row) => row.cells.map(([question, value]) => ({ id: row.id, question, value })))),
          JSON.stringify(rows.flatMap((row) => (row.destinations ?? []).map((destination) => ({ id: row.id, destination })))),
        ],
        'insert-responses',
      );
      const stored = new Set(result.map((row) => row.id));
      for (const { row, resolve } of batch) resolve(stored.has(row.id) ? 'stored' : 'duplicate');
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }
}

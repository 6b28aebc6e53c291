import { randomInt } from 'node:crypto';
import { KEY_RANGE, type Submission } from 'encounter-survey/core';
import type { Database } from './db/database.js';
import { InsertBatcher, type InsertOutcome } from './insert-batch.js';

/**
 * Every SQL statement that touches responses, for both engines. A response is inserted (a repeat
 * id does nothing) together with its count increments in one statement (see insert-batch.ts), so
 * counts never disagree with rows and nothing is acknowledged before it commits.
 */
export type { InsertOutcome };

/** What a response adds to the counts: the questions it answered and each (question, value) chosen. */
export interface CountedAnswers {
  questions: string[];
  cells: Array<[question: string, value: string]>;
}

export interface StoredResponse {
  id: string;
  version: string;
  submittedAt: string;
  locale: string;
  answers: Submission['answers'];
  tags: Submission['tags'];
}

/** Which responses a count covers (issue #12 builds closed periods and its filters on these). */
export interface CountFilter {
  surveyId: string;
  version?: string;
  /** Received on or after this UTC day (`YYYY-MM-DD`). */
  receivedFrom?: string;
  /** Received before this UTC day. */
  receivedBefore?: string;
  /** Any of these locales. */
  locales?: string[];
  /** Responses carrying at least these tags (`{ site: "north" }`). */
  tags?: Record<string, string>;
}

/** Counts, each with its cell key: the sum of its responses' record keys modulo KEY_RANGE. */
export interface RawCounts {
  total: number;
  totalKey: number;
  answered: Map<string, { count: number; key: number }>;
  cells: Array<{ question: string; value: string; count: number; key: number }>;
}

/** A count and its cell key, summed over count rows (sum(bigint) is numeric: no overflow). */
const COUNT_AND_KEY = `coalesce(sum(responses), 0)::int AS count, (coalesce(sum(key_sum), 0) % ${KEY_RANGE})::int AS key`;

const ISO_TIME = `to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Onward delivery (forward/): which destinations a survey's responses go to; told when rows were queued. */
export interface StoreForwarding {
  destinationsFor(surveyId: string): readonly string[];
  queued(): void;
}

export class ResponseStore {
  readonly #batcher: InsertBatcher;
  /** Set by startCollector once the forwarding worker exists. */
  forwarding: StoreForwarding | null = null;

  constructor(readonly db: Database) {
    // PGlite has one connection: one statement at a time, batches grow instead. PostgreSQL: a few
    // at once, leaving pool connections for summaries and exports.
    this.#batcher = new InsertBatcher(db, { maxInFlight: db.engine === 'pglite' ? 1 : 4 });
  }

  /** Stores the response unless its id is already stored; resolves once committed. */
  async insert(submission: Submission, receivedDay: string, counted: CountedAnswers): Promise<InsertOutcome> {
    const destinations = this.forwarding?.destinationsFor(submission.survey.id) ?? [];
    const outcome = await this.#batcher.insert({
      id: submission.id,
      survey_id: submission.survey.id,
      survey_version: String(submission.survey.version),
      received_day: receivedDay,
      submitted_at: submission.submittedAt,
      locale: submission.locale,
      answers: submission.answers,
      tags: submission.tags,
      slot: Number.parseInt(submission.id[0]!, 16),
      record_key: randomInt(KEY_RANGE),
      questions: counted.questions,
      cells: counted.cells,
      destinations,
    });
    if (outcome === 'stored' && destinations.length > 0) this.forwarding?.queued();
    return outcome;
  }

  /** Summed counts for a filter: a few thousand pre-aggregated rows, whatever the number of responses. */
  async counts(filter: CountFilter): Promise<RawCounts> {
    const { where, params } = whereClause(filter);
    const [totals, answered, cells] = await Promise.all([
      this.db.query<{ count: number; key: number }>(`SELECT ${COUNT_AND_KEY} FROM response_totals WHERE ${where}`, params),
      this.db.query<{ question: string; count: number; key: number }>(
        `SELECT question, ${COUNT_AND_KEY} FROM question_totals WHERE ${where} GROUP BY question`,
        params,
      ),
      this.db.query<{ question: string; value: string; count: number; key: number }>(
        `SELECT question, value, ${COUNT_AND_KEY} FROM answer_counts WHERE ${where} GROUP BY question, value`,
        params,
      ),
    ]);
    return {
      total: totals[0]!.count,
      totalKey: totals[0]!.key,
      answered: new Map(answered.map((row) => [row.question, { count: row.count, key: row.key }])),
      cells,
    };
  }

  /** Responses per week or month (by the day they were received), for a summary's series. */
  async periodTotals(filter: CountFilter, unit: 'week' | 'month'): Promise<Map<string, { count: number; key: number }>> {
    const { where, params } = whereClause(filter);
    const rows = await this.db.query<{ start: string; count: number; key: number }>(
      `SELECT to_char(date_trunc($${params.length + 1}::text, received_day::timestamp), 'YYYY-MM-DD') AS start, ${COUNT_AND_KEY}
       FROM response_totals WHERE ${where} GROUP BY 1`,
      [...params, unit],
    );
    return new Map(rows.map((row) => [row.start, { count: row.count, key: row.key }]));
  }

  /** Responses received in a span, and their cell key, for the open period's total. */
  async total(filter: CountFilter): Promise<{ count: number; key: number }> {
    const { where, params } = whereClause(filter);
    const [row] = await this.db.query<{ count: number; key: number }>(`SELECT ${COUNT_AND_KEY} FROM response_totals WHERE ${where}`, params);
    return row!;
  }

  /**
   * One page of a survey's responses in export order: time bucket, then the random id (never
   * arrival order). Keyset pagination: each page starts after the last row of the one before, so
   * memory stays one page whatever the table holds.
   */
  async page(surveyId: string, after: { submittedAt: string; id: string } | null, limit: number): Promise<StoredResponse[]> {
    return this.db.query<StoredResponse>(
      `SELECT id::text AS id, survey_version AS version, ${ISO_TIME} AS "submittedAt", locale, answers, tags
       FROM responses
       WHERE survey_id = $1 AND (submitted_at, id) > ($2::timestamptz, $3::uuid)
       ORDER BY submitted_at, id LIMIT $4`,
      [surveyId, after?.submittedAt ?? '-infinity', after?.id ?? '00000000-0000-0000-0000-000000000000', limit],
    );
  }

  /**
   * Deletes every response received before `day`, and its counts, in one transaction. Counts are
   * kept per received day, so removing those days' rows keeps them exactly consistent.
   */
  async deleteReceivedBefore(day: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ deleted: number }>(
        'WITH gone AS (DELETE FROM responses WHERE received_day < $1::date RETURNING 1) SELECT count(*)::int AS deleted FROM gone',
        [day],
      );
      for (const table of ['response_totals', 'question_totals', 'answer_counts']) {
        await tx.query(`DELETE FROM ${table} WHERE received_day < $1::date`, [day]);
      }
      return row!.deleted;
    });
  }

  /** Fresh planner statistics for every table (see retention.ts). */
  async analyze(): Promise<void> {
    await this.db.query('ANALYZE responses, response_totals, question_totals, answer_counts');
  }
}

function whereClause(filter: CountFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.surveyId];
  const parts = ['survey_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.version !== undefined) add('survey_version = ?', filter.version);
  if (filter.receivedFrom !== undefined) add('received_day >= ?::date', filter.receivedFrom);
  if (filter.receivedBefore !== undefined) add('received_day < ?::date', filter.receivedBefore);
  if (filter.locales !== undefined) add('locale = ANY(?::text[])', filter.locales);
  if (filter.tags !== undefined) add('tags @> ?::jsonb', JSON.stringify(filter.tags));
  return { where: parts.join(' AND '), params };
}


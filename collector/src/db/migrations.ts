import type { Database } from './database.js';

/**
 * Versioned schema changes, applied at start in one transaction under a transaction-level advisory
 * lock: several instances starting at once queue on the lock, and the first applies what is
 * missing; the others then find nothing to do. A failed migration rolls back whole. Never edit a
 * migration that has shipped; add the next number.
 *
 * Hand-written rather than node-pg-migrate or postgres-migrations: those drive a `pg` client, and
 * one runner here has to serve PGlite as well; the whole runner is the function below.
 *
 * The shape serves the summaries of issue #12 as well as the export:
 * - `responses`: one row per response id (the unique key that makes delivery exactly-once). The
 *   day it was received is kept at day precision (UTC), never a finer time and never an arrival
 *   sequence, so closed periods can be reported without a late delivery changing them.
 * - `response_totals`, `question_totals`, `answer_counts`: counts per (survey, version, received
 *   day, locale, tags [, question [, value]]), updated in the same statement as the insert, so a
 *   summary sums a few thousand rows instead of reading every response. `slot` (the first hex digit
 *   of the random id) spreads concurrent increments over 16 rows so writers do not queue on one.
 */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

const GROUP = 'survey_id, survey_version, received_day, locale, tags';
const counted = `survey_id text NOT NULL, survey_version text NOT NULL, received_day date NOT NULL,
  locale text NOT NULL, tags jsonb NOT NULL`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'responses and their counts',
    sql: `
CREATE TABLE responses (
  id uuid PRIMARY KEY,
  ${counted},
  submitted_at timestamptz NOT NULL,
  answers jsonb NOT NULL
);
CREATE INDEX responses_export_order ON responses (survey_id, submitted_at, id);
CREATE INDEX responses_received_day ON responses (received_day);
CREATE TABLE response_totals (
  ${counted}, slot smallint NOT NULL, responses integer NOT NULL,
  PRIMARY KEY (survey_id, survey_version, received_day, locale, tags, slot)
);
CREATE TABLE question_totals (
  ${counted}, question text NOT NULL, slot smallint NOT NULL, responses integer NOT NULL,
  PRIMARY KEY (survey_id, survey_version, received_day, locale, tags, question, slot)
);
CREATE TABLE answer_counts (
  ${counted}, question text NOT NULL, value text NOT NULL, slot smallint NOT NULL, responses integer NOT NULL,
  PRIMARY KEY (survey_id, survey_version, received_day, locale, tags, question, value, slot)
);`,
  },
  {
    version: 2,
    name: 'staff sessions and used proof-of-work challenges',
    // Both live here, not in a process, so any instance signs a session in or out and refuses a
    // replayed solution. A session is kept as the SHA-256 of its cookie value: a copy of the
    // database holds no usable cookie.
    sql: `
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);
CREATE TABLE used_challenges (
  signature text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX used_challenges_expiry ON used_challenges (expires_at);`,
  },
  {
    version: 3,
    name: 'secrets the collector makes once',
    // The summaries' rounding key: kept with the counts it rounds, so rotating the staff token
    // re-rounds nothing already published (secrets.ts).
    sql: `
CREATE TABLE collector_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);`,
  },
  {
    version: 4,
    name: 'record keys and their sums beside the counts',
    // The cell-key method (src/core/summary/cell-key.ts): a random key per response, drawn once, and
    // beside every count the sum of its responses' keys modulo 2^31, so a summary's rounding is
    // decided by the set of responses it counts, still from the count tables alone. Existing rows get
    // a key from gen_random_uuid() (32 random bits; a volatile default is evaluated per row), and the
    // sums are rebuilt from them, the way the insert statement adds them (slot: the id's first digit).
    sql: `
ALTER TABLE responses ADD COLUMN record_key bigint NOT NULL
  DEFAULT (('x' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::bigint % 2147483648);
ALTER TABLE response_totals ADD COLUMN key_sum bigint NOT NULL DEFAULT 0;
ALTER TABLE question_totals ADD COLUMN key_sum bigint NOT NULL DEFAULT 0;
ALTER TABLE answer_counts ADD COLUMN key_sum bigint NOT NULL DEFAULT 0;
UPDATE response_totals t SET key_sum = s.key_sum FROM (
  SELECT ${GROUP}, get_byte(uuid_send(id), 0) >> 4 AS slot, sum(record_key) % 2147483648 AS key_sum
  FROM responses GROUP BY ${GROUP}, 6
) s WHERE (t.survey_id, t.survey_version, t.received_day, t.locale, t.tags, t.slot) = (s.survey_id, s.survey_version, s.received_day, s.locale, s.tags, s.slot);
UPDATE question_totals t SET key_sum = s.key_sum FROM (
  SELECT ${GROUP}, q.question, get_byte(uuid_send(id), 0) >> 4 AS slot, sum(record_key) % 2147483648 AS key_sum
  FROM responses CROSS JOIN jsonb_object_keys(answers) AS q(question) GROUP BY ${GROUP}, 6, 7
) s WHERE (t.survey_id, t.survey_version, t.received_day, t.locale, t.tags, t.question, t.slot) = (s.survey_id, s.survey_version, s.received_day, s.locale, s.tags, s.question, s.slot);
UPDATE answer_counts t SET key_sum = s.key_sum FROM (
  SELECT ${GROUP}, a.key AS question, v.value, get_byte(uuid_send(id), 0) >> 4 AS slot, sum(record_key) % 2147483648 AS key_sum
  FROM responses CROSS JOIN jsonb_each(answers) AS a
  CROSS JOIN LATERAL (SELECT jsonb_array_elements_text(a.value) WHERE jsonb_typeof(a.value) = 'array'
                      UNION ALL SELECT a.value #>> '{}' WHERE jsonb_typeof(a.value) <> 'array') AS v(value)
  GROUP BY ${GROUP}, 6, 7, 8
) s WHERE (t.survey_id, t.survey_version, t.received_day, t.locale, t.tags, t.question, t.value, t.slot) = (s.survey_id, s.survey_version, s.received_day, s.locale, s.tags, s.question, s.value, s.slot);`,
  },
  {
    version: 5,
    name: 'onward deliveries (transactional outbox)',
    // Written by the statement that stores the response (insert-batch.ts), claimed by every
    // instance's worker (forward/queue.ts). No arrival time: a new row is due at '-infinity';
    // due_at and first_failed_at hold times only while a delivery is failing. The id is the
    // webhook-id, the same on every attempt.
    sql: `
CREATE TABLE deliveries (
  id uuid PRIMARY KEY,
  response_id uuid NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  destination text NOT NULL,
  state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  due_at timestamptz NOT NULL DEFAULT '-infinity',
  first_failed_at timestamptz,
  lease_until timestamptz,
  lease_token uuid,
  last_status integer,
  last_error text,
  UNIQUE (response_id, destination)
);
CREATE INDEX deliveries_due ON deliveries (due_at) WHERE state = 'waiting';
CREATE INDEX deliveries_state ON deliveries (destination, state);
CREATE TABLE forward_destinations (
  name text PRIMARY KEY,
  next_message_at timestamptz NOT NULL DEFAULT '-infinity',
  last_status integer,
  last_error text,
  last_error_at timestamptz
);`,
  },
  {
    version: 7,
    name: 'staff sessions bound to the staff token',
    // An HMAC of the staff token that made the session (never the token): a collector started with
    // another token finds no session of the old one. Sessions made before this migration end.
    sql: `ALTER TABLE staff_sessions ADD COLUMN issued_by text NOT NULL DEFAULT '';`,
  },
];

/** Any constant shared by every instance; it names the migration lock in pg_locks. */
const MIGRATION_LOCK = 0x656e6373; // "encs"

export async function migrate(db: Database, list: readonly Migration[] = migrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL)');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    const applied: number[] = [];
    for (const migration of list) {
      if (done.has(migration.version)) continue;
      await tx.script(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

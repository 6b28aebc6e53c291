// Record keys (issue #22, the cell-key method): migration 4 gives every existing response a random
// key and rebuilds the key sums beside the counts; new responses get a key at intake and the insert
// keeps the sums in step with the counts; a summary then reads its cell keys from the count tables.
// Both engines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KEY_RANGE, type SurveySummary } from 'encounter-survey/core';
import { openDatabase, type Queryable } from '../../collector/src/db/database.js';
import { migrate, migrations } from '../../collector/src/db/migrations.js';
import { startCollector } from '../../collector/src/server.js';
import { TOKEN, engines, freshDatabase, json, post, submission, surveys, useClock } from './helpers.js';

const GROUP = 'survey_id, survey_version, received_day, locale, tags';
const SLOT = '(get_byte(uuid_send(id), 0) >> 4)';

/** The key sums kept in the count tables, against the same sums rebuilt from the responses. */
async function keySums(db: Queryable): Promise<{ kept: Record<string, number>; rebuilt: Record<string, number> }> {
  const read = async (sql: string) => Object.fromEntries((await db.query<{ name: string; k: number }>(sql)).map((row) => [row.name, Number(row.k)]));
  const kept = {
    ...(await read(`SELECT 'total' AS name, sum(key_sum) % ${KEY_RANGE} AS k FROM response_totals`)),
    ...(await read(`SELECT 'answered:' || question AS name, sum(key_sum) % ${KEY_RANGE} AS k FROM question_totals GROUP BY question`)),
    ...(await read(`SELECT 'cell:' || question || ':' || value AS name, sum(key_sum) % ${KEY_RANGE} AS k FROM answer_counts GROUP BY question, value`)),
  };
  const rebuilt = {
    ...(await read(`SELECT 'total' AS name, sum(record_key) % ${KEY_RANGE} AS k FROM responses`)),
    ...(await read(`SELECT 'answered:' || q AS name, sum(record_key) % ${KEY_RANGE} AS k FROM responses CROSS JOIN jsonb_object_keys(answers) AS q
      WHERE q IN ('types', 'helped', 'heard') GROUP BY q`)),
    ...(await read(`SELECT 'cell:' || a.key || ':' || v.value AS name, sum(record_key) % ${KEY_RANGE} AS k
      FROM responses CROSS JOIN jsonb_each(answers) AS a
      CROSS JOIN LATERAL (SELECT jsonb_array_elements_text(a.value) WHERE jsonb_typeof(a.value) = 'array'
                          UNION ALL SELECT a.value #>> '{}' WHERE jsonb_typeof(a.value) <> 'array') AS v(value)
      WHERE a.key IN ('types', 'helped', 'heard') GROUP BY a.key, v.value`)),
  };
  return { kept, rebuilt };
}

for (const { engine, skip } of engines) {
  describe(`record keys (${engine})`, { skip }, () => {
    test('migration 4 keys the responses already stored and rebuilds their key sums; intake keeps them in step; the summary is unchanged by a restart', async () => {
      const database = await freshDatabase(engine);
      try {
        // A database as migration 3 left it, with responses and counts written the way that version wrote them.
        const old = await openDatabase(database.location);
        try {
          await migrate(old, migrations.filter((migration) => migration.version <= 3));
          await old.query(
            `INSERT INTO responses (id, ${GROUP}, submitted_at, answers)
             SELECT gen_random_uuid(), 'after-call', '1', date '2026-02-02' + (i % 20), 'en', '{"site": "north", "channel": "phone"}'::jsonb,
               timestamptz '2026-02-02',
               jsonb_build_object('types', CASE WHEN i % 3 = 0 THEN jsonb_build_array('emotional', 'social') ELSE jsonb_build_array('crisis') END,
                                  'helped', (ARRAY['yes', 'no', 'unsure'])[1 + i % 3], 'heard', 1 + i % 5, 'story', concat('text ', i))
             FROM generate_series(1, 200) AS i`,
          );
          await old.query(`INSERT INTO response_totals SELECT ${GROUP}, ${SLOT}, count(*) FROM responses GROUP BY ${GROUP}, ${SLOT}`);
          await old.query(`INSERT INTO question_totals SELECT ${GROUP}, q, ${SLOT}, count(*) FROM responses CROSS JOIN jsonb_object_keys(answers) AS q WHERE q <> 'story' GROUP BY ${GROUP}, q, ${SLOT}`);
          await old.query(
            `INSERT INTO answer_counts SELECT ${GROUP}, a.key, v.value, ${SLOT}, count(*) FROM responses CROSS JOIN jsonb_each(answers) AS a
             CROSS JOIN LATERAL (SELECT jsonb_array_elements_text(a.value) WHERE jsonb_typeof(a.value) = 'array'
                                 UNION ALL SELECT a.value #>> '{}' WHERE jsonb_typeof(a.value) <> 'array') AS v(value)
             WHERE a.key <> 'story' GROUP BY ${GROUP}, a.key, v.value, ${SLOT}`,
          );
        } finally {
          await old.close();
        }

        let today = new Date('2026-03-10T12:00:00Z');
        useClock(() => today);
        const start = () => startCollector({ port: 0, host: '127.0.0.1', database: database.location, surveys: surveys(), staffToken: TOKEN, rateLimit: false, now: () => today });
        let collector = await start();
        try {
          // The database was made at version 3: migration 4 runs, with every later one.
          assert.deepEqual(collector.started.migrations, migrations.filter(({ version }) => version > 3).map(({ version }) => version));
          assert.ok(collector.started.migrations.includes(4));
          const keys = await collector.store.db.query<{ key: string }>('SELECT record_key::text AS key FROM responses');
          assert.equal(keys.length, 200);
          assert.ok(keys.every(({ key }) => Number(key) >= 0 && Number(key) < KEY_RANGE), 'every key in [0, 2^31)');
          assert.ok(new Set(keys.map(({ key }) => key)).size > 195, 'keys are drawn at random, not shared');
          const migrated = await keySums(collector.store.db);
          assert.deepEqual(migrated.kept, migrated.rebuilt);
          assert.ok(Object.keys(migrated.kept).length >= 12, 'total, three questions and their cells');

          // New responses through intake: the key sums stay equal to the sums over the rows.
          for (let i = 0; i < 30; i += 1) {
            assert.equal((await post(collector.url, submission({ answers: { types: ['emotional'], helped: i % 2 ? 'yes' : 'no', heard: 4 } }))).status, 201);
          }
          const grown = await keySums(collector.store.db);
          assert.deepEqual(grown.kept, grown.rebuilt);
          assert.notDeepEqual(grown.kept, migrated.kept);

          today = new Date('2026-04-14T12:00:00Z');
          const read = async () => {
            const res = await fetch(`${collector.url}/summary?survey=after-call&unit=month&from=2026-02-01&to=2026-03-31`, { headers: { authorization: `Bearer ${TOKEN}` } });
            assert.equal(res.status, 200);
            return (await json(res)) as SurveySummary;
          };
          const before = await read();
          assert.ok(Math.abs(before.total.count! - 230) <= 4);
          await collector.close();
          collector = await start();
          assert.deepEqual(await read(), before, 'the keys live with the responses: a restart re-rounds nothing');
        } finally {
          await collector.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}

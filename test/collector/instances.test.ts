// Several instances on one PostgreSQL: three collector processes take 3,000 POSTs from concurrent
// clients, a fifth of them repeats of earlier ids, and one instance is SIGKILLed mid-burst; what it
// never answered is retried on the others. Every acknowledged id is stored once, the total equals
// the distinct ids acknowledged, and the summary's counts agree with the rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engines, exported, freshDatabase, post, submission, surveysFolder, tempDir } from './helpers.js';
import pg from 'pg';
import { databaseEnv, killed, launch, type CollectorProcess } from './processes.js';

const POSTS = 3000;
const CLIENTS = 30;
const postgres = engines.find((entry) => entry.engine === 'postgres')!;

test('three instances, 3,000 POSTs with 20% repeats, one instance SIGKILLed mid-burst: every acknowledged id stored once', { skip: postgres.skip }, async () => {
  const database = await freshDatabase('postgres');
  const { dir, remove } = await tempDir();
  try {
    const env = { ...databaseEnv(database.location), COLLECTOR_SURVEYS: await surveysFolder(dir), COLLECTOR_POOL_SIZE: '8' };
    // Started together: the migration runs once under its advisory lock.
    const instances: CollectorProcess[] = await Promise.all([launch(env), launch(env), launch(env)]);
    const alive = new Set(instances);
    const victim = instances[1]!;

    // The bodies: 80% new ids, 20% repeats of an earlier body (same id, same content, as a retry is).
    const bodies: Array<ReturnType<typeof submission>> = [];
    for (let i = 0; i < POSTS; i += 1) {
      const repeat = i > 10 && i % 5 === 0;
      bodies.push(repeat ? bodies[Math.floor(Math.random() * bodies.length)]! : submission({ answers: { types: ['emotional'], helped: i % 2 ? 'yes' : 'no' } }));
    }
    const acknowledged = new Set<string>();
    let next = 0;
    let done = 0;
    let turn = 0;
    const deliver = async (body: (typeof bodies)[number]) => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const targets = [...alive];
        const instance = targets[turn++ % targets.length]!;
        try {
          const res = await post(instance.url, body);
          await res.arrayBuffer();
          if (res.status === 201 || res.status === 409) {
            acknowledged.add(body.id);
            return;
          }
          assert.fail(`unexpected ${res.status} from ${instance.url}`);
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
          alive.delete(instance); // refused or reset: that instance is gone; retry on another
        }
      }
      assert.fail(`${body.id} was never acknowledged`);
    };
    const client = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        await deliver(body);
        if (++done === Math.floor(POSTS / 3)) void killed(victim.child); // mid-burst, with requests in flight
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    assert.equal(victim.child.signalCode, 'SIGKILL', 'one instance was killed during the burst');
    assert.ok(!alive.has(victim), 'requests to the killed instance were retried on the others');

    const survivor = [...alive][0]!;
    const stored = (await exported(survivor.url)).map((row) => row.id);
    assert.equal(new Set(stored).size, stored.length, 'no id stored twice');
    for (const id of acknowledged) assert.ok(stored.includes(id), `acknowledged ${id} was lost`);
    assert.equal(stored.length, acknowledged.size, 'the total equals the distinct ids acknowledged');
    const distinctSent = new Set(bodies.map((body) => body.id)).size;
    assert.equal(acknowledged.size, distinctSent);

    // The pre-aggregated counts were updated in the same statements: they agree with the rows.
    const db = new pg.Client({ connectionString: (database.location as { url: string }).url });
    await db.connect();
    try {
      const sum = async (sql: string) => Number((await db.query(sql)).rows[0].n);
      assert.equal(await sum('SELECT sum(responses) AS n FROM response_totals'), stored.length);
      assert.equal(await sum("SELECT sum(responses) AS n FROM answer_counts WHERE question = 'helped'"), stored.length);
    } finally {
      await db.end();
    }
    for (const instance of alive) await killed(instance.child);
  } finally {
    await remove();
    await database.drop();
  }
});

// Catalogue item 62: three collector processes on one PostgreSQL forward 2,000 responses to one
// webhook receiver that is down at first, then answers 30% 503 and sometimes drops the connection
// after it has stored the request; one instance is SIGKILLed mid-delivery. Every response reaches
// the receiver under one webhook-id, its dedupe stores each once, and no webhook-id is ever being
// answered for two requests at the same moment (the leases hold across instances).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import pg from 'pg';
import { engines, freshDatabase, post, submission, surveysFolder, tempDir } from './helpers.js';
import { databaseEnv, killed, launch, type CollectorProcess } from './processes.js';
import { eventually, receiver, SECRET, type Receiver } from './forward-helpers.js';

const RESPONSES = 2000;
const CLIENTS = 20;
const postgres = engines.find((entry) => entry.engine === 'postgres')!;

/** A free port on 127.0.0.1 with nothing listening on it yet: the receiver is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('three instances, receiver down then 30% 503 and resets after storing, one instance SIGKILLed: each response stored once, never two at once', { skip: postgres.skip, timeout: 600_000 }, async () => {
  const database = await freshDatabase('postgres');
  const { dir, remove } = await tempDir();
  const port = await closedPort();
  let sink: Receiver | null = null;
  const stored = new Map<string, number>(); // webhook-id → times the receiver's dedupe found it new (must be 1)
  const webhookIdsOf = new Map<string, Set<string>>(); // response id → webhook-ids it came with
  let roll = 0;
  try {
    const forward = {
      surveys: { 'after-call': { destinations: [{ name: 'crm', kind: 'webhook', url: `http://127.0.0.1:${port}/in`, secrets: [SECRET], fields: ['helped'] }] } },
      retry: { attempts: 100, days: 1, firstDelaySeconds: 0.05, maxDelaySeconds: 0.5 },
      timeoutSeconds: 2,
      pollSeconds: 0.1,
    };
    const env = {
      ...databaseEnv(database.location),
      COLLECTOR_SURVEYS: await surveysFolder(dir),
      COLLECTOR_POOL_SIZE: '6',
      COLLECTOR_FORWARD: JSON.stringify(forward),
      COLLECTOR_FORWARD_LOOPBACK: '1',
    };
    const instances: CollectorProcess[] = await Promise.all([launch(env), launch(env), launch(env)]);
    const victim = instances[2]!;
    const alive = new Set(instances);

    let next = 0;
    let turn = 0;
    const client = async () => {
      while (next < RESPONSES) {
        next += 1;
        const body = submission({ answers: { helped: next % 2 ? 'yes' : 'no' } });
        for (let attempt = 0; ; attempt += 1) {
          const instance = [...alive][turn++ % alive.size]!;
          try {
            const res = await post(instance.url, body);
            await res.arrayBuffer();
            assert.ok(res.status === 201 || res.status === 409, `POST answered ${res.status}`);
            break;
          } catch (error) {
            if (error instanceof assert.AssertionError || attempt > 5) throw error;
            alive.delete(instance);
          }
        }
      }
    };
    // Intake (with the receiver down): the deliveries wait and retry.
    const posting = Promise.all(Array.from({ length: CLIENTS }, client));
    await eventually('a quarter of the responses posted', () => next >= RESPONSES / 4, 120);
    sink = await receiver(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 2 + (roll % 7))); // a request takes a moment: overlaps would show
      roll += 1;
      if (roll % 10 < 3) return { status: 503, headers: { 'retry-after': '0' } };
      const id = String(request.headers['webhook-id']);
      const responseId = (JSON.parse(request.body) as { data: { id: string } }).data.id;
      webhookIdsOf.set(responseId, (webhookIdsOf.get(responseId) ?? new Set()).add(id));
      if (!stored.has(id)) stored.set(id, 1); // the receiver's dedupe: a known webhook-id is acknowledged, not stored
      return roll % 17 === 0 ? 'reset-after' : { status: 200 };
    }, port);
    await eventually('a third delivered', () => stored.size >= RESPONSES / 3, 300);
    await killed(victim.child); // mid-delivery: its leased rows go to the others when the leases expire
    alive.delete(victim);
    await posting;

    await eventually('every response delivered', () => stored.size === RESPONSES, 400);
    const db = new pg.Client({ connectionString: (database.location as { url: string }).url });
    await db.connect();
    try {
      await eventually('every delivery recorded as delivered', async () => {
        const { rows } = await db.query("SELECT count(*)::int AS n FROM deliveries WHERE state = 'delivered'");
        return rows[0].n === RESPONSES;
      }, 120);
      const { rows } = await db.query('SELECT count(*)::int AS responses, (SELECT count(*)::int FROM deliveries) AS deliveries FROM responses');
      assert.deepEqual(rows[0], { responses: RESPONSES, deliveries: RESPONSES }, 'one delivery row per response, written with it');
    } finally {
      await db.end();
    }
    assert.equal(webhookIdsOf.size, RESPONSES, 'every response reached the receiver');
    for (const [responseId, ids] of webhookIdsOf) assert.equal(ids.size, 1, `${responseId} came under one webhook-id`);
    assert.ok([...stored.values()].every((n) => n === 1));
    assert.ok(sink.received.length > RESPONSES, 'some deliveries were retried (503s and resets)');
    assert.deepEqual(sink.overlaps, [], 'no webhook-id was being answered twice at the same moment');
    assert.equal(victim.child.signalCode, 'SIGKILL');
    for (const instance of alive) await killed(instance.child);
  } finally {
    await sink?.close();
    await remove();
    await database.drop();
  }
});

// The outbox measurement, run inside a page (real IndexedDB, real fetch). The runner calls
// window.benchOutbox.enqueue() while the relay in front of the collector drops connections, flips
// the relay online, then calls deliver(): a fresh outbox on the same database, as after a reload
// once the network is back, whose first cycle sends the whole queue regardless of backoff.
import { createOutbox } from '../../src/outbox/index.ts';
import { solveChallenge } from '../../src/transport/proof-of-work.ts';

const databaseName = 'encounter-survey-bench';

const submission = (i: number) => ({
  id: crypto.randomUUID(),
  survey: { id: 'peer-support-encounter', version: 1 },
  submittedAt: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString(),
  locale: 'en',
  answers: { supportTypes: ['emotional', 'information'], helpful: 1 + (i % 5), heard: 'yes', useAgain: 'maybe' },
  tags: {},
});

async function enqueue(endpoint: string, count: number) {
  const outbox = createOutbox({ endpoint, databaseName });
  await outbox.ready;
  const durations: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const record = submission(i);
    const start = performance.now();
    await outbox.submit(record);
    durations.push(performance.now() - start);
    ids.push(record.id);
  }
  await outbox.flush();
  const pending = outbox.status().pending;
  const storage = outbox.status().storage;
  outbox.close();
  return { durations, ids, pending, storage };
}

async function deliver(endpoint: string, count: number, timeoutMs: number) {
  const delivered = new Set<string>();
  let events = 0;
  const start = performance.now();
  const outbox = createOutbox({ endpoint, databaseName });
  const finished = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    outbox.subscribe((event) => {
      if (event.type !== 'delivered') return;
      events++;
      delivered.add(event.id);
      if (delivered.size >= count) {
        clearTimeout(timer);
        resolve(true);
      }
    });
  });
  const ms = performance.now() - start;
  await outbox.flush();
  const pending = outbox.status().pending;
  outbox.close();
  return { finished, ms, delivered: delivered.size, deliveredEvents: events, pending };
}

/**
 * The recovery figure (bench/lib/recovery.mjs): one outbox with the default retry timing, as on a
 * kiosk nobody reloads; `count` responses submitted `spacingMs` apart while the receiver is down.
 */
const open: Array<{ close(): void }> = [];
async function queueOverTime(endpoint: string, database: string, count: number, spacingMs: number) {
  const outbox = createOutbox({ endpoint, databaseName: database });
  open.push(outbox);
  await outbox.ready;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, spacingMs));
    const record = submission(i);
    await outbox.submit(record);
    ids.push(record.id);
  }
  return ids;
}

function closeAll() {
  for (const outbox of open.splice(0)) outbox.close();
}

/**
 * The proof-of-work figure (bench/lib/pow.mjs): `count` challenges as altcha-lib makes them (a
 * random number in [0, maxnumber], SHA-256 of salt + number), each solved by the outbox's solver.
 */
async function solveChallenges(maxnumber: number, count: number) {
  const hex = async (text: string) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const results: Array<{ number: number; ms: number }> = [];
  for (let i = 0; i < count; i++) {
    const salt = `${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}?expires=${Math.floor(Date.now() / 1000) + 600}&`;
    const number = crypto.getRandomValues(new Uint32Array(1))[0]! % (maxnumber + 1);
    const challenge = { algorithm: 'SHA-256' as const, challenge: await hex(salt + number), maxnumber, salt, signature: 'bench' };
    const start = performance.now();
    const found = await solveChallenge(challenge);
    results.push({ number, ms: performance.now() - start });
    if (found !== number) throw new Error(`solver found ${found}, expected ${number}`);
  }
  return results;
}

Object.assign(window, { benchOutbox: { enqueue, deliver, queueOverTime, closeAll, solveChallenges } });

// When storage fails the collector says so, and a service manager can act on it:
// - `/health` answers 503 (with Retry-After) while the database does not answer, instead of hanging;
// - on a full disk (a small tmpfs, root only), intake answers 503 storage-full with Retry-After while
//   the free space is under COLLECTOR_MIN_FREE_MB, and stores again once there is room;
// - with no margin, the embedded database's failed write makes the process say so and exit 1 (PGlite
//   cannot carry on after it: its next statement spun the process for ever, /health included); after
//   space is freed a restart finds every acknowledged response.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, rm, statfs, writeFile } from 'node:fs/promises';
import { createServer, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startCollector } from '../../collector/src/server.js';
import { TOKEN, afterCallInput, engines, exported, freshDatabase, json, post, submission, surveys, tempDir, withCollector } from './helpers.js';
import { canUnshare, databaseEnv, exited, launch, signalled } from './processes.js';

/**
 * A TCP relay in front of the real PostgreSQL server that can stop passing bytes (a database host
 * that hangs, a network partition), then pass what it held back.
 */
async function relay(target: URL) {
  let frozen = false;
  const held: Array<() => void> = [];
  const sockets = new Set<Socket>();
  const pipe = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => (frozen ? held.push(() => to.write(chunk)) : to.write(chunk)));
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => (client.destroy(), upstream.destroy()));
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.href);
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.href,
    freeze: () => void (frozen = true),
    thaw() {
      frozen = false;
      for (const send of held.splice(0)) send();
    },
    close: () => new Promise<void>((resolve) => (sockets.forEach((socket) => socket.destroy()), server.close(() => resolve()))),
  };
}

/** GET /health, given up after 15 s (a timer that keeps the test alive, unlike AbortSignal.timeout's). */
async function health(url: string): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('/health did not answer within 15 s')), 15_000);
  try {
    return await fetch(`${url}/health`, { signal: abort.signal });
  } finally {
    clearTimeout(timer);
  }
}

describe('/health when storage does not answer', () => {
  test('PGlite busy with a statement that does not end → 503 with Retry-After, then 200 again', async () => {
    const collector = await withCollector('pglite');
    try {
      let release!: () => void;
      const busy = collector.store.db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await new Promise<void>((resolve) => (release = resolve));
      });
      const res = await health(collector.url);
      assert.equal(res.status, 503);
      assert.deepEqual(await json(res), { ok: false, storage: 'pglite' });
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      release();
      await busy;
      assert.equal((await health(collector.url)).status, 200);
    } finally {
      await collector.stop();
    }
  });

  test('PostgreSQL that stops answering (a relay holds its bytes) → 503 with Retry-After, then 200 again', { skip: engines[1]!.skip }, async () => {
    const database = await freshDatabase('postgres');
    const hanging = await relay(new URL((database.location as { url: string }).url));
    const collector = await startCollector({ port: 0, database: { url: hanging.url }, staffToken: TOKEN, surveys: surveys(), rateLimit: false });
    try {
      assert.equal((await health(collector.url)).status, 200);
      hanging.freeze();
      const res = await health(collector.url);
      assert.equal(res.status, 503);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      hanging.thaw();
      assert.equal((await health(collector.url)).status, 200);
    } finally {
      await collector.close();
      await hanging.close();
      await database.drop();
    }
  });
});

/** A survey whose responses are about 100 KB of text that does not compress, to fill a disk in a few hundred requests. */
const bigSurvey = {
  ...afterCallInput,
  id: 'big',
  questions: Array.from({ length: 50 }, (_, index) => ({ id: `t${index}`, type: 'text', label: `Text ${index}`, maxLength: 2000 })),
};
const bigResponse = () =>
  submission({
    survey: { id: 'big', version: 1 },
    answers: Object.fromEntries(bigSurvey.questions.map((question) => [question.id, randomBytes(1500).toString('base64')])),
  });

describe('a full disk (PGlite on a small tmpfs)', { skip: canUnshare ? false : 'needs root to mount a tmpfs' }, () => {
  test('under the free-space margin → 503 storage-full with Retry-After; without a margin, a failed write → exit 1; freed → restarts with every acknowledged response', async () => {
    const { dir, remove } = await tempDir();
    const disk = join(dir, 'disk');
    await mkdir(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=72m', 'tmpfs', disk]);
    try {
      const database = await freshDatabase('pglite');
      const dataDir = join(disk, 'data');
      await cp((database.location as { dataDir: string }).dataDir, dataDir, { recursive: true });
      await database.drop();
      const surveysDir = join(dir, 'surveys');
      await mkdir(surveysDir);
      await writeFile(join(surveysDir, 'big.json'), JSON.stringify(bigSurvey));
      const filler = join(disk, 'filler');
      /** Fills the disk until `mib` MiB are left free. */
      const leave = async (mib: number) => {
        await rm(filler, { force: true });
        const fs = await statfs(disk);
        await writeFile(filler, Buffer.alloc(Math.max(0, fs.bavail * fs.bsize - mib * 1048576)));
      };
      const env = { ...databaseEnv({ dataDir }), COLLECTOR_SURVEYS: surveysDir, COLLECTOR_MAX_BODY: '200000' };

      await leave(10);
      const guarded = await launch({ ...env, COLLECTOR_MIN_FREE_MB: '20' });
      const refused = await post(guarded.url, bigResponse());
      assert.equal(refused.status, 503);
      assert.equal((await json(refused)).error, 'storage-full');
      assert.equal(refused.headers.get('retry-after'), '60');
      await leave(30);
      const acknowledged: string[] = [];
      const first = bigResponse();
      assert.equal((await post(guarded.url, first)).status, 201, 'stored once there is room');
      acknowledged.push(first.id);
      assert.deepEqual(await signalled(guarded, 'SIGTERM'), { code: 0, signal: null });

      await leave(2);
      const unguarded = await launch({ ...env, COLLECTOR_MIN_FREE_MB: '0' });
      const ended = exited(unguarded);
      let last = 0;
      for (let i = 0; i < 400 && unguarded.child.exitCode === null; i += 1) {
        const body = bigResponse();
        const status = await post(unguarded.url, body).then((res) => res.status, () => 0);
        if (status === 201) acknowledged.push(body.id);
        else {
          last = status;
          break;
        }
      }
      assert.ok(last === 503 || last === 0, `the failed write answered ${last}`);
      assert.deepEqual(await ended, { code: 1, signal: null }, 'it exits non-zero');
      assert.match(unguarded.output(), /collector: storage write failed \(.*\); exiting/);

      await rm(filler);
      const restarted = await launch(env);
      const stored = new Set((await exported(restarted.url, 'big')).map((row) => row.id));
      for (const id of acknowledged) assert.ok(stored.has(id), `acknowledged ${id} was lost`);
      assert.equal((await health(restarted.url)).status, 200);
      await signalled(restarted, 'SIGTERM');
    } finally {
      execFileSync('umount', ['-l', disk]);
      await remove();
    }
  });
});

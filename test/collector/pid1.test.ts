// The collector as a container runs it without an init: the same start command as PID 1 of a new
// PID namespace (`unshare --pid --fork --mount-proc`, root only). SIGTERM lets a request already in
// flight finish and be stored; SIGKILL then a restart on the same PGlite folder starts again (the
// lock names pid 1, which the new process is too). And a data folder restored with its lock file.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { engines, exported, freshDatabase, post, submission, surveysFolder, tempDir } from './helpers.js';
import { canUnshare, databaseEnv, launch, signalled, type CollectorProcess } from './processes.js';

const pid1Skip = canUnshare ? false : 'needs root on Linux for unshare --pid';

/** Sends a POST's headers (with Expect: 100-continue) and waits until the collector has taken the request. */
function startedPost(url: string, body: string): Promise<{ finish(): Promise<number> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/responses`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': (JSON.parse(body) as { id: string }).id,
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const status = new Promise<number>((done, failed) => {
      req.once('response', (res) => {
        res.resume();
        done(res.statusCode!);
      });
      req.once('error', failed);
    });
    req.once('error', reject);
    // The server answers 100 Continue once it has read the headers and handed the request on.
    req.once('continue', () => resolve({ finish: () => (req.end(body), status) }));
    req.flushHeaders();
  });
}

/** Resolves once the process has printed `pattern`. */
function printed(proc: CollectorProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!pattern.test(proc.output())) return false;
      resolve();
      return true;
    };
    if (check()) return;
    const onData = () => check() && (proc.child.stdout!.off('data', onData), proc.child.stderr!.off('data', onData));
    proc.child.stdout!.on('data', onData);
    proc.child.stderr!.on('data', onData);
  });
}

for (const { engine, skip } of engines) {
  describe(`as PID 1 in a container without an init (${engine})`, { skip: skip || pid1Skip }, () => {
    test('SIGTERM finishes the request in flight, then exits 0; SIGKILL and a restart on the same data start again', async () => {
      const database = await freshDatabase(engine);
      const { dir, remove } = await tempDir();
      try {
        const env = { ...databaseEnv(database.location), COLLECTOR_SURVEYS: await surveysFolder(dir) };
        const first = await launch(env, { pid1: true });
        assert.match(await readFile(`/proc/${first.pid}/status`, 'utf8'), /^NSpid:\s+\d+\s+1$/m, 'the collector is PID 1 of its namespace');
        const inFlight = submission();
        const pending = await startedPost(first.url, JSON.stringify(inFlight));
        const ended = signalled(first, 'SIGTERM');
        await printed(first, /stopping/);
        assert.equal(await pending.finish(), 201, 'the request in flight was answered');
        assert.deepEqual(await ended, { code: 0, signal: null });

        const second = await launch(env, { pid1: true });
        assert.deepEqual((await exported(second.url)).map((row) => row.id), [inFlight.id]);
        const later = submission();
        assert.equal((await post(second.url, later)).status, 201);
        await signalled(second, 'SIGKILL');

        const third = await launch(env, { pid1: true });
        assert.equal((await exported(third.url)).length, 2);
        await signalled(third, 'SIGKILL');
      } finally {
        await remove();
        await database.drop();
      }
    });
  });
}

describe('a PGlite folder restored with its lock file', () => {
  const restored = async (owner: string) => {
    const database = await freshDatabase('pglite');
    const dataDir = (database.location as { dataDir: string }).dataDir;
    await writeFile(join(dataDir, 'collector.lock'), owner);
    try {
      const collector = await launch(databaseEnv(database.location));
      assert.equal((await fetch(`${collector.url}/health`)).status, 200);
      await signalled(collector, 'SIGKILL');
    } finally {
      await database.drop();
    }
  };
  const bootId = async () => (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();

  // The pid in each lock is this test's own process: alive, but not the collector that wrote the lock.
  test('naming a live pid whose process started at another time → it starts', { skip: process.platform !== 'linux' }, async () => {
    await restored(JSON.stringify({ pid: process.pid, start: '1', boot: await bootId() }));
  });

  test('written on another host or before a reboot (another boot id) → it starts', async () => {
    await restored(JSON.stringify({ pid: process.pid, start: '1', boot: '00000000-0000-0000-0000-000000000000' }));
  });
});

// kill -9 of the collector process mid-burst, then a restart on the same database: every
// acknowledged response is there exactly once, on both engines (on PGlite the restart also takes
// over the dead process's lock). And the embedded database's one-writer rule: a second process on
// the same PGlite folder refuses to start.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engines, exported, freshDatabase, post, submission, surveysFolder, tempDir } from './helpers.js';
import { databaseEnv, killed, launch } from './processes.js';

for (const { engine, skip } of engines) {
  describe(`kill -9 (${engine})`, { skip }, () => {
    test('SIGKILL while taking writes, restart: every acknowledged response stored exactly once', async () => {
      const database = await freshDatabase(engine);
      const { dir, remove } = await tempDir();
      try {
        const env = { ...databaseEnv(database.location), COLLECTOR_SURVEYS: await surveysFolder(dir) };
        const first = await launch(env);
        const sent = new Map<string, ReturnType<typeof submission>>();
        const acknowledged = new Set<string>();
        let stop = false;
        const writer = async () => {
          while (!stop) {
            const body = submission({ answers: { types: ['emotional'], story: 'ü'.repeat(Math.floor(Math.random() * 1500) + 1) } });
            sent.set(body.id, body);
            try {
              const res = await post(first.url, body);
              if (res.status === 201) acknowledged.add(body.id);
              else assert.fail(`unexpected ${res.status}`);
            } catch {
              return; // connection refused or reset: the process is gone
            }
          }
        };
        const writers = Array.from({ length: 8 }, writer);
        while (acknowledged.size < 100) await new Promise((resolve) => setTimeout(resolve, 5));
        await killed(first.child); // while the writers are mid-request
        stop = true;
        await Promise.all(writers);

        const second = await launch(env);
        const stored = (await exported(second.url)).map((row) => row.id);
        assert.equal(new Set(stored).size, stored.length, 'no id twice');
        for (const id of acknowledged) assert.ok(stored.includes(id), `acknowledged ${id} was lost`);
        assert.ok(stored.every((id) => sent.has(id)), 'nothing that was not sent');

        // Retrying everything (as the widget does for what it never heard back about): stored ones
        // answer 409, the rest are stored now, and the total is every distinct id sent.
        const retries = await Promise.all([...sent.values()].map((body) => post(second.url, body)));
        for (const [index, id] of [...sent.keys()].entries()) {
          assert.equal(retries[index]!.status, stored.includes(id) ? 409 : 201, id);
        }
        assert.equal((await exported(second.url)).length, sent.size);
        await killed(second.child);
      } finally {
        await remove();
        await database.drop();
      }
    });
  });
}

describe('one process per embedded database folder', () => {
  // Taking over a dead owner's lock is what the PGlite restart after kill -9 above does.
  test('a second collector on the same PGlite folder refuses to start, naming the pid of the first', async () => {
    const database = await freshDatabase('pglite');
    try {
      const env = databaseEnv(database.location);
      const first = await launch(env);
      await assert.rejects(launch(env), (error: Error) => {
        assert.match(error.message, /exited \(1\)/);
        assert.match(error.message, new RegExp(`in use by another collector \\(pid ${first.child.pid}`));
        return true;
      });
      assert.equal((await fetch(`${first.url}/health`)).status, 200, 'the first one still runs');
      await killed(first.child);
    } finally {
      await database.drop();
    }
  });
});

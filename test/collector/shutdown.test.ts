// A service manager stops the collector with SIGTERM (docker stop, systemctl stop, a PaaS deploy):
// a response whose request has already arrived is still stored and answered 201, the process exits 0,
// and it starts again on the same database with the response there. The request is held open by its
// body: the server's "100 Continue" says it has the request, and refused connections say it is closing.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { engines, exported, freshDatabase, submission, surveysFolder, tempDir } from './helpers.js';
import { databaseEnv, killed, launch } from './processes.js';

/** Resolves once the port refuses new connections (the server has stopped listening). */
async function refusing(port: number): Promise<void> {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const { engine, skip } of engines) {
  describe(`SIGTERM (${engine})`, { skip }, () => {
    test('a request in flight when SIGTERM arrives is stored and answered; exit 0; a restart has it', async () => {
      const database = await freshDatabase(engine);
      const { dir, remove } = await tempDir();
      try {
        const env = { ...databaseEnv(database.location), COLLECTOR_SURVEYS: await surveysFolder(dir) };
        const first = await launch(env);
        const url = new URL(first.url);
        const body = JSON.stringify(submission());
        const { id } = JSON.parse(body) as { id: string };
        const exit = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));

        const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = request(
            {
              host: url.hostname,
              port: url.port,
              path: '/responses',
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': id, 'content-length': Buffer.byteLength(body), expect: '100-continue' },
            },
            (res) => {
              let text = '';
              res.on('data', (chunk) => (text += chunk));
              res.on('end', () => resolve({ status: res.statusCode!, text }));
            },
          );
          req.once('error', reject);
          // The server has the request: stop the collector, wait until it no longer listens, then send the body.
          req.once('continue', async () => {
            first.child.kill('SIGTERM');
            await refusing(Number(url.port));
            req.end(body);
          });
          req.flushHeaders();
        });

        const response = await answered;
        assert.equal(response.status, 201, response.text);
        assert.equal(await exit, 0, `exit code, output:\n${first.output()}`);

        const second = await launch(env);
        assert.deepEqual((await exported(second.url)).map((row) => row.id), [id]);
        await killed(second.child);
      } finally {
        await remove();
        await database.drop();
      }
    });
  });
}

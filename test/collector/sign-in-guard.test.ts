// Guessing or borrowing the staff token:
// - DNS rebinding: a page on another name that resolves to the collector sends its own Host and
//   Origin; sign-in compares Origin with COLLECTOR_PUBLIC_URL, or with the address the collector
//   listens on, never with the Host header, so it is refused;
// - many addresses guessing: wrong tokens are counted across every address, and past
//   COLLECTOR_STAFF_FAILURES a minute every sign-in and Bearer request waits (429 with Retry-After);
// - a token of repeated characters, a repeated pattern or a run is refused at start, naming the variable.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { guessable } from '../../collector/src/secrets.js';
import { startCollector } from '../../collector/src/server.js';
import { TOKEN, engines, tempDir, withCollector } from './helpers.js';
import { databaseEnv, launch } from './processes.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: fetch will not send a Host header of our choosing, nor from another local address. */
function raw(url: string, { method = 'GET', headers = {}, body, localAddress }: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const signIn = (url: string, token: string, headers: Record<string, string>, localAddress?: string) =>
  raw(`${url}/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ token }), localAddress });

for (const { engine, skip } of engines) {
  describe(`staff sign-in guards (${engine})`, { skip }, () => {
    test('a rebinding page (its own Host and Origin, same port) is refused; the listen address, by IP or as localhost, signs in', async () => {
      const collector = await withCollector(engine);
      try {
        const { port } = new URL(collector.url);
        const rebound = await signIn(collector.url, TOKEN, { host: `evil.test:${port}`, origin: `http://evil.test:${port}` });
        assert.equal(rebound.status, 403);
        assert.equal(JSON.parse(rebound.body).error, 'origin-refused');
        assert.equal(rebound.headers['set-cookie'], undefined);
        for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
          assert.equal((await signIn(collector.url, TOKEN, { origin })).status, 201, origin);
        }
      } finally {
        await collector.stop();
      }
    });

    test('wrong tokens from ten addresses add up: past the global limit even the right token waits (429, Retry-After)', async () => {
      const collector = await withCollector(engine, { rateLimit: { max: 5 }, staffFailures: 20 });
      try {
        const origin = new URL(collector.url).origin;
        const statuses: number[] = [];
        for (let round = 0; round < 3; round += 1) {
          for (let address = 2; address <= 11; address += 1) {
            statuses.push((await signIn(collector.url, `${TOKEN.slice(0, -2)}${round}${address % 10}`, { origin }, `127.0.0.${address}`)).status);
          }
        }
        assert.deepEqual(statuses, [...Array(20).fill(401), ...Array(10).fill(429)]);
        const right = await signIn(collector.url, TOKEN, { origin }, '127.0.0.12');
        assert.equal(right.status, 429);
        assert.equal(JSON.parse(right.body).error, 'too-many-failures');
        assert.ok(Number(right.headers['retry-after']) >= 1);
        const bearer = await raw(`${collector.url}/export.json?survey=after-call`, { headers: { authorization: `Bearer ${TOKEN}` }, localAddress: '127.0.0.13' });
        assert.equal(bearer.status, 429, 'a Bearer request waits too: it is the same guess');
      } finally {
        await collector.stop();
      }
    });
  });
}

describe('guessable staff tokens are refused at start', () => {
  const weak = ['a'.repeat(24), 'ab'.repeat(16), 'abcdefgh'.repeat(3), 'abcdefghijklmnopqrstuvwxyz', '000000000000000000000001', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'];
  for (const token of weak) {
    test(`"${token}" → refused, naming COLLECTOR_STAFF_TOKEN`, async () => {
      await assert.rejects(startCollector({ database: { dataDir: '/dev/null/never-opened' }, staffToken: token }), /^Error: COLLECTOR_STAFF_TOKEN is too easy to guess/);
    });
  }

  test('random tokens (base64, base64url, hex) and the tests\' own are accepted', () => {
    const tokens = [TOKEN, randomBytes(32).toString('base64'), randomBytes(24).toString('base64url'), randomBytes(12).toString('hex')];
    for (let i = 0; i < 200; i += 1) tokens.push(randomBytes(12).toString('hex'), randomBytes(18).toString('base64url'));
    for (const token of tokens) assert.equal(guessable(token), false, token);
  });

  test('from the environment: the process says so and exits 1', async () => {
    const folder = await tempDir();
    try {
      await assert.rejects(launch({ ...databaseEnv({ dataDir: folder.dir }), COLLECTOR_STAFF_TOKEN: 'x'.repeat(32) }), (error: Error) => {
        assert.match(error.message, /exited \(1\)/);
        assert.match(error.message, /collector: COLLECTOR_STAFF_TOKEN is too easy to guess .*openssl rand -base64 32/);
        return true;
      });
    } finally {
      await folder.remove();
    }
  });
});

// The reference collector (collector/src/main.ts, embedded PGlite) as a child process, plus a switchable TCP relay in
// front of it. The outbox stores each record with its endpoint, so "offline" has to be the same
// URL failing and later working: the relay drops every connection while offline (the browser sees
// a network error, as on a dead link) and pipes bytes to the collector once online.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startCollectorProcess({ allowedOrigin, timeoutMs = 180_000 }) {
  const dir = mkdtempSync(join(tmpdir(), 'encounter-survey-bench-'));
  const staffToken = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'collector/src/main.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      COLLECTOR_PORT: '0',
      COLLECTOR_HOST: '127.0.0.1',
      COLLECTOR_DATA_DIR: dir,
      DATABASE_URL: '',
      COLLECTOR_ORIGINS: allowedOrigin,
      COLLECTOR_STAFF_TOKEN: staffToken,
      // The bench's responses belong to no configured survey.
      COLLECTOR_ACCEPT_UNKNOWN: '1',
      // 1,000 deliveries from one address would trip the default 120/min limit; we time the
      // outbox and the store, not the rate limiter.
      COLLECTOR_RATE_LIMIT: '0',
    },
  });
  let output = '';
  const stop = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`collector did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk) => {
        output += chunk;
        const match = /collector listening on (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`collector exited ${code}:\n${output}`));
      });
    });
    child.removeAllListeners('exit');
    return { url, stop, storedIds: () => readIds(url, staffToken) };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Every stored id of the bench survey, from the staff JSON Lines export (so "exactly once" can be checked). */
async function readIds(url, staffToken) {
  const res = await fetch(`${url}/export.json?survey=peer-support-encounter`, { headers: { authorization: `Bearer ${staffToken}` } });
  if (!res.ok) throw new Error(`export.json answered ${res.status}`);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).id);
}

export async function startRelay(targetUrl) {
  const target = new URL(targetUrl);
  let online = false;
  const sockets = new Set();
  const server = net.createServer((socket) => {
    if (!online) return socket.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    // A relay that waits to coalesce small writes (Nagle) would add its own delay to every request.
    socket.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(socket).add(upstream);
    const drop = () => {
      socket.destroy();
      upstream.destroy();
      sockets.delete(socket);
      sockets.delete(upstream);
    };
    socket.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    setOnline(value) {
      online = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/**
 * The collector on its own: `count` sequential POSTs from Node, no browser, no outbox. Separates
 * the receiver's cost (an fsync per record) from the outbox's when delivery is slow.
 */
export async function postSequential(collectorUrl, count, origin) {
  const start = performance.now();
  let ok = 0;
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const response = await fetch(`${collectorUrl}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': id, origin },
      body: JSON.stringify({
        id,
        survey: { id: 'peer-support-encounter', version: 1 },
        submittedAt: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString(),
        locale: 'en',
        answers: { helpful: 1 + (i % 5) },
        tags: {},
      }),
    });
    await response.arrayBuffer();
    if (response.status === 201) ok++;
  }
  return { count, stored: ok, ms: performance.now() - start };
}

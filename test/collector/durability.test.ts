// Durable append: SIGKILL the real collector process while it is taking writes, leave a torn last
// line behind, restart it, and check that every acknowledged record is there exactly once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { TOKEN, parseJsonl, post, submission, tempDir } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts `collector/main.ts` as its own process; resolves with its URL once it listens. */
function launch(dataFile: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'collector/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      COLLECTOR_PORT: '0',
      COLLECTOR_DATA: dataFile,
      COLLECTOR_EXPORT_TOKEN: TOKEN,
      COLLECTOR_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /collector listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited (${code}):\n${output}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

test('kill -9 mid-write, torn last line, restart: every acknowledged record stored exactly once', async () => {
  const { dir, remove } = await tempDir();
  try {
    const dataFile = join(dir, 'data', 'responses.jsonl');
    const first = await launch(dataFile);

    // Writers keep POSTing until the process dies; only 201s count as acknowledged.
    const sent = new Map<string, ReturnType<typeof submission>>();
    const acknowledged = new Set<string>();
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const body = submission({ answers: { types: ['emotional'], note: 'ü'.repeat(Math.floor(Math.random() * 2000)) } });
        sent.set(body.id, body);
        try {
          const res = await post(first.url, body);
          if (res.status === 201) acknowledged.add(body.id);
          else assert.fail(`unexpected ${res.status}`);
        } catch {
          return; // connection refused / reset: the process is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 5));
    await killed(first.child); // while the writers are still mid-request
    stop = true;
    await Promise.all(writers);
    assert.ok(acknowledged.size >= 60);

    // A write the kernel had only partly taken when the process died.
    const torn = submission();
    await appendFile(dataFile, JSON.stringify(torn).slice(0, 57));

    const second = await launch(dataFile);
    assert.match(second.output(), /torn last line/);
    const lines = parseJsonl(await readFile(dataFile, 'utf8')); // throws on any invalid line
    const ids = lines.map((line) => line.id);
    assert.equal(new Set(ids).size, ids.length, 'no id twice');
    for (const id of acknowledged) assert.ok(ids.includes(id), `acknowledged ${id} was lost`);
    assert.ok(!ids.includes(torn.id));
    assert.match(await readFile(`${dataFile}.corrupt`, 'utf8'), new RegExp(torn.id.slice(0, 8)));

    // After the restart the index still dedupes: every acknowledged key answers 409.
    const repeats = await Promise.all([...acknowledged].map((id) => post(second.url, sent.get(id))));
    assert.deepEqual(new Set(repeats.map((res) => res.status)), new Set([409]));
    // The torn record was never acknowledged: its retry is stored normally, on a clean new line.
    assert.equal((await post(second.url, torn)).status, 201);
    const after = parseJsonl(await readFile(dataFile, 'utf8'));
    assert.equal(after.length, lines.length + 1);
    assert.equal(after.at(-1)!.id, torn.id);

    const csv = await (await fetch(`${second.url}/export.csv`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    assert.equal(csv.trimEnd().split('\r\n').length, after.length + 1);
    await killed(second.child);
  } finally {
    await remove();
  }
});

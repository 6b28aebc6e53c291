// The README's "minimal receiver", run as a reader would copy it, receiving from a page on another
// origin (another port): the browser's CORS preflight must be answered, the response stored once
// in responses.jsonl, and the survey must say "Sent". Real Chromium, real servers. Needs `npm run build`.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

const folder = mkdtempSync(join(tmpdir(), 'encounter-survey-readme-receiver-'));
let receiver: ChildProcess;
let pages: Server;
let browser: Browser;
let receiverUrl = '';
let pageUrl = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The code block that follows "A minimal receiver in plain Node" in the README. */
function readmeReceiver(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('A minimal receiver in plain Node'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README: no code block after "A minimal receiver in plain Node"');
  return code;
}

const page = (endpoint: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/encounter-survey.js"></script></head>
<body><encounter-survey endpoint="${endpoint}"><script type="application/json">
{ "id": "readme-receiver", "version": "1", "title": "Cross-origin",
  "questions": [{ "id": "heard", "type": "single", "label": "Did you feel heard?", "options": [{ "value": "yes", "label": "Yes" }] }] }
</script></encounter-survey></body></html>`;

async function waitFor(url: string) {
  for (let tries = 0; tries < 100; tries++) {
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}

before(async () => {
  const [receiverPort, pagePort] = [await freePort(), await freePort()];
  receiverUrl = `http://127.0.0.1:${receiverPort}`;
  pageUrl = `http://127.0.0.1:${pagePort}`;
  const code = readmeReceiver().replace("'https://www.example.org'", `'${pageUrl}'`).replace('.listen(8787)', `.listen(${receiverPort}, '127.0.0.1')`);
  writeFileSync(join(folder, 'receiver.mjs'), code);
  receiver = spawn(process.execPath, ['receiver.mjs'], { cwd: folder, stdio: 'inherit' });
  pages = createServer((request, response) => {
    const path = new URL(request.url ?? '/', pageUrl).pathname;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(page(`${receiverUrl}/responses`));
    try {
      const file = readFileSync(join('dist', 'cdn', path.replace(/^\/(encounter-survey[\w.-]*\.js)$/, '$1')));
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(file);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => pages.listen(pagePort, '127.0.0.1', resolve));
  await waitFor(receiverUrl);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  receiver?.kill('SIGTERM');
  await new Promise((resolve) => pages?.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

test("the README's minimal receiver takes a response from a page on another origin", { timeout: 60_000 }, async () => {
  const tab = await browser.newPage();
  await tab.goto(pageUrl);
  const survey = tab.locator('encounter-survey');
  await survey.getByRole('radio', { name: 'Yes' }).check();
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByRole('status').filter({ hasText: 'Your answers have been sent.' }).waitFor({ timeout: 30_000 });
  const stored = readFileSync(join(folder, 'responses.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(stored.length, 1, 'stored once');
  assert.deepEqual(stored[0].answers, { heard: 'yes' });
  await tab.close();
});

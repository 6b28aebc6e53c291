// Catalogue 47 with the one-file build, as a respondent lives it: the page (dist/cdn/encounter-survey.js
// and its chunks) loads online, the network drops a few seconds later, they answer and press Submit:
// the response is saved on the device, and delivered once when the network is back. Real Chromium
// (Playwright's offline switch: every request fails as with no network), a real HTTP server. Needs
// `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { receive, received } from './receiver.js';

const got = received();
const chunks: string[] = [];
let server: Server | undefined;
let origin = '';
let browser: Browser | undefined;

const config = {
  id: 'offline-after-load',
  version: '1',
  title: 'How was today?',
  questions: [{ id: 'support', type: 'support-types', label: 'Which kinds of support did you receive?', required: true }],
};
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Survey</title>
<script type="module" src="/encounter-survey.js"></script></head><body>
<encounter-survey endpoint="/responses" lang="en"><script type="application/json">${JSON.stringify(config)}</script></encounter-survey>
</body></html>`;

before(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (receive(request, response, got)) return;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (/^\/encounter-survey[\w.-]*\.js$/.test(path)) {
      chunks.push(path);
      let script: Buffer | undefined;
      try {
        script = readFileSync(join('dist', 'cdn', path));
      } catch {
        /* not built: 404 below */
      }
      if (script) return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server!.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

test('online at load, offline a few seconds later: Submit saves on the device, delivered once when back', { timeout: 120_000 }, async () => {
  const context = await browser!.newContext();
  const tab = await context.newPage();
  await tab.goto(`${origin}/`);
  const survey = tab.locator('encounter-survey');
  await survey.getByRole('checkbox', { name: 'Emotional support' }).waitFor();
  // The respondent reads for a few seconds without touching anything; then the signal is gone.
  await tab.waitForTimeout(3000);
  assert.ok(chunks.some((path) => path.includes('respond-chunk')), `the warm-up loaded what storing needs (loaded: ${chunks.join(', ')})`);
  await context.setOffline(true);
  await survey.getByRole('checkbox', { name: 'Emotional support' }).check();
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByText('Saved on this device. It will be sent automatically.').waitFor({ timeout: 15_000 });
  assert.equal(got.posts, 0, 'nothing reached the server while offline');

  await context.setOffline(false);
  for (let waited = 0; got.stored.size === 0 && waited < 60_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(got.stored.size, 1, 'the response was stored');
  assert.equal(got.posts, 1, 'sent once');
  await context.close();
});

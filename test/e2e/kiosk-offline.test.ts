// Offline cold start (issue 15), as a drop-in centre's tablet lives it: the kiosk page (demo/kiosk.html
// with the built dist/cdn/encounter-survey.js and dist/cdn/encounter-survey-sw.js) is loaded once online;
// then the network is gone and the browser restarts; the survey must still render, a response must
// wait on the device, and once the network is back it must be delivered exactly once. Real Chromium
// with a persistent profile (so the worker and its cache survive the restart), a real HTTP server
// that is really stopped. Needs `npm run build`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { receive, received } from './receiver.js';

const profile = mkdtempSync(join(tmpdir(), 'encounter-survey-kiosk-offline-'));
const got = received();
let port = 0;
let server: Server | undefined;

/** The kiosk demo, sending to this server instead of the demo collector. */
const kioskPage = () => readFileSync('demo/kiosk.html', 'utf8').replace('http://127.0.0.1:8787/responses', '/responses');

function startServer(): Promise<void> {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (receive(request, response, got)) return;
    // A kiosk page may be kept: `no-cache` (revalidate), never `no-store`, which the worker honours.
    const headers = { 'cache-control': 'no-cache' };
    if (path === '/kiosk.html') return void response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(kioskPage());
    if (/^\/encounter-survey[\w.-]*\.(js|json)$/.test(path)) {
      const type = extname(path) === '.json' ? 'application/json' : 'text/javascript';
      try {
        return void response.writeHead(200, { ...headers, 'content-type': type }).end(readFileSync(join('dist', 'cdn', path)));
      } catch {
        /* not built: 404 below */
      }
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server!.listen(port, '127.0.0.1', () => ((port = (server!.address() as { port: number }).port), resolve())));
}

const stopServer = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

const launch = () =>
  chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });

async function startSurvey(page: Page) {
  await page.goto(`http://127.0.0.1:${port}/kiosk.html`);
  const survey = page.locator('encounter-survey');
  await survey.getByRole('button', { name: 'Start' }).click();
  await survey.getByRole('checkbox', { name: 'Emotional support' }).check();
  await survey.getByRole('radio', { name: 'Yes' }).check();
  return survey;
}

let context: BrowserContext | undefined;

before(startServer);
after(async () => {
  await context?.close();
  await stopServer();
  rmSync(profile, { recursive: true, force: true });
});

test('the kiosk page starts with no network after one online visit, and its response is delivered once', { timeout: 120_000 }, async () => {
  // Online: the first visit registers the worker, which keeps the page, the library and its chunks.
  context = await launch();
  const first = await context.newPage();
  await first.goto(`http://127.0.0.1:${port}/kiosk.html`);
  await first.locator('encounter-survey').getByRole('button', { name: 'Start' }).waitFor();
  await first.evaluate(() => navigator.serviceWorker.ready);
  await context.close();

  // Airplane mode, and the browser restarts: nothing answers on the network.
  await stopServer();
  context = await launch();
  await context.setOffline(true);
  const page = await context.newPage();
  const survey = await startSurvey(page);
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByText('Saved on this device. It will be sent automatically.').waitFor();
  assert.equal(got.posts, 0, 'nothing reached the server while offline');

  // The network is back: the waiting response arrives once.
  await startServer();
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelector('encounter-survey') !== null); // the page is still open
  for (let waited = 0; got.stored.size === 0 && waited < 30_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(got.stored.size, 1, 'the response was stored');
  const [response] = got.stored.values() as IterableIterator<{ answers: Record<string, unknown> }>;
  assert.deepEqual(response.answers, { support: ['emotional'], heard: 'yes' });
  assert.equal(got.posts, 1, 'sent once: the worker neither kept nor replayed the POST');
});

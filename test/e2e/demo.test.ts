// End to end, as a newcomer would see it: `npm start` (collector on embedded PGlite + demo server),
// the website page's survey answered in real Chromium, the response delivered to the collector and
// counted in the public /summary's open period;
// then the offline switch: a response waits on the device and arrives once the collector is back.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import type { SurveySummary } from 'encounter-survey/core';

let start: ChildProcess;
let browser: Browser;
let demo: string;
let collector: string;
const dataDir = mkdtempSync(join(tmpdir(), 'encounter-survey-e2e-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

before(async () => {
  const [demoPort, collectorPort] = [await freePort(), await freePort()];
  demo = `http://127.0.0.1:${demoPort}`;
  collector = `http://127.0.0.1:${collectorPort}`;
  start = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      DEMO_PORT: String(demoPort),
      COLLECTOR_PORT: String(collectorPort),
      COLLECTOR_DATA_DIR: dataDir,
      DATABASE_URL: '', // the embedded default, as a fresh clone runs it
    },
    stdio: 'ignore',
  });
  await waitFor(`${collector}/health`, 180_000); // the first start creates the embedded database
  await waitFor(`${demo}/index.html`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGTERM');
    await exited; // the collector closes its database before the folder goes
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function summary(survey: string) {
  return (await (await fetch(`${collector}/summary?survey=${survey}`)).json()) as SurveySummary;
}

test('the website page submits to the collector, and /summary counts it', async () => {
  const page = await browser.newPage();
  // The demo pages point at the default collector port; send them to this run's collector.
  await page.route('http://127.0.0.1:8787/**', (route) => route.continue({ url: route.request().url().replace('http://127.0.0.1:8787', collector) }));
  await page.goto(`${demo}/website.html`);
  const survey = page.locator('encounter-survey');
  await survey.locator('input[value="emotional"]').check();
  await survey.locator('input[name="helpful"][value="4"]').check();
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByText('Your answers have been sent.').waitFor({ timeout: 15_000 });
  const result = await summary('website-demo');
  // Received today: in the open week, whose total alone shows (over the days that are over), "<11".
  assert.equal(result.open.total?.display, '<11');
  assert.equal(result.questions.find((question) => question.id === 'comment'), undefined, 'free text is never summarised');
  assert.deepEqual(await (await fetch(`${collector}/health`)).json(), { ok: true, storage: 'pglite' });
  await page.close();
});

test('with the collector offline a response waits on the device, then arrives', async () => {
  const page = await browser.newPage();
  await page.route('http://127.0.0.1:8787/**', (route) => route.continue({ url: route.request().url().replace('http://127.0.0.1:8787', collector) }));
  await page.goto(`${demo}/website.html`);
  await page.getByRole('button', { name: 'Collector offline' }).click();
  await page.getByText('Collector is answering 503.').waitFor();
  const survey = page.locator('encounter-survey');
  await survey.locator('input[value="social"]').check();
  await survey.locator('input[name="helpful"][value="5"]').check();
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByText('Saved on this device. It will be sent automatically.').waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Collector online' }).click();
  await survey.getByText('Your answers have been sent.').waitFor({ timeout: 30_000 });
  await page.close();
});

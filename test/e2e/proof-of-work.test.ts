// Proof of work end to end, in Chromium: the real collector (embedded PGlite) with a survey whose
// config asks for it, and the real widget (dist/cdn/encounter-survey.js) on a page of another origin.
// A POST without a solution is refused (428); the widget's own responses, sent online and after an
// offline spell, each land exactly once.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { parseSurveyConfig } from 'encounter-survey/core';
import { SurveyRegistry } from '../../collector/src/surveys.js';
import { exported, post, submission, withCollector, type TestCollector } from '../collector/helpers.js';

const surveyInput = (challengeUrl: string) => ({
  id: 'guarded-visit',
  version: 1,
  title: 'Guarded visit',
  timeBucket: 'day',
  delivery: { proofOfWork: { challengeUrl } },
  questions: [{ id: 'support', type: 'support-types', label: 'What did you get?', required: true }],
});

let collector: TestCollector;
let site: Server;
let page: string;
let browser: Browser;

before(async () => {
  // The page's origin must be known before the collector starts (CORS): listen first.
  site = createServer();
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  page = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  collector = await withCollector('pglite', {
    surveys: new SurveyRegistry([parseSurveyConfig(surveyInput('http://127.0.0.1/challenge'))]),
    allowedOrigins: [page],
    proofOfWork: { maxnumber: 20_000 },
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Proof of work</title>
    <script type="module" src="/encounter-survey.js"></script></head><body>
    <encounter-survey endpoint="${collector.url}/responses"><script type="application/json">${JSON.stringify(surveyInput(`${collector.url}/challenge`))}</script></encounter-survey>
    </body></html>`;
  site.on('request', async (req, res) => {
    const name = new URL(req.url!, page).pathname.slice(1);
    if (name === '') return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    if (!/^encounter-survey[\w.-]*\.js$/.test(name)) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(`dist/cdn/${name}`));
    } catch {
      res.writeHead(404).end();
    }
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await collector?.stop();
});

test('a POST without a valid solution is refused with 428, and nothing is stored', async () => {
  const res = await post(collector.url, submission({ survey: { id: 'guarded-visit', version: 1 }, answers: { support: ['emotional'] }, tags: {} }));
  assert.equal(res.status, 428);
  assert.equal(((await res.json()) as { error: string }).error, 'proof-of-work-required');
  assert.equal((await exported(collector.url, 'guarded-visit')).length, 0);
});

/** The survey's stored responses once there are `count` of them (the thank-you shows before delivery). */
async function stored(count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await exported(collector.url, 'guarded-visit');
    if (rows.length >= count || Date.now() > deadline) {
      assert.equal(rows.length, count);
      return rows;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test('the widget solves and delivers: online, then after an offline spell, each response once', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(page);
  const survey = tab.locator('encounter-survey');
  await survey.locator('input[value="emotional"]').check();
  await survey.getByRole('button', { name: 'Submit' }).click();
  await stored(1, 30_000);

  // Offline: neither a challenge nor a POST gets through; the response waits on the device.
  await tab.route(`${collector.url}/**`, (route) => route.abort('internetdisconnected'));
  await tab.reload();
  await survey.locator('input[value="social"]').check();
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByText('Saved on this device. It will be sent automatically.').waitFor({ timeout: 15_000 });
  await new Promise((resolve) => setTimeout(resolve, 3000)); // a retry or two while offline
  assert.equal((await exported(collector.url, 'guarded-visit')).length, 1, 'nothing got through while offline');
  await tab.unroute(`${collector.url}/**`);

  const rows = await stored(2, 90_000);
  assert.equal(new Set(rows.map((row) => row.id)).size, 2, 'each response stored once');
  assert.deepEqual(rows.map((row) => row.answers.support).sort(), [['emotional'], ['social']]);
  await context.close();
});

// The staff dashboard end to end, in Chromium, against the real collector (embedded PGlite) seeded
// with the demo's generated data (a fixed number of responses in each of three closed months, two sites): sign in,
// filter by site, see a suppressed cell, the print view's headline sentence, sign out → 401.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { closedPeriods } from 'encounter-survey/core';
import { DEMO_SURVEY, DEMO_VISITS_PER_MONTH, seedDemoData } from '../../collector/src/demo-data.js';
import { loadSurveys } from '../../collector/src/surveys.js';
import { TOKEN, withCollector, type TestCollector } from '../collector/helpers.js';

let collector: TestCollector;
let browser: Browser;
let page: Page;
let seeded = 0;
// One clock reading for the seeding and every assertion about months (the collector and the page keep
// the real clock; the seeding is relative to the closed months, so any day works).
const now = new Date();

before(async () => {
  const surveys = await loadSurveys('demo/surveys');
  collector = await withCollector('pglite', { surveys, rateLimit: false });
  seeded = await seedDemoData(collector.store, surveys, now);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await collector?.stop();
});

const dashboard = () => page.locator('survey-dashboard');
const summary = () => dashboard().locator('survey-summary');

test('seeded: the same number of responses in each of three closed months at two sites', async () => {
  const months = closedPeriods(now, { unit: 'month', count: 3 });
  const counts = await collector.store.counts({ surveyId: DEMO_SURVEY, receivedFrom: months[0]!.start, receivedBefore: months.at(-1)!.end });
  const perMonth = Object.values(DEMO_VISITS_PER_MONTH).reduce((sum, visits) => sum + visits, 0);
  assert.equal(counts.total, 3 * perMonth, `${counts.total} responses in the last three closed months (${seeded} seeded in all)`);
  for (const site of ['demo-north', 'demo-south']) assert.ok((await collector.store.total({ surveyId: DEMO_SURVEY, tags: { site } })).count > 0, site);
});

test('sign in with the staff token', async () => {
  const violations: string[] = [];
  page.on('console', (message) => /Content Security Policy|Refused to|Trusted ?Type/i.test(message.text()) && violations.push(message.text()));
  page.on('pageerror', (error) => violations.push(error.message));
  await page.goto(`${collector.url}/dashboard`);
  await dashboard().getByLabel('Staff token').fill(TOKEN);
  await dashboard().getByRole('button', { name: 'Sign in' }).click();
  await dashboard().getByRole('heading', { name: 'Survey dashboard' }).waitFor();
  await summary().getByText('Did you feel heard?').first().waitFor();
  assert.deepEqual(violations, [], 'no script errors and no CSP or Trusted Types violations (the page runs under a strict CSP)');
  const cookies = await page.context().cookies();
  assert.equal(cookies.find((cookie) => cookie.name === 'es-staff')?.httpOnly, true);
});

test('filter by site: the smaller site shows a suppressed cell as "<11"', async () => {
  await dashboard().locator('select[name="survey"]').selectOption(DEMO_SURVEY);
  await dashboard().getByRole('button', { name: 'Show', exact: true }).click();
  await dashboard().locator('select[name="tag.site"]').selectOption('demo-south');
  await dashboard().getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForFunction(() => {
    const el = document.querySelector('survey-dashboard')!.shadowRoot!.querySelector('survey-summary') as HTMLElement & { summary?: { filters: { tags?: Record<string, string> } } };
    return el?.summary?.filters.tags?.site === 'demo-south';
  });
  const heard = summary().locator('figure', { hasText: 'Did you feel heard?' });
  const values = await heard.locator('[part="value"]').allTextContents();
  assert.ok(values.some((value) => value.trim() === '<11'), `a suppressed cell among ${values.join(', ')}`);
  assert.match(await heard.locator('[part="chart"]').getAttribute('aria-label') ?? '', /fewer than 11/);
});

test('the monthly report in print view: the headline sentence for the month', async () => {
  const months = closedPeriods(now, { unit: 'month', count: 1 });
  const month = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${months[0]!.start}T00:00:00Z`));
  await dashboard().locator('select[name="month"]').selectOption(months[0]!.start);
  await dashboard().getByRole('button', { name: 'Open the report' }).click();
  await page.emulateMedia({ media: 'print' });
  const headline = dashboard().locator('.page', { hasText: 'DEMO DATA' }).locator('.headline').first();
  await headline.waitFor();
  assert.match(await headline.textContent() ?? '', new RegExp(`^In ${month}, \\d+% of responses included emotional support and \\d+% .+ \\(n = \\d+\\)\\.$`));
  assert.equal(await dashboard().getByRole('button', { name: 'Print' }).isVisible(), false, 'print hides the buttons');
  await page.emulateMedia({ media: 'screen' });
  await dashboard().getByRole('button', { name: 'Back to the dashboard' }).click();
});

test('sign out: the session cookie no longer opens the staff API (401)', async () => {
  await dashboard().getByRole('button', { name: 'Sign out' }).click();
  await dashboard().getByText('You are signed out.').waitFor();
  const res = await page.request.get(`${collector.url}/staff/session`);
  assert.equal(res.status(), 401);
  assert.equal((await page.request.get(`${collector.url}/export.csv?survey=${DEMO_SURVEY}`)).status(), 401);
});

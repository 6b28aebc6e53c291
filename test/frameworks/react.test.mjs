// A React 19 app built with vite against the packed package: server-rendered with
// encounter-survey/react, hydrated with hydrateRoot, driven in Chromium; and a client-only page
// using React's own custom-element JSX.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appsDir, assertInstalled, buildApp } from './support/apps.mjs';
import { startAppServer } from './support/app-server.mjs';
import { launchChromium, openPage } from './support/chromium.mjs';
import { answerHeard, showsAppSurvey, submitSurvey, surveyTitle, tickSupport } from './support/survey-steps.mjs';

const app = join(appsDir, 'react');
let browser;
let render;

before(async () => {
  assertInstalled();
  await buildApp('react');
  await buildApp('react', '--ssr', 'src/entry-server.tsx');
  // Importing the server bundle runs encounter-survey/react in Node: it must not throw.
  ({ render } = await import(join(app, 'dist', 'server', 'entry-server.js')));
  browser = await launchChromium();
});
after(() => browser?.close());

/** Serves the server-rendered page, opens it, runs `steps`, and closes both. */
async function withSsrApp(steps) {
  const server = await startAppServer({ root: join(app, 'dist', 'client'), render });
  const { page, errors } = await openPage(browser, server.url);
  try {
    await steps({ server, page, errors });
  } finally {
    await page.close();
    await server.close();
  }
}

test('the server renders the tags; Node imports encounter-survey/react without a DOM', () => {
  const html = render();
  assert.match(html, /<encounter-survey[^>]*><\/encounter-survey>/);
  assert.match(html, /<support-type-selector[^>]*><\/support-type-selector>/);
});

test('after hydrateRoot the config is applied and the typed handlers run', () =>
  withSsrApp(async ({ page, server, errors }) => {
  await showsAppSurvey(page);
  await answerHeard(page);
  await submitSurvey(page);
  await page.getByText(/^Delivered: [0-9a-f-]{36}$/).waitFor();
  const submitted = (await page.getByText(/^Submitted: /).textContent()).replace('Submitted: ', '');
  const delivered = (await page.getByText(/^Delivered: /).textContent()).replace('Delivered: ', '');
  assert.equal(delivered, submitted, 'survey-submit and survey-delivered reached the app for the same response');
  assert.deepEqual([...server.responses.keys()], [submitted], 'the receiver stored that response once');
  assert.deepEqual(server.responses.get(submitted).answers, { heard: 'yes' });
  assert.deepEqual(errors, [], 'no hydration or console errors');
}));

test('the selector puts the ticked types in the form\'s FormData', () =>
  withSsrApp(async ({ page }) => {
    await tickSupport(page, 'Emotional support', 'Practical help');
    await page.getByRole('button', { name: 'Save support' }).click();
    await page.getByText('Support: emotional, practical').waitFor();
  }));

test('a new config with a new title keeps the answer given', () =>
  withSsrApp(async ({ page }) => {
  await showsAppSurvey(page);
  await answerHeard(page);
  await page.getByRole('button', { name: 'Rename survey' }).click();
  await showsAppSurvey(page, 'Renamed by the app');
  assert.equal(await page.locator('encounter-survey').getByRole('radio', { name: 'Yes' }).isChecked(), true);
}));

test('React\'s own custom-element JSX: config as a property, onsurvey-submit as a listener', async () => {
  const server = await startAppServer({ root: join(app, 'dist', 'client') });
  const { page, errors } = await openPage(browser, `${server.url}/native.html`);
  try {
    await showsAppSurvey(page);
    await answerHeard(page);
    await page.getByRole('button', { name: 'Rename survey' }).click();
    await surveyTitle(page).getByText('Renamed by the app').waitFor();
    assert.equal(await page.locator('encounter-survey').getByRole('radio', { name: 'Yes' }).isChecked(), true);
    await submitSurvey(page);
    await page.getByText(/^Submitted: [0-9a-f-]{36}$/).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server.close();
  }
});

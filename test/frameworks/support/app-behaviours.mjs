// The behaviours every framework app must show, written once and run against each built app: the
// survey takes the app's config as a property, its typed events reach the app's handlers, the
// selector's values reach the form's FormData, and a renamed config keeps the answers given.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startAppServer } from './app-server.mjs';
import { appsDir, assertInstalled, buildApp } from './apps.mjs';
import { launchChromium, openPage } from './chromium.mjs';

const survey = (page) => page.locator('encounter-survey');

export async function showsAppSurvey(page, title = 'Framework app survey') {
  await survey(page).locator('[part~="title"]').getByText(title, { exact: true }).waitFor();
}

export const answerHeard = (page) => survey(page).getByRole('radio', { name: 'Yes' }).check();
export const heardIsAnswered = (page) => survey(page).getByRole('radio', { name: 'Yes' }).isChecked();
export const submitSurvey = (page) => survey(page).getByRole('button', { name: 'Submit' }).click();

/** What the app printed after a label ("Submitted: <id>"), once it shows a response id. */
export async function shownId(page, label) {
  const line = page.getByText(new RegExp(`^${label}: [0-9a-f-]{36}$`));
  await line.waitFor();
  return (await line.textContent()).slice(label.length + 2);
}

/** Serves the built app, opens `path`, runs `steps`, and closes both. */
export async function withApp({ root, browser, render, path = '/' }, steps) {
  const server = await startAppServer({ root, render });
  const { page, errors } = await openPage(browser, `${server.url}${path}`);
  try {
    await steps({ server, page, errors });
  } finally {
    await page.close();
    await server.close();
  }
}

/**
 * @param {typeof import('node:test').test} test
 * @param {{ root: string, browser: () => import('playwright-core').Browser, render?: () => string, path?: string }} app
 */
export function appBehaviours(test, app) {
  const open = (steps) => withApp({ ...app, browser: app.browser() }, steps);

  test('the config set as a property shows, and the typed handlers run for one stored response', () =>
    open(async ({ page, server, errors }) => {
      await showsAppSurvey(page);
      await answerHeard(page);
      await submitSurvey(page);
      const delivered = await shownId(page, 'Delivered');
      assert.equal(await shownId(page, 'Submitted'), delivered, 'survey-submit and survey-delivered reached the app for one response');
      assert.deepEqual([...server.responses.keys()], [delivered], 'the receiver stored it once');
      assert.equal(server.posts, 1, 'one request for one Submit');
      assert.deepEqual(server.responses.get(delivered).answers, { heard: 'yes' });
      assert.deepEqual(errors, [], 'no console errors');
    }));

  test("the selector's ticked types are in the form's FormData", () =>
    open(async ({ page }) => {
      const selector = page.locator('support-type-selector');
      await selector.getByRole('checkbox', { name: 'Emotional support' }).check();
      await selector.getByRole('checkbox', { name: 'Practical help' }).check();
      await page.getByRole('button', { name: 'Save support' }).click();
      await page.getByText('Support: emotional, practical').waitFor();
    }));

  test('the app renaming its survey keeps the answer given', () =>
    open(async ({ page }) => {
      await showsAppSurvey(page);
      await answerHeard(page);
      await page.getByRole('button', { name: 'Rename survey' }).click();
      await showsAppSurvey(page, 'Renamed by the app');
      assert.equal(await heardIsAnswered(page), true);
    }));
}

/** Builds the app in test/frameworks/apps/<app> with vite and runs every behaviour against it in Chromium. */
export function builtAppBehaviours(app) {
  let browser;
  before(async () => {
    assertInstalled();
    await buildApp(app);
    browser = await launchChromium();
  });
  after(() => browser?.close());
  appBehaviours(test, { root: join(appsDir, app, 'dist'), browser: () => browser });
}

// A React 19 app built with vite against the packed package: rendered on the server with
// encounter-survey/react and hydrated with hydrateRoot, driven in Chromium; and a client-only page
// with React's own custom-element JSX.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appsDir, assertInstalled, buildApp } from './support/apps.mjs';
import { launchChromium } from './support/chromium.mjs';
import { answerHeard, appBehaviours, heardIsAnswered, showsAppSurvey, shownId, submitSurvey, withApp } from './support/app-behaviours.mjs';

const app = join(appsDir, 'react');
let browser;
let render;

before(async () => {
  assertInstalled();
  await buildApp('react');
  await buildApp('react', '--ssr', 'src/entry-server.tsx');
  // Importing the server bundle runs encounter-survey/react in Node, with no DOM.
  ({ render } = await import(join(app, 'dist', 'server', 'entry-server.js')));
  browser = await launchChromium();
});
after(() => browser?.close());

test('the server renders the tags', () => {
  const html = render();
  assert.match(html, /<encounter-survey[^>]*><\/encounter-survey>/);
  assert.match(html, /<support-type-selector[^>]*><\/support-type-selector>/);
});

// Everything below runs on the server-rendered page after hydrateRoot.
appBehaviours(test, { root: join(app, 'dist', 'client'), browser: () => browser, render: () => render() });

test("React's own custom-element JSX: config as a property, onsurvey-submit as a listener", () =>
  withApp({ root: join(app, 'dist', 'client'), browser, path: '/native.html' }, async ({ page, errors }) => {
    await showsAppSurvey(page);
    await answerHeard(page);
    await page.getByRole('button', { name: 'Rename survey' }).click();
    await showsAppSurvey(page, 'Renamed by the app');
    assert.equal(await heardIsAnswered(page), true);
    await submitSurvey(page);
    await shownId(page, 'Submitted');
    assert.deepEqual(errors, []);
  }));

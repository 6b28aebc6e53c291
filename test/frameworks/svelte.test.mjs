// A Svelte 5 app built with vite against the packed package, driven in Chromium: `$state` changed in
// place and passed as `$state.snapshot(config)`, `onsurvey-submit` handlers, the selector in a form.
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appsDir, assertInstalled, buildApp } from './support/apps.mjs';
import { launchChromium } from './support/chromium.mjs';
import { appBehaviours } from './support/app-behaviours.mjs';

let browser;
before(async () => {
  assertInstalled();
  await buildApp('svelte');
  browser = await launchChromium();
});
after(() => browser?.close());

appBehaviours(test, { root: join(appsDir, 'svelte', 'dist'), browser: () => browser });

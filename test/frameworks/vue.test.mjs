// A Vue 3 app built with vite against the packed package, driven in Chromium: a reactive config
// changed in place and passed as a snapshot (JSON text), `@survey-submit` handlers, the selector in a form.
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appsDir, assertInstalled, buildApp } from './support/apps.mjs';
import { launchChromium } from './support/chromium.mjs';
import { appBehaviours } from './support/app-behaviours.mjs';

let browser;
before(async () => {
  assertInstalled();
  await buildApp('vue');
  browser = await launchChromium();
});
after(() => browser?.close());

appBehaviours(test, { root: join(appsDir, 'vue', 'dist'), browser: () => browser });

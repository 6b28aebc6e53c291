// Runs every test/**/*.test.ts in real Chromium, Firefox and WebKit from Debian's packages.
// BROWSERS=chromium (or "chromium,firefox") narrows the run for a fast local loop.
// scripts/test.mjs installs the browsers and starts Xvfb + WebKitWebDriver for WebKit.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { staffApiFixture } from './test/dashboard/staff-api-fixture.mjs';
import { forwardingFixture } from './test/dashboard/forwarding-fixture.mjs';
import { receiversMiddleware } from './test/support/receivers.mjs';
import { testCollectorMiddleware } from './test/support/test-collector.mjs';
import { unavailableFilesMiddleware } from './test/support/unavailable-files.mjs';

const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

const launchers = {
  chromium: () =>
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  firefox: () =>
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
      },
    }),
  webkit: () =>
    named('WebKit', webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_DRIVER_PORT ?? 4444),
      path: '/',
      capabilities: {
        'webkitgtk:browserOptions': {
          binary: process.env.WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
    })),
};

/** The WebDriver launcher labels a browser from capabilities MiniBrowser refuses; name it ourselves. */
function named(name, launcher) {
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (config) => {
    await initialize(config);
    launcher.name = name;
  };
  return launcher;
}

for (const name of wanted) {
  if (!launchers[name]) throw new Error(`BROWSERS: unknown browser "${name}" (use chromium, firefox, webkit)`);
}

export default {
  // test/collector holds node tests (run by scripts/test.mjs with node's test runner).
  // TEST_FILE_LIST (comma-separated paths) is how scripts/test.mjs runs WebKit in batches.
  files: process.env.TEST_FILE_LIST
    ? process.env.TEST_FILE_LIST.split(',')
    : process.env.TEST_FILES
      ? [process.env.TEST_FILES]
      : ['test/**/*.test.ts', '!test/collector/**', '!test/e2e/**', '!test/frameworks/**'],
  nodeResolve: { exportConditions: ['browser'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    // Screenshots compared with the committed baselines in test/visual/screenshots (Chromium only):
    // `npm run test:update-screenshots` accepts intended changes; look at them before committing.
    visualRegressionPlugin({
      update: process.env.UPDATE_SCREENSHOTS === '1',
      baseDir: 'test/visual/screenshots',
      diffOptions: { threshold: 0.1 },
      failureThreshold: 0.5,
      failureThresholdType: 'percent',
      getBaselineName: ({ name }) => `baseline/${name}`,
      getDiffName: ({ name }) => `failed/${name}-diff`,
      getFailedName: ({ name }) => `failed/${name}`,
    }),
  ],
  middleware: [
    // First, so a test can take the receiver offline too, not only the page's files.
    unavailableFilesMiddleware(),
    testCollectorMiddleware(),
    // Stand-ins for Apps Script, a form backend, a catch hook and PostgREST (delivery profiles).
    receiversMiddleware(),
    // The dashboard's staff API, scripted (test/dashboard).
    staffApiFixture(),
    forwardingFixture(),
    // The strict-CSP page the security test loads in an iframe (catalogue scenario 23).
    async (ctx, next) => {
      await next();
      if (ctx.path.startsWith('/test/security/csp/')) {
        ctx.set('Content-Security-Policy', "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'");
      }
    },
  ],
  browsers: wanted.map((name) => launchers[name]()),
  // One engine at a time, one test file at a time: on 2 cores three engines at once starved each other
  // during the 1,000-response load test (runs ended early with no report). Slower, but every timing
  // in the suite then means what it says.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
};

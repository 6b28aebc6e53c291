// `npm test`: everything a fresh machine needs, in order, failing fast:
// browsers and PostgreSQL (apt-get when root) → type check → build + size budget → node tests
// (the collector against a throwaway PostgreSQL server and PGlite, the demo end to end) → Node
// imports of every entry and the framework apps (scripts/test-frameworks.mjs) → the browser suite
// in Chromium, Firefox and WebKit. `--browsers-only` skips to the last step;
// `--node-only` stops after the node tests. BROWSERS=chromium narrows the engines;
// TEST_FILES='test/core/**/*.test.ts' narrows the browser files; NODE_TEST_FILES='test/collector/x.test.ts'
// narrows the node ones.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowsers, selectedEngines, startWebKitDriver } from './browsers.mjs';
import { ensurePostgres, startPostgres } from './postgres.mjs';

const browsersOnly = process.argv.includes('--browsers-only');
const nodeOnly = process.argv.includes('--node-only');

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    console.log(`\n$ ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

function nodeTestFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return nodeTestFiles(path);
    return /\.test\.m?[jt]s$/.test(name) ? [path] : [];
  });
}

const bin = (name) => join('node_modules', '.bin', name);
const WEBKIT_BATCH = 20;

// The browser suite's files (web-test-runner.config.mjs's default set): every .test.ts under test/ but the node folders.
function browserTestFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['collector', 'e2e', 'frameworks'].includes(name) && dir === 'test' ? [] : browserTestFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}
// Everything this script starts (PostgreSQL, Xvfb, WebKitWebDriver) is stopped here, by its own handle.
const cleanUps = new Set();
const cleanUp = () => {
  for (const stop of cleanUps) stop();
  cleanUps.clear();
};
process.on('exit', cleanUp);
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanUp();
  process.exit(143);
});
const engines = selectedEngines();
// The node step's demo test drives Chromium; the browser step needs every selected engine.
ensureBrowsers(nodeOnly ? ['chromium'] : browsersOnly ? engines : [...new Set([...engines, 'chromium'])]);
if (!browsersOnly) ensurePostgres();

if (!browsersOnly) {
  await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  await run(bin('tsc'), ['--noEmit', '-p', 'collector/tsconfig.json']);
  await run(bin('tsc'), ['--noEmit', '-p', 'src/sw/tsconfig.json']);
  await run('node', ['scripts/build.mjs']);
  await run('node', ['scripts/size-check.mjs']);
  // Node-side tests: the collector on both engines, and the demo end to end (npm start + Chromium).
  const serverTests = process.env.NODE_TEST_FILES
    ? process.env.NODE_TEST_FILES.split(',')
    : [...nodeTestFiles('test/collector'), ...nodeTestFiles('test/e2e')];
  const postgres = await startPostgres();
  cleanUps.add(postgres.stop);
  try {
    // Two files at a time: much of their time is processes starting and PGlite opening, not CPU.
    await run('node', ['--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=2', ...serverTests], {
      DATABASE_URL: postgres.url,
    });
  } finally {
    postgres.stop();
    cleanUps.delete(postgres.stop);
  }
  // Every package entry imported in Node (a server rendering a page), then the package as React, Vue
  // and Svelte apps get it: packed, installed, built, type-checked and driven in Chromium.
  if (!process.env.NODE_TEST_FILES) {
    await run('node', ['--test', ...nodeTestFiles('test/node')]);
    await run('node', ['scripts/test-frameworks.mjs']);
  }
}
if (nodeOnly) process.exit(0);

let webkit;
try {
  if (engines.includes('webkit')) {
    webkit = await startWebKitDriver();
    cleanUps.add(webkit.stop);
  }
  const wtr = (env) => run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], { ...(webkit?.env ?? {}), ...env });
  const others = engines.filter((engine) => engine !== 'webkit');
  if (!engines.includes('webkit') || process.env.TEST_FILES) await wtr({});
  else {
    if (others.length) await wtr({ BROWSERS: others.join(',') });
    // WebKit in batches, each in a browser of its own: after some forty files in one WebKitGTK
    // session its IndexedDB stops answering within the outbox's 3 s timeout (seen in CI, 2026-12-04),
    // while each of those files passes alone.
    const files = browserTestFiles('test').sort();
    for (let start = 0; start < files.length; start += WEBKIT_BATCH) {
      await wtr({ BROWSERS: 'webkit', TEST_FILE_LIST: files.slice(start, start + WEBKIT_BATCH).join(',') });
    }
  }
} catch (error) {
  console.error(`\n${error.message}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}

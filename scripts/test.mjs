// `npm test`: everything a fresh machine needs, in order, failing fast:
// browsers (apt-get when root) → type check → build + size budget → node tests (collector, e2e) →
// Node imports and the framework apps (scripts/test-frameworks.mjs) → the browser suite in Chromium,
// Firefox and WebKit. `--browsers-only` skips to the last step.
// BROWSERS=chromium narrows the engines; TEST_FILES='test/core/**/*.test.ts' narrows the files.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowsers, selectedEngines, startWebKitDriver } from './browsers.mjs';

const browsersOnly = process.argv.includes('--browsers-only');

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
const engines = selectedEngines();
ensureBrowsers(engines);

if (!browsersOnly) {
  await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  await run(bin('tsc'), ['--noEmit', '-p', 'collector/tsconfig.json']);
  await run(bin('tsc'), ['--noEmit', '-p', 'src/sw/tsconfig.json']);
  await run('node', ['scripts/build.mjs']);
  await run('node', ['scripts/size-check.mjs']);
  // Node-side tests: the collector, and the demo end to end (npm start + Chromium).
  const serverTests = [...nodeTestFiles('test/collector'), ...nodeTestFiles('test/e2e')];
  if (serverTests.length > 0) await run('node', ['--import', 'tsx', '--test', ...serverTests]);
  // Every package entry imported in Node (a server rendering a page), then the package as a React,
  // Vue and Svelte app gets it: packed, installed, built, typed and driven in Chromium.
  await run('node', ['--test', ...nodeTestFiles('test/node')]);
  await run('node', ['scripts/test-frameworks.mjs']);
}

let webkit;
const cleanUp = () => webkit?.stop();
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanUp();
  process.exit(143);
});
try {
  if (engines.includes('webkit')) webkit = await startWebKitDriver();
  await run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], webkit?.env ?? {});
} catch (error) {
  console.error(`\n${error.message}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}

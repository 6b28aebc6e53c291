// `npm run test:frameworks` (and a step of `npm test`): the package as a React, Vue or Svelte
// developer gets it. Packs dist/ with `npm pack` (run `npm run build` first), installs the tarball
// into test/frameworks/apps (pinned React 19, Vue 3, Svelte 5, vite, TypeScript 5.5/6/7, from the npm
// registry through npm's cache), then runs test/frameworks/*.test.mjs: the apps built with vite and
// driven in Chromium, and the typings checks.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const apps = join('test', 'frameworks', 'apps');
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    console.log(`\n$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

try {
  if (!existsSync(join('dist', 'custom-elements.json'))) throw new Error('dist/ is not built: run `npm run build` first.');
  let since = Date.now();
  const packed = mkdtempSync(join(tmpdir(), 'encounter-survey-pack-'));
  await run('npm', ['pack', '--silent', '--pack-destination', packed]);
  const [tarball] = readdirSync(packed);
  console.log(`packed ${tarball}: ${(statSync(join(packed, tarball)).size / 1024).toFixed(1)} KiB (${seconds(since)})`);
  copyFileSync(join(packed, tarball), join(apps, 'encounter-survey.tgz'));
  rmSync(packed, { recursive: true, force: true });

  since = Date.now();
  // A fresh copy of the package every time; the framework packages stay installed between runs.
  rmSync(join(apps, 'node_modules', 'encounter-survey'), { recursive: true, force: true });
  await run('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'error'], { cwd: apps });
  console.log(`installed the apps' packages (${seconds(since)})`);

  const tests = readdirSync(join('test', 'frameworks')).filter((name) => name.endsWith('.test.mjs')).map((name) => join('test', 'frameworks', name));
  since = Date.now();
  await run(process.execPath, ['--test', '--test-concurrency=1', ...tests]);
  console.log(`framework tests: ${seconds(since)}; the whole step: ${seconds(started)}`);
} catch (error) {
  console.error(`\n${error.message}`);
  process.exitCode = 1;
}

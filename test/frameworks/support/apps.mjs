// The framework apps under test/frameworks/apps, installed from the packed tarball by
// scripts/test-frameworks.mjs. Helpers to build them and run their tools.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const appsDir = join(import.meta.dirname, '..', 'apps');

export function assertInstalled() {
  if (!existsSync(join(appsDir, 'node_modules', 'encounter-survey', 'package.json'))) {
    throw new Error('The framework apps are not installed: run `node scripts/test-frameworks.mjs` (it packs the package and installs it).');
  }
}

/** Runs a tool of the apps' node_modules; resolves with its exit code and output (stdout + stderr). */
export function runTool(tool, args, { cwd = appsDir } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(appsDir, 'node_modules', tool), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** `vite build` for one app; throws with vite's output when the build fails. */
export async function buildApp(app, ...args) {
  const { code, output } = await runTool('vite/bin/vite.js', ['build', ...args], { cwd: join(appsDir, app) });
  if (code !== 0) throw new Error(`vite build of ${app} failed:\n${output}`);
}

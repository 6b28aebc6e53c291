// The release check: what a newcomer gets from the two tarballs, with nothing from this repository.
// Packs both packages (`npm pack`, as RELEASING.md publishes them), installs the tarballs into an empty
// temporary folder (from npm's cache where it can: --prefer-offline), starts the installed collector
// with `npx encounter-survey-collector` on PGlite, serves the packed widget's static bundle
// (dist/cdn/, "upload this folder") to a page on another origin, answers the survey in Chromium and
// reads the response back from the collector's export. Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { expectedFiles, zipNames } from '../../scripts/cdn-bundle.mjs';
import { dockerfileStages, instruction } from './support/deploy-files.mjs';

const exec = promisify(execFile);
const repo = new URL('../..', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'encounter-survey-release-'));
const app = join(folder, 'app');
// A token as `openssl rand -base64 32` makes one (letters, digits, + / =): the README's advice.
const token = randomBytes(32).toString('base64');
const survey = {
  id: 'release-check',
  version: '1',
  title: 'Release check',
  questions: [{ id: 'heard', type: 'single', label: 'Did you feel heard?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }],
};
let tarballs = {};
let collector;
let collectorOutput = '';
let collectorUrl = '';
let pages;
let pageUrl = '';
let browser;

// A bound on each npm command: a collector that depended on `file:..` made `npm install` loop for
// minutes (its tree builder re-placing the same packages), and that must fail here, not hang.
const npm = (args, cwd) =>
  exec('npm', [...args, '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 300_000, killSignal: 'SIGKILL' });

/** Starts the installed collector as the README says; resolves once it prints its URL. */
function startCollector() {
  collector = spawn('npx', ['--no-install', 'encounter-survey-collector'], {
    cwd: app,
    env: {
      ...process.env,
      DATABASE_URL: '',
      COLLECTOR_STAFF_TOKEN: token,
      COLLECTOR_SURVEYS: join(app, 'surveys'),
      COLLECTOR_ORIGINS: pageUrl,
      COLLECTOR_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npx runs the collector as a child, and the whole group is stopped after.
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the collector did not start within 120 s:\n${collectorOutput}`)), 120_000);
    const onData = (chunk) => {
      collectorOutput += chunk;
      const match = /collector listening on (\S+)/.exec(collectorOutput);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    collector.stdout.on('data', onData);
    collector.stderr.on('data', onData);
    collector.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the collector exited (${code}):\n${collectorOutput}`));
    });
  });
}

const types = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.html': 'text/html' };

/** A plain static host for the installed package's dist/cdn/ folder, on its own origin. */
function servePages(cdn) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/encounter-survey/encounter-survey.js"></script></head>
<body><encounter-survey endpoint="${collectorUrl}/responses"><script type="application/json">${JSON.stringify(survey)}</script></encounter-survey></body></html>`;
      return void response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
    const file = normalize(path).replace(/^\/encounter-survey\//, '');
    if (file.includes('/') || !existsSync(join(cdn, file))) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(join(cdn, file)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  for (const built of ['dist/custom-elements.json', 'collector/dist/main.js']) {
    if (!existsSync(join(repo, built))) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  const packed = join(folder, 'packed');
  mkdirSync(packed);
  await npm(['pack', '--silent', '--workspaces', '--include-workspace-root', '--pack-destination', packed], repo);
  for (const name of readdirSync(packed)) tarballs[name.startsWith('encounter-survey-collector-') ? 'collector' : 'widget'] = join(packed, name);
  mkdirSync(join(app, 'surveys'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'release-check', private: true }));
  writeFileSync(join(app, 'surveys', 'release-check.json'), JSON.stringify(survey));
  await npm(['install', '--prefer-offline', '--no-package-lock', tarballs.widget, tarballs.collector], app);
  // The page's origin must be known before the collector starts (COLLECTOR_ORIGINS).
  pages = await servePages(join(app, 'node_modules', 'encounter-survey', 'dist', 'cdn'));
  pageUrl = `http://127.0.0.1:${pages.address().port}`;
  collectorUrl = await startCollector();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  if (collector?.exitCode === null) {
    const exited = new Promise((resolve) => collector.once('exit', resolve));
    process.kill(-collector.pid, 'SIGTERM');
    await exited;
  }
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve()));
  rmSync(folder, { recursive: true, force: true });
});

test('the collector tarball depends on encounter-survey by a version the widget tarball has', async () => {
  const manifest = async (tarball) => JSON.parse((await exec('tar', ['-xOzf', tarball, 'package/package.json'])).stdout);
  const [widget, collectorPackage] = [await manifest(tarballs.widget), await manifest(tarballs.collector)];
  const range = collectorPackage.dependencies['encounter-survey'];
  assert.match(range, /^\^?\d+\.\d+\.\d+$/, `a version range, not a path (got "${range}")`);
  assert.equal(range.replace('^', ''), widget.version, 'the range starts at the packed version');
  assert.deepEqual(widget.engines, collectorPackage.engines, 'both packages state the same Node version');
});

test('each tarball carries the licence its package.json names', async () => {
  for (const tarball of Object.values(tarballs)) {
    const licence = (await exec('tar', ['-xOzf', tarball, 'package/LICENSE'])).stdout;
    assert.match(licence, /^MIT License/, `${tarball} has an MIT LICENSE file`);
  }
});

test('installed from the tarballs alone, nothing points back into this repository', () => {
  const installed = join(app, 'node_modules', 'encounter-survey');
  assert.ok(!readFileSync(join(app, 'node_modules', 'encounter-survey-collector', 'package.json'), 'utf8').includes('file:'));
  assert.ok(existsSync(join(installed, 'dist', 'index.js')), 'the npm modules');
  assert.ok(existsSync(join(app, 'node_modules', '.bin', 'encounter-survey-collector')), 'the bin');
  assert.ok(!existsSync(join(installed, 'src')) && !existsSync(join(installed, 'collector')), 'no sources, no collector inside the widget');
});

test('dist/cdn/ holds exactly the one-file build, its chunks and the worker; the zip holds the same', () => {
  const installed = join(app, 'node_modules', 'encounter-survey', 'dist', 'cdn');
  const expected = expectedFiles(installed);
  assert.deepEqual(readdirSync(installed).sort(), expected, 'the packed folder');
  assert.ok(expected.includes('encounter-survey.js') && expected.includes('encounter-survey-sw.js'));
  const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const names = zipNames(readFileSync(join(repo, 'dist', `encounter-survey-cdn-${version}.zip`)));
  assert.deepEqual(names.sort(), expected.map((file) => `encounter-survey/${file}`));
  const widget = JSON.parse(readFileSync(join(app, 'node_modules', 'encounter-survey', 'package.json'), 'utf8'));
  for (const field of ['unpkg', 'jsdelivr']) assert.ok(existsSync(join(installed, '..', '..', widget[field])), `${field}: ${widget[field]}`);
});

test('the first start says where the data lives and where pages and staff go', () => {
  assert.match(collectorOutput, new RegExp(`first start: creating the embedded database in ${join(app, '.collector-data')}`));
  assert.ok(collectorOutput.includes(`${collectorUrl}/responses`), collectorOutput);
  assert.ok(collectorOutput.includes(`${collectorUrl}/dashboard`), collectorOutput);
  assert.ok(existsSync(join(app, '.collector-data')), 'the data folder is where it said');
});

test('a response from the packed widget on a static page is stored once and comes back in the export', { timeout: 90_000 }, async () => {
  const tab = await browser.newPage();
  const missing = [];
  tab.on('response', (response) => response.status() === 404 && missing.push(response.url()));
  await tab.goto(pageUrl);
  const form = tab.locator('encounter-survey');
  await form.getByRole('radio', { name: 'Yes' }).check();
  await form.getByRole('button', { name: 'Submit' }).click();
  await form.getByRole('status').filter({ hasText: 'Your answers have been sent.' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(missing, [], 'every file the page asked for is in dist/cdn/');
  await tab.close();

  const response = await fetch(`${collectorUrl}/export.json?survey=${survey.id}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  const rows = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(rows.length, 1, 'stored once');
  assert.deepEqual(rows[0].answers, { heard: 'yes' });
});

test('the installed collector serves the staff dashboard from the installed widget', async () => {
  const page = await fetch(`${collectorUrl}/dashboard`);
  assert.equal(page.status, 200);
  const script = await fetch(`${collectorUrl}/dashboard/encounter-survey.js`);
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
});

test("the container image's start and health-check commands work on the installed collector", async () => {
  const runtime = dockerfileStages().at(-1);
  const [program, script] = instruction(runtime, 'CMD');
  assert.equal(program, 'node');
  // npx ran the package's bin: the very file the image's CMD names, from the image's WORKDIR (/app here is `app`).
  assert.equal(realpathSync(join(app, 'node_modules', '.bin', 'encounter-survey-collector')), realpathSync(join(app, script)));
  const [node, flag, code] = instruction(runtime, 'HEALTHCHECK').command;
  const health = (port) => exec(node === 'node' ? process.execPath : node, [flag, code], { env: { ...process.env, COLLECTOR_PORT: port } }).then(() => 0, (error) => error.code);
  assert.equal(await health(new URL(collectorUrl).port), 0, 'healthy while the collector answers');
  assert.equal(await health(String(pages.address().port)), 1, 'unhealthy where /health does not answer 200');
});

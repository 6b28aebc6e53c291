// The proof-of-work figure (issue #12): CPU seconds a client spends per response solving ALTCHA
// challenges at maxnumber 50,000 and 100,000, in Chromium, Firefox and WebKit from Debian's packages.
// CPU time is read from /proc for the browser's whole process tree (every thread, WebCrypto's
// included) around the solving, so it is CPU spent, not wall time; wall time is given beside it.
import { readdirSync, readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { engines as installable, startWebKitDriver } from '../../scripts/browsers.mjs';
import { launch } from './browser.mjs';
import { summary } from './stats.mjs';

export const POW_DEFAULTS = { maxnumbers: [50_000, 100_000], challenges: 24 };
const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** utime + stime, in seconds, of `root` and every process below it. */
function treeCpuSeconds(root) {
  const processes = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime, and cutime + cstime: a child that exits (Chromium ends renderers and helpers
      // as it likes) moves its time into its parent's, so the tree's sum never goes down.
      processes.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop();
    ticks += processes.get(pid)?.ticks ?? 0;
    for (const [child, info] of processes) if (info.ppid === pid) queue.push(child);
  }
  return ticks / TICKS_PER_SECOND;
}

/** Each engine as { pid, open(url), solve(maxnumber, count), close() }. */
const drivers = {
  async chromium() {
    const browser = await launch();
    const page = await (await browser.newContext()).newPage();
    // playwright does not expose the pid: the newest chromium whose parent is this node process.
    const pid = childPidNamed(/chrom/);
    return { pid, version: browser.version(), open: (url) => page.goto(url), solve: (m, c) => page.evaluate(([m, c]) => window.benchOutbox.solveChallenges(m, c), [m, c]), close: () => browser.close() };
  },
  async firefox() {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: installable.firefox.binaries[0], headless: true });
    const page = await browser.newPage();
    return {
      pid: browser.process().pid,
      version: await browser.version(),
      open: (url) => page.goto(url),
      solve: (m, c) => page.evaluate((m, c) => window.benchOutbox.solveChallenges(m, c), m, c),
      close: () => browser.close(),
    };
  },
  async webkit() {
    const driver = await startWebKitDriver();
    process.env.DISPLAY = driver.env.DISPLAY;
    const browser = await remote({
      hostname: '127.0.0.1',
      port: Number(driver.env.WEBKIT_DRIVER_PORT),
      path: '/',
      logLevel: 'error',
      capabilities: { 'webkitgtk:browserOptions': { binary: installable.webkit.binaries[2], args: ['--automation'] } },
    });
    return {
      pid: childPidNamed(/WebKitWebDriver/),
      version: browser.capabilities.browserVersion ?? null,
      open: (url) => browser.url(url),
      solve: (m, c) => browser.executeAsync((m, c, done) => void window.benchOutbox.solveChallenges(m, c).then(done, (e) => done({ error: String(e) })), m, c),
      close: async () => {
        await browser.deleteSession().catch(() => undefined);
        driver.stop();
      },
    };
  },
};

function childPidNamed(pattern) {
  let newest = null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && pattern.test(command) && (newest === null || Number(name) > newest)) newest = Number(name);
    } catch {
      // gone meanwhile
    }
  }
  if (newest === null) throw new Error('could not find the browser process');
  return newest;
}

export async function measureProofOfWork({ pageUrl, engines = ['chromium', 'firefox', 'webkit'], log = () => {}, ...options }) {
  const settings = { ...POW_DEFAULTS, ...options };
  const results = {};
  for (const engine of engines) {
    let driver;
    try {
      driver = await drivers[engine]();
      await driver.open(pageUrl);
      await driver.solve(1000, 1); // warm-up: compile the solver, start WebCrypto's threads
      results[engine] = { version: driver.version, byMaxnumber: {} };
      for (const maxnumber of settings.maxnumbers) {
        const before = treeCpuSeconds(driver.pid);
        const solved = await driver.solve(maxnumber, settings.challenges);
        const cpuSeconds = treeCpuSeconds(driver.pid) - before;
        if (!Array.isArray(solved)) throw new Error(solved?.error ?? 'no result');
        results[engine].byMaxnumber[maxnumber] = {
          challenges: solved.length,
          cpuSecondsPerResponse: cpuSeconds / solved.length,
          wallSeconds: summary(solved.map((s) => s.ms / 1000)),
          // Time to search the whole range: the worst case, when the number is maxnumber.
          worstCaseWallSeconds: Math.max(...solved.map((s) => (s.ms / 1000) * (maxnumber / Math.max(1, s.number)))),
        };
        log(`proof of work: ${engine} at ${maxnumber}: ${(cpuSeconds / solved.length).toFixed(2)} CPU s per response`);
      }
    } catch (error) {
      results[engine] = { skipped: String(error?.message ?? error).split('\n')[0] };
    } finally {
      await driver?.close().catch(() => undefined);
    }
  }
  return { settings, results };
}

export function proofOfWorkMarkdown(pow) {
  if (!pow) return [];
  const { settings, results } = pow;
  const rows = [
    `| Proof of work (ALTCHA, SHA-256), ${settings.challenges} challenges per cell, number uniform in [0, maxnumber] | ${settings.maxnumbers.map((m) => `maxnumber ${m.toLocaleString('en')}: CPU s per response (wall p50 / p95)`).join(' | ')} |`,
    `|---|${settings.maxnumbers.map(() => '---').join('|')}|`,
  ];
  for (const [engine, result] of Object.entries(results)) {
    if (result.skipped) {
      rows.push(`| ${engine} | not measured: ${result.skipped} |${settings.maxnumbers.slice(1).map(() => ' |').join('')}`);
      continue;
    }
    const cells = settings.maxnumbers.map((m) => {
      const cell = result.byMaxnumber[m];
      return `${cell.cpuSecondsPerResponse.toFixed(2)} s (${cell.wallSeconds.median.toFixed(2)} / ${cell.wallSeconds.p95.toFixed(2)} s)`;
    });
    rows.push(`| ${engine}${result.version ? ` ${result.version}` : ''} | ${cells.join(' | ')} |`);
  }
  return rows;
}

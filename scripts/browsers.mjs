// Makes sure the three engines from Debian's packages are on the machine, and starts what WebKit
// needs (Xvfb + WebKitWebDriver). Nothing is downloaded from anywhere but Debian's archive.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

export const engines = {
  chromium: { binaries: ['/usr/bin/chromium'], packages: ['chromium'] },
  firefox: { binaries: ['/usr/bin/firefox-esr'], packages: ['firefox-esr'] },
  webkit: {
    binaries: ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'],
    packages: ['webkit2gtk-driver', 'xvfb'],
  },
};

export function selectedEngines() {
  return (process.env.BROWSERS ?? 'chromium,firefox,webkit')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Installs missing engines with apt-get when root; otherwise explains exactly what to run. */
export function ensureBrowsers(names = selectedEngines()) {
  const missing = names.filter((name) => engines[name].binaries.some((binary) => !existsSync(binary)));
  if (missing.length === 0) return;
  const packages = missing.flatMap((name) => engines[name].packages);
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Browsers missing for ${missing.join(', ')}. Run as root:\n  sudo sh -c '${command}'`);
  }
  console.log(`Installing browsers for ${missing.join(', ')} from Debian's packages: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listened on port ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * Starts Xvfb and WebKitWebDriver; returns the env WebKit's launcher needs and a stop() that kills
 * both by pid. Each process is ours to stop.
 */
export async function startWebKitDriver() {
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  const stop = () => {
    for (const child of [driver, xvfb]) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    }
  };
  try {
    await waitForPort(port, 15_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { env: { DISPLAY: display, WEBKIT_DRIVER_PORT: String(port) }, stop };
}

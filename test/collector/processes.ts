// Collectors as real processes (`collector/src/main.ts`, as `npm run collector` starts it), for the
// tests that kill them. Every child is SIGKILLed when the test file ends, whatever happened.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import type { DatabaseLocation } from '../../collector/src/db/database.js';
import { TOKEN } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

export interface CollectorProcess {
  child: ChildProcess;
  url: string;
  output(): string;
}

export function databaseEnv(location: DatabaseLocation): Record<string, string> {
  return 'url' in location ? { DATABASE_URL: location.url } : { COLLECTOR_DATA_DIR: location.dataDir, DATABASE_URL: '' };
}

/** Starts a collector process; resolves with its URL once it listens, rejects with its output if it exits. */
export function launch(env: Record<string, string>): Promise<CollectorProcess> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'collector/src/main.ts'], {
    cwd: root,
    env: { ...process.env, COLLECTOR_PORT: '0', COLLECTOR_STAFF_TOKEN: TOKEN, COLLECTOR_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /collector listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited (${code}):\n${output}`));
    });
  });
}

/** SIGKILL, resolved once the process is gone. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

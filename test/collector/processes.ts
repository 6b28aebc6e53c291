// Collectors as real processes (`collector/src/main.ts`, as `npm run collector` starts it), for the
// tests that kill them. Every child is SIGKILLed when the test file ends, whatever happened.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  /** The collector's own pid on this host (with `pid1`, the process that is PID 1 in its namespace). */
  pid: number;
  url: string;
  output(): string;
}

export function databaseEnv(location: DatabaseLocation): Record<string, string> {
  return 'url' in location ? { DATABASE_URL: location.url } : { COLLECTOR_DATA_DIR: location.dataDir, DATABASE_URL: '' };
}

/** Whether `unshare --pid` can run here (root on Linux): the PID 1 tests need it. */
export const canUnshare = process.platform === 'linux' && process.getuid?.() === 0;

/**
 * Starts a collector process; resolves with its URL once it listens, rejects with its output if it
 * exits. `pid1`: the same command as PID 1 of a new PID namespace, as in a container without an init.
 */
export function launch(env: Record<string, string>, { pid1 = false } = {}): Promise<CollectorProcess> {
  const command = [process.execPath, '--conditions=source', '--import', 'tsx', 'collector/src/main.ts'];
  if (pid1) command.unshift('unshare', '--pid', '--fork', '--mount-proc', '--kill-child');
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: { ...process.env, COLLECTOR_PORT: '0', COLLECTOR_STAFF_TOKEN: TOKEN, COLLECTOR_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /collector listening on (\S+)/.exec(output);
      if (match && !started) {
        started = true;
        clearTimeout(timer);
        resolve({ child, pid: pid1 ? childOf(child.pid!) : child.pid!, url: match[1]!, output: () => output });
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

/** The one child of `unshare --fork`: PID 1 of the namespace, seen from here. */
function childOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').map(Number);
  if (children.length !== 1 || !(children[0]! > 0)) throw new Error(`unshare (pid ${pid}) has children "${children.join(' ')}"`);
  return children[0]!;
}

/** Sends `signal` to the collector itself; resolves with how the launched process ended. */
export function signalled(proc: CollectorProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const { child } = proc;
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, sig) => resolve({ code, signal: sig }));
    process.kill(proc.pid, signal);
  });
}

/** Resolves with how the launched process ended, once it has. */
export function exited(proc: CollectorProcess): Promise<{ code: number | null; signal: string | null }> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** SIGKILL, resolved once the process is gone. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

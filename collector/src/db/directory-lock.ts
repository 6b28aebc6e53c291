import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One writer per embedded database folder. PGlite takes no lock of its own (electric-sql/pglite
 * issue #1106): two processes opening one folder both write and leave it unreadable. So the
 * collector writes `collector.lock`, created exclusively (O_EXCL), naming its owner: pid, the
 * process's start time (field 22 of /proc/<pid>/stat) and the kernel's boot id. A second process
 * refuses to start only if that very process is still running: same boot, a live process with that
 * pid and that start time, and not itself. So a lock left by a process that died (kill -9, power
 * loss), a restart as PID 1 in a container (the new process has the dead one's pid), or a folder
 * restored on another host (another boot id) is stale and taken over. Where there is no /proc
 * (macOS), only the pid is compared.
 *
 * Known limit: two processes that both find the same stale lock in the same instant can both take
 * it over. Start the collector once (a service manager does), or use PostgreSQL for several.
 */
export interface DirectoryLock {
  readonly path: string;
  release(): Promise<void>;
}

export class DirectoryLocked extends Error {
  readonly code = 'data-dir-locked';
}

const LOCK_FILE = 'collector.lock';

interface Owner {
  pid: number;
  /** Clock ticks after boot at which the process started; null without /proc. */
  start: string | null;
  boot: string | null;
}

/** Locks this process holds: its own pid in a lock file is "another collector" only for these. */
const heldHere = new Set<string>();

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
function startTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = () => readProc('/proc/sys/kernel/random/boot_id')?.trim() || null;

function me(): Owner {
  return { pid: process.pid, start: startTime(process.pid), boot: bootId() };
}

/** The owner a lock file names: JSON, or a bare pid (locks written by earlier versions). */
function parseOwner(text: string): Owner | null {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    if (Number.isInteger(value?.pid) && value.pid! > 0) return { pid: value.pid!, start: value.start ?? null, boot: value.boot ?? null };
  } catch {
    /* not JSON */
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, start: null, boot: null } : null;
}

/** Whether the process that wrote the lock is still running (and is not this one). */
export function ownerRunning(owner: Owner, path: string): boolean {
  if (owner.pid === process.pid) return heldHere.has(path);
  const here = me();
  if (owner.boot && here.boot && owner.boot !== here.boot) return false; // another boot, or another host
  if (owner.start && here.start) return startTime(owner.pid) === owner.start; // null: no such process
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireDirectoryLock(dir: string): Promise<DirectoryLock> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (heldHere.has(path)) break;
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${JSON.stringify(me())}\n`);
      await handle.sync();
      await handle.close();
      return held(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''));
    if (owner && ownerRunning(owner, path)) {
      throw new DirectoryLocked(
        `The data folder ${dir} is in use by another collector (pid ${owner.pid}, see ${path}). ` +
          'Only one process may open an embedded database; stop the other one, or use PostgreSQL (DATABASE_URL) to run several. ' +
          'If no collector is running, delete that file.',
      );
    }
    await unlink(path).catch(() => undefined); // stale: its process is gone
  }
  if (heldHere.has(path)) {
    throw new DirectoryLocked(`The data folder ${dir} is already open in this process (${path}).`);
  }
  throw new DirectoryLocked(`Could not take the lock ${path}; another collector started at the same moment.`);
}

function held(path: string): DirectoryLock {
  heldHere.add(path);
  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    heldHere.delete(path);
    try {
      if (parseOwner(readFileSync(path, 'utf8'))?.pid === process.pid) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', releaseSync);
  return {
    path,
    async release() {
      process.off('exit', releaseSync);
      releaseSync();
    },
  };
}

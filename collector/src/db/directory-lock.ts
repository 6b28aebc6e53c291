import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One writer per embedded database folder. PGlite takes no lock of its own (electric-sql/pglite
 * issue #1106): two processes opening one folder both write and leave it unreadable. So the
 * collector writes `collector.lock` holding its pid, created exclusively (O_EXCL). A second process
 * finds it, checks that the pid is alive, and refuses to start, naming the pid and the file. A lock
 * left by a process that died (kill -9, power loss) is stale: its pid is gone, so it is taken over.
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

export async function acquireDirectoryLock(dir: string): Promise<DirectoryLock> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
      await handle.close();
      return held(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new DirectoryLocked(
        `The data folder ${dir} is in use by another collector (pid ${owner}, see ${path}). ` +
          'Only one process may open an embedded database; stop the other one, or use PostgreSQL (DATABASE_URL) to run several. ' +
          'If no collector is running, delete that file.',
      );
    }
    await unlink(path).catch(() => undefined); // stale: its process is gone
  }
  throw new DirectoryLocked(`Could not take the lock ${path}; another collector started at the same moment.`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function held(path: string): DirectoryLock {
  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
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

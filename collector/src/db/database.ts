import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.js';

/**
 * One SQL code path for two engines: a PostgreSQL server through a `pg` pool, or embedded PGlite
 * (PostgreSQL compiled to WebAssembly) in a folder. Everything above this file writes plain
 * PostgreSQL with `$1` parameters and never asks which engine it runs on.
 *
 * Row values come back as JavaScript numbers, strings and parsed JSON: queries cast counts to
 * `int` and format dates as text, because the two drivers map `bigint` and `date` differently.
 */
export interface Queryable {
  /** `name` makes it a prepared statement on PostgreSQL (parsed and planned once per connection). */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], name?: string): Promise<Row[]>;
  /** Several statements without parameters (a migration). */
  script(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseLocation = { url: string } | { dataDir: string };

export interface OpenOptions {
  poolSize?: number;
  /**
   * PGlite only: called once when the embedded database fails to write (a full disk, an I/O error).
   * PGlite cannot carry on after that (its next statement spins the process), so from then on every
   * statement is refused without reaching it; the owner should exit and let a service manager restart it.
   */
  onFailure?: (error: Error) => void;
}

export async function openDatabase(location: DatabaseLocation, { poolSize = 10, onFailure }: OpenOptions = {}): Promise<Database> {
  return 'url' in location ? openPostgres(location.url, poolSize) : openPglite(location.dataDir, onFailure);
}

/** Refused without reaching PGlite: an earlier statement failed to write. */
export class StorageFailed extends Error {
  readonly code = 'storage-failed';
}

/**
 * Whether an error means the storage itself failed rather than the statement: a PANIC or FATAL,
 * SQLSTATE class 53 (disk full, out of memory), 58 (I/O) or XX (internal), a file system error, or
 * the WebAssembly build aborting. A refused statement (a constraint, bad data) is not one.
 */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof WebAssembly.RuntimeError) return true;
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  if (severity === 'PANIC' || severity === 'FATAL') return true;
  return typeof code === 'string' && (/^(53|58|XX)[0-9A-Z]{3}$/.test(code) || ['ENOSPC', 'EIO', 'EROFS', 'EDQUOT'].includes(code));
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped idle connection (server restart, failover) must not crash the process.
  pool.on('error', (error) => console.error(`collector: database connection lost (${error.message})`));
  const query = async <Row>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[], name?: string) =>
    (await client.query({ text, values: params as unknown[], ...(name ? { name } : {}) })).rows as Row[];
  await query(pool, 'SELECT 1');
  return {
    engine: 'postgres',
    query: (text, params, name) => query(pool, text, params, name),
    script: async (sql) => void (await pool.query(sql)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: (text, params, name) => query(client, text, params, name),
          script: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, onFailure?: (error: Error) => void): Promise<Database> {
  const path = resolve(dataDir);
  await mkdir(path, { recursive: true });
  // PGlite takes no lock of its own: two processes on one folder would both write and corrupt it.
  const lock: DirectoryLock = await acquireDirectoryLock(path);
  try {
    // Imported here so a PostgreSQL deployment never loads the WebAssembly build.
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(`${path}/pgdata`);
    const query = async <Row>(client: Pick<typeof db, 'query'>, text: string, params?: readonly unknown[]) =>
      (await client.query<Row>(text, params as unknown[])).rows;
    // PGlite runs one statement at a time anyway; queuing them here means that after a failed write
    // the ones still waiting are refused here instead of reaching a database that cannot recover.
    let failed: Error | null = null;
    let queue: Promise<unknown> = Promise.resolve();
    const serial = <T>(work: () => Promise<T>): Promise<T> => {
      const run = queue.then(async () => {
        if (failed) throw new StorageFailed(`The embedded database stopped after a failed write (${failed.message}).`);
        try {
          return await work();
        } catch (error) {
          if (!failed && isStorageFailure(error)) {
            failed = error instanceof Error ? error : new Error(String(error));
            onFailure?.(failed);
          }
          throw error;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    };
    return {
      engine: 'pglite',
      query: (text, params) => serial(() => query(db, text, params)),
      script: (sql) => serial(async () => void (await db.exec(sql))),
      transaction: (work) =>
        serial(() =>
          db.transaction((tx) =>
            work({ query: (text, params) => query(tx, text, params), script: async (sql) => void (await tx.exec(sql)) }),
          ),
        ),
      async close() {
        try {
          if (!failed) await serial(() => db.close());
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

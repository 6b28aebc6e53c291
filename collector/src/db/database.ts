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

export async function openDatabase(location: DatabaseLocation, { poolSize = 10 } = {}): Promise<Database> {
  return 'url' in location ? openPostgres(location.url, poolSize) : openPglite(location.dataDir);
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

async function openPglite(dataDir: string): Promise<Database> {
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
    return {
      engine: 'pglite',
      query: (text, params) => query(db, text, params),
      script: async (sql) => void (await db.exec(sql)),
      transaction: (work) =>
        db.transaction((tx) =>
          work({ query: (text, params) => query(tx, text, params), script: async (sql) => void (await tx.exec(sql)) }),
        ),
      async close() {
        try {
          await db.close();
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

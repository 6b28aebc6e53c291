import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { statfs } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { DEFAULT_K, DEFAULT_ROUNDING } from 'encounter-survey/core';
import { createApp, type AppExtras } from './app.js';
import { openDatabase, type DatabaseLocation } from './db/database.js';
import { migrate } from './db/migrations.js';
import type { RateLimitOptions } from './rate-limit.js';
import { DEFAULT_RETENTION_DAYS, startUpkeep } from './retention.js';
import { DEFAULT_POW_MAXNUMBER, DEFAULT_POW_SECONDS, derivedKey, ProofOfWork } from './proof-of-work.js';
import { DEFAULT_SESSION_MINUTES, DEFAULT_STAFF_FAILURES, StaffSessions } from './staff-sessions.js';
import { guessable, storedSecret } from './secrets.js';
import { ResponseStore } from './store.js';
import type { ForwardSettings } from './forward/config.js';
import type { Resolver } from './forward/net.js';
import { ForwardWorker } from './forward/worker.js';
import { SurveyRegistry } from './surveys.js';

/**
 * Starts the collector: opens the database (PostgreSQL or embedded PGlite), applies migrations,
 * runs retention once, then listens. Nothing that must survive a restart is held in memory.
 */
export interface CollectorOptions {
  port?: number;
  host?: string;
  database: DatabaseLocation;
  surveys?: SurveyRegistry;
  /** Origins that get CORS headers (exact match, e.g. `https://example.org`). */
  allowedOrigins?: readonly string[];
  /** Guards exports and every staff route; at least 24 characters. */
  staffToken: string;
  /** Default 16 KiB, the widget's own per-payload cap. */
  maxBodyBytes?: number;
  /** Per socket address; `false` turns it off. Default 120 requests a minute. */
  rateLimit?: RateLimitOptions | false;
  /** Counts below this are suppressed; default 11, at least 5. */
  k?: number;
  /** Shown counts are rounded to this; default 5, from 5 to k (see the README's disclosure rules). */
  rounding?: number;
  /** Keys the summaries' random rounding; default: a random secret made once and kept in the database. */
  summarySecret?: string;
  /** Surveys whose unfiltered summary is public. */
  publicSurveys?: readonly string[];
  /** Staff sessions last this long. Default 480 (8 hours). */
  sessionMinutes?: number;
  /**
   * The collector's origin as browsers see it (a proxy in front, https, a host name): staff sign-in
   * must come from it. Default: the address it listens on (every local address for 0.0.0.0).
   */
  publicUrl?: string;
  /** Wrong staff tokens a minute, from every address together, before every token check waits (429). Default 20. */
  staffFailures?: number;
  /** Proof of work: HMAC key (default: derived from the staff token), difficulty, challenge lifetime. */
  proofOfWork?: { key?: string; maxnumber?: number; seconds?: number };
  /** Store responses to surveys without a config (totals only in summaries). Default false: 400. */
  acceptUnknown?: boolean;
  /** Replace phone numbers, e-mail addresses, links, addresses, postcodes and dates of birth in free text with "[phone]" etc. before storing (COLLECTOR_REDACT=1). */
  redactFreeText?: boolean;
  /** Days a response is kept after it was received; 0 keeps them. Default 730. */
  retentionDays?: number;
  /** PostgreSQL pool size per instance. */
  poolSize?: number;
  /** Onward delivery (COLLECTOR_FORWARD, forward/config.ts); tests inject a resolver and the randomness. */
  forward?: { settings: ForwardSettings; resolve?: Resolver; random?: () => number; leaseMs?: number };
  /**
   * PGlite: intake answers 503 `storage-full` while the data folder's file system has less than this
   * free (default 64 MiB: a new WAL segment takes 16 MiB at once); 0 turns the check off.
   */
  minFreeBytes?: number;
  /**
   * PGlite: called once when the embedded database fails to write. It then refuses every statement
   * (503), so the process should exit for a service manager to restart it (main.ts does). Default: logged.
   */
  onStorageFailure?: (error: Error) => void;
  /** The demo's offline switch; never in production. */
  extras?: AppExtras;
  now?: () => Date;
}

export interface RunningCollector {
  url: string;
  storage: 'postgres' | 'pglite';
  store: ResponseStore;
  /** The onward delivery worker, when destinations are configured. */
  forwarding: ForwardWorker | null;
  /** Migrations applied by this start, and responses deleted by retention at start. */
  started: { migrations: number[]; retentionDeleted: number };
  close(): Promise<void>;
}

export const MIN_STAFF_TOKEN_LENGTH = 24;
export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

/** Below this, the summaries' threshold and rounding no longer protect small counts (README, "Limits, honestly"). */
export const MIN_DISCLOSURE = 5;

/** Bytes an unprivileged writer may still use on the file system holding `dir`. */
const freeSpace = (dir: string) => async () => {
  const fs = await statfs(dir);
  return fs.bavail * fs.bsize;
};

/** Every setting that would weaken what is published or guarded is refused before anything starts. */
function checkSettings(options: CollectorOptions): { k: number; rounding: number } {
  if (typeof options.staffToken !== 'string' || options.staffToken.length < MIN_STAFF_TOKEN_LENGTH) {
    throw new Error(`COLLECTOR_STAFF_TOKEN must be at least ${MIN_STAFF_TOKEN_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`);
  }
  if (!/^[A-Za-z0-9._~+/-]+=*$/.test(options.staffToken)) {
    throw new Error('COLLECTOR_STAFF_TOKEN may use letters, digits and . _ ~ + / - (with = at the end), as a Bearer token can.');
  }
  if (guessable(options.staffToken)) {
    throw new Error(
      'COLLECTOR_STAFF_TOKEN is too easy to guess (few different characters, a repeated piece or a run such as abcd…): use a random one, e.g. `openssl rand -base64 32`.',
    );
  }
  if (options.publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+/.test(options.publicUrl)) {
    throw new Error(`COLLECTOR_PUBLIC_URL (publicUrl) must be the collector's origin as browsers see it, such as https://surveys.example.org (got "${options.publicUrl}").`);
  }
  const k = options.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < MIN_DISCLOSURE) throw new Error(`COLLECTOR_K (k) must be a whole number of at least ${MIN_DISCLOSURE} (got ${k}).`);
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  if (!Number.isInteger(rounding) || rounding < MIN_DISCLOSURE || rounding > k) {
    throw new Error(`COLLECTOR_ROUNDING (rounding) must be a whole number from ${MIN_DISCLOSURE} to COLLECTOR_K, ${k} (got ${rounding}).`);
  }
  if (options.summarySecret !== undefined && options.summarySecret.length < MIN_STAFF_TOKEN_LENGTH) {
    throw new Error(`COLLECTOR_SUMMARY_SECRET (summarySecret) must be at least ${MIN_STAFF_TOKEN_LENGTH} characters when set.`);
  }
  return { k, rounding };
}

export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const { k, rounding } = checkSettings(options);
  const now = options.now ?? (() => new Date());
  const onFailure = options.onStorageFailure ?? ((error: Error) => console.error(`collector: storage write failed (${error.message})`));
  const db = await openDatabase(options.database, { poolSize: options.poolSize, onFailure });
  let forwarding: ForwardWorker | null = null;
  try {
    const migrations = await migrate(db);
    const summarySecret = options.summarySecret ?? (await storedSecret(db, 'summary-rounding'));
    const store = new ResponseStore(db);
    const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    const sessions = new StaffSessions({
      db,
      staffToken: options.staffToken,
      minutes: options.sessionMinutes ?? DEFAULT_SESSION_MINUTES,
      publicOrigin: options.publicUrl ? new URL(options.publicUrl).origin : undefined,
      failuresPerMinute: options.staffFailures ?? DEFAULT_STAFF_FAILURES,
      now,
    });
    const proofOfWork = new ProofOfWork({
      db,
      key: options.proofOfWork?.key ?? derivedKey(options.staffToken, 'altcha'),
      maxnumber: options.proofOfWork?.maxnumber ?? DEFAULT_POW_MAXNUMBER,
      seconds: options.proofOfWork?.seconds ?? DEFAULT_POW_SECONDS,
      now,
    });
    forwarding = options.forward?.settings.destinations.length
      ? new ForwardWorker({ db, now, ...options.forward, settings: options.forward.settings })
      : null;
    if (forwarding) {
      const worker = forwarding;
      store.forwarding = { destinationsFor: (survey) => worker.destinationsFor(survey), queued: () => worker.wake() };
      await worker.start();
    }
    const upkeep = await startUpkeep(store, { days: retentionDays, now, purge: [() => sessions.purgeExpired(), () => proofOfWork.purgeExpired()] });
    const app = createApp(
      {
        store,
        surveys: options.surveys ?? new SurveyRegistry(),
        storage: db.engine,
        allowedOrigins: options.allowedOrigins ?? [],
        staffToken: options.staffToken,
        maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
        rateLimit: options.rateLimit ?? { max: 120 },
        k,
        rounding,
        summarySecret,
        retentionDays,
        publicSurveys: new Set(options.publicSurveys ?? []),
        sessions,
        proofOfWork,
        acceptUnknown: options.acceptUnknown ?? false,
        forwarding,
        redactFreeText: options.redactFreeText ?? false,
        freeBytes: 'dataDir' in options.database ? freeSpace(options.database.dataDir) : null,
        minFreeBytes: options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES,
        now,
      },
      options.extras,
    );
    const server = await listen(app.fetch, options.port ?? 8787, options.host ?? '127.0.0.1');
    const address = server.address() as AddressInfo;
    sessions.listening(address.address, address.port);
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      storage: db.engine,
      store,
      forwarding,
      started: { migrations, retentionDeleted: upkeep.deletedAtStart },
      async close() {
        upkeep.stop();
        await forwarding?.stop();
        await drain(server, DRAIN_MS);
        await db.close();
      },
    };
  } catch (error) {
    await forwarding?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** How long a stop waits for requests in flight (a service manager's stop timeout is usually 10 s or more). */
export const DRAIN_MS = 8_000;

/**
 * Stops accepting, lets requests in flight finish (their connections then close), and closes the
 * idle keep-alive ones at once; whatever is still open after `ms` is cut.
 */
function drain(server: Server, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), ms);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }) as Server;
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

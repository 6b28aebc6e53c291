#!/usr/bin/env node
// The collector from the command line (`npm run collector`; `npm start` runs it beside the demo).
// Every setting is an environment variable; the README's "Reference collector" section lists them.
// Prints one line `collector listening on <url>` once it accepts requests.
import { afterStart, beforeStart } from './first-run.js';
import { loadSurveys, SurveyRegistry } from './surveys.js';
import { demoOfflineSwitch } from './demo.js';
import { DEMO_SURVEY, seedDemoData } from './demo-data.js';
import { DEFAULT_RETENTION_DAYS } from './retention.js';
import { startCollector } from './server.js';
import { parseForwardSettings, readForwardSetting } from './forward/config.js';

const env = process.env;

function integer(name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
  return value;
}

function flag(name: string): boolean {
  const raw = (env[name] ?? '').trim();
  if (raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`${name} must be 1 or 0 (got "${raw}")`);
}

function list(name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function renamed(): void {
  if (env.COLLECTOR_EXPORT_TOKEN && !env.COLLECTOR_STAFF_TOKEN) {
    throw new Error('COLLECTOR_EXPORT_TOKEN is now COLLECTOR_STAFF_TOKEN (at least 24 characters).');
  }
  if (env.COLLECTOR_DATA) {
    throw new Error('COLLECTOR_DATA (a JSON Lines file) is replaced by DATABASE_URL (PostgreSQL) or COLLECTOR_DATA_DIR (embedded).');
  }
}

/**
 * The embedded database failed to write (a full disk): it cannot recover in this process, so say so
 * and exit non-zero for a service manager to restart it, after the requests in flight got their 503.
 */
let running: { close(): Promise<void> } | undefined;
function storageFailed(error: Error): void {
  console.error(`collector: storage write failed (${error.message}); exiting so that a service manager restarts the collector (free disk space first if it is full)`);
  setTimeout(() => process.exit(1), 2_000);
  void running?.close().finally(() => process.exit(1));
}

try {
  renamed();
  if (!env.COLLECTOR_STAFF_TOKEN) {
    throw new Error('Set COLLECTOR_STAFF_TOKEN (at least 24 characters, e.g. `openssl rand -base64 32`): it guards the exports.');
  }
  const surveysDir = env.COLLECTOR_SURVEYS;
  const surveys = surveysDir ? await loadSurveys(surveysDir) : new SurveyRegistry();
  const acceptUnknown = flag('COLLECTOR_ACCEPT_UNKNOWN');
  const rate = integer('COLLECTOR_RATE_LIMIT', 120, 0);
  const databaseUrl = env.DATABASE_URL?.trim();
  const dataDir = env.COLLECTOR_DATA_DIR?.trim() || '.collector-data';
  const { notice, line } = beforeStart(databaseUrl, dataDir);
  if (line) console.log(line);
  const collector = await startCollector({
    port: integer('COLLECTOR_PORT', 8787, 0),
    host: env.COLLECTOR_HOST || '127.0.0.1',
    database: databaseUrl ? { url: databaseUrl } : { dataDir },
    surveys,
    allowedOrigins: (env.COLLECTOR_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    staffToken: env.COLLECTOR_STAFF_TOKEN,
    maxBodyBytes: integer('COLLECTOR_MAX_BODY', 16 * 1024, 1),
    rateLimit: rate === 0 ? false : { max: rate },
    // startCollector also refuses a rounding above k; both minimums are the README's disclosure rules.
    k: integer('COLLECTOR_K', 11, 5),
    rounding: integer('COLLECTOR_ROUNDING', 5, 5),
    summarySecret: env.COLLECTOR_SUMMARY_SECRET?.trim() || undefined,
    publicSurveys: list('COLLECTOR_PUBLIC_SURVEYS'),
    sessionMinutes: integer('COLLECTOR_SESSION_MINUTES', 480, 5),
    publicUrl: env.COLLECTOR_PUBLIC_URL?.trim() || undefined,
    staffFailures: integer('COLLECTOR_STAFF_FAILURES', 20, 1),
    proofOfWork: {
      key: env.COLLECTOR_POW_KEY?.trim() || undefined,
      maxnumber: integer('COLLECTOR_POW_MAXNUMBER', 50_000, 1000),
      seconds: integer('COLLECTOR_POW_SECONDS', 300, 30),
    },
    acceptUnknown,
    redactFreeText: flag('COLLECTOR_REDACT'),
    retentionDays: integer('COLLECTOR_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 0),
    poolSize: integer('COLLECTOR_POOL_SIZE', 10, 1),
    forward: {
      settings: parseForwardSettings(readForwardSetting(env.COLLECTOR_FORWARD), surveys, { allowLoopbackHttp: flag('COLLECTOR_FORWARD_LOOPBACK') }),
    },
    minFreeBytes: integer('COLLECTOR_MIN_FREE_MB', 64, 0) * 1024 * 1024,
    onStorageFailure: storageFailed,
    extras: flag('COLLECTOR_DEMO') ? demoOfflineSwitch() : undefined,
  });
  running = collector;
  const { migrations, retentionDeleted } = collector.started;
  console.log(
    `collector: storage ${collector.storage}; ${surveys.size} survey(s) configured` +
      (surveys.size === 0 && !acceptUnknown ? ' (set COLLECTOR_SURVEYS: until then every response is refused)' : '') +
      (migrations.length ? `; applied migration(s) ${migrations.join(', ')}` : '') +
      (retentionDeleted ? `; retention deleted ${retentionDeleted} old responses` : ''),
  );
  if (flag('COLLECTOR_DEMO')) {
    const seeded = await seedDemoData(collector.store, surveys, new Date());
    if (seeded > 0) console.log(`demo: wrote ${seeded} generated responses (DEMO DATA, not real people) for survey "${DEMO_SURVEY}"`);
  }
  console.log(`collector listening on ${collector.url}`);
  for (const line of afterStart(collector.url, env.COLLECTOR_ORIGINS, notice)) console.log(line);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`collector: stopping (${signal}): finishing the requests in flight`);
    collector.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`collector: ${(error as Error).message}`);
  process.exit(1);
}

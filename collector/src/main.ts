// The reference collector from the command line (`npm start` runs it next to the demo server).
//
//   COLLECTOR_PORT          8787 (0 picks a free port)
//   COLLECTOR_HOST          127.0.0.1
//   COLLECTOR_DATA          .collector-data/responses.jsonl
//   COLLECTOR_ORIGINS       comma list of origins allowed by CORS
//                           (default http://localhost:5173,http://127.0.0.1:5173, the vite dev server)
//   COLLECTOR_EXPORT_TOKEN  bearer token for GET /export.csv; if unset a random one is printed at start
//   COLLECTOR_K             small-cell threshold for GET /summary (default 11)
//   COLLECTOR_MAX_BODY      body limit in bytes (default 16384)
//   COLLECTOR_RATE_LIMIT    requests per minute per address (default 120; 0 turns it off)
//   COLLECTOR_SURVEYS       optional JSON file { "<survey id>": { "<question id>": "multi"|"single"|"rating"|"text" } }
//                           telling /summary the question kinds instead of inferring them
//   COLLECTOR_DEMO          1 enables POST /demo/offline (the demo's offline switch); never in production
//
// Prints one line `collector listening on <url>` once it accepts requests.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { QuestionKind } from '../src/core/summary.js';
import { startCollector } from './server.js';

function integer(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got "${raw}")`);
  return value;
}

async function surveys(): Promise<Record<string, Record<string, QuestionKind | 'text'>> | undefined> {
  const path = process.env.COLLECTOR_SURVEYS;
  if (!path) return undefined;
  const value: unknown = JSON.parse(await readFile(path, 'utf8'));
  const kinds = new Set(['multi', 'single', 'rating', 'text']);
  const valid =
    value !== null &&
    typeof value === 'object' &&
    Object.values(value).every(
      (survey) =>
        survey !== null && typeof survey === 'object' && Object.values(survey).every((kind) => kinds.has(kind as string)),
    );
  if (!valid) throw new Error(`COLLECTOR_SURVEYS: ${path} must map survey ids to { questionId: kind }`);
  return value as Record<string, Record<string, QuestionKind | 'text'>>;
}

try {
  const generated = !process.env.COLLECTOR_EXPORT_TOKEN;
  const exportToken = process.env.COLLECTOR_EXPORT_TOKEN || randomBytes(24).toString('base64url');
  const rate = integer('COLLECTOR_RATE_LIMIT', 120, 0);
  const collector = await startCollector({
    port: integer('COLLECTOR_PORT', 8787, 0),
    host: process.env.COLLECTOR_HOST || '127.0.0.1',
    dataFile: process.env.COLLECTOR_DATA || '.collector-data/responses.jsonl',
    allowedOrigins: (process.env.COLLECTOR_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    exportToken,
    maxBodyBytes: integer('COLLECTOR_MAX_BODY', 16 * 1024, 1),
    rateLimit: rate === 0 ? false : { max: rate, windowMs: 60_000 },
    k: integer('COLLECTOR_K', 11, 1),
    surveys: await surveys(),
    demoOfflineSwitch: process.env.COLLECTOR_DEMO === '1',
  });
  const { records, unreadable, tornBytes, duplicates } = collector.openReport;
  console.log(`collector: ${records} records re-indexed` +
    (tornBytes ? `; a torn last line (${tornBytes} bytes) moved to the .corrupt file` : '') +
    (unreadable ? `; ${unreadable} unreadable lines skipped` : '') +
    (duplicates ? `; ${duplicates} repeated ids ignored` : ''));
  if (generated) console.log(`collector: export token for this run (set COLLECTOR_EXPORT_TOKEN to fix it): ${exportToken}`);
  console.log(`collector listening on ${collector.url}`);
  const stop = () => {
    collector.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`collector: ${(error as Error).message}`);
  process.exit(1);
}

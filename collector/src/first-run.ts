import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * What the command line prints around a start, so that someone who ran `npx encounter-survey-collector`
 * in an empty folder learns where the responses live, how staff sign in and where pages send to.
 * Kept apart from main.ts: main.ts reads settings, this only words them.
 */
export interface StartNotice {
  /** The PGlite folder (absolute), or null on PostgreSQL. */
  dataDir: string | null;
  /** True when the PGlite folder did not exist before this start. */
  firstRun: boolean;
}

/** Before the database opens: where the data lives, and whether this start creates it. */
export function beforeStart(databaseUrl: string | undefined, dataDir: string): { notice: StartNotice; line: string | null } {
  if (databaseUrl) return { notice: { dataDir: null, firstRun: false }, line: null };
  const absolute = resolve(dataDir);
  const firstRun = !existsSync(absolute);
  const line = firstRun
    ? `collector: first start: creating the embedded database in ${absolute} (about half a minute). ` +
      'Every response is kept in this folder: keep it, and back it up while the collector is stopped.'
    : `collector: opening the embedded database in ${absolute}`;
  return { notice: { dataDir: absolute, firstRun }, line };
}

/** After `collector listening on <url>`: where pages send, where staff sign in. */
export function afterStart(url: string, origins: string | undefined, notice: StartNotice): string[] {
  const allowed = origins === undefined ? "only the demo's pages on port 5173" : origins.trim() || 'no page';
  const lines = [
    `collector: pages send responses to ${url}/responses (allowed from ${allowed}; COLLECTOR_ORIGINS names your site's origins)`,
    `collector: staff dashboard at ${url}/dashboard (sign in with COLLECTOR_STAFF_TOKEN)`,
  ];
  if (notice.firstRun) lines.push('collector: settings, PostgreSQL and deployment: see "Reference collector" in the encounter-survey README');
  return lines;
}

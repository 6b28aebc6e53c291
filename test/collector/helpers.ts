// Shared by the collector's node tests: a fresh database on each engine, a collector on it, a
// survey config and valid submissions for it, POST helpers. Real PostgreSQL (DATABASE_URL, set by
// `npm test`) and real PGlite; no mocks.
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parseSurveyConfig, type Submission } from 'encounter-survey/core';
import { startCollector, type CollectorOptions, type RunningCollector } from '../../collector/src/server.js';
import { SurveyRegistry } from '../../collector/src/surveys.js';
import type { DatabaseLocation } from '../../collector/src/db/database.js';

export const TOKEN = 'test-staff-token-0123456789abcdef';
export type Engine = 'pglite' | 'postgres';

/** Both engines; PostgreSQL is skipped (with the reason shown) when DATABASE_URL is not set. */
export const engines: Array<{ engine: Engine; skip: string | false }> = [
  { engine: 'pglite', skip: false },
  { engine: 'postgres', skip: process.env.DATABASE_URL ? false : 'DATABASE_URL is not set (npm test starts PostgreSQL and sets it)' },
];

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'collector-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A new, empty database. PGlite: a copy of a freshly created data folder, made once per machine
 * and kept in the temp folder (creating one runs initdb in WebAssembly, tens of seconds on a busy
 * machine; copying takes milliseconds). PostgreSQL: `CREATE DATABASE` on the test server.
 */
export async function freshDatabase(engine: Engine): Promise<{ location: DatabaseLocation; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const { dir, remove } = await tempDir();
    await cp(await pgliteTemplate(), join(dir, 'pgdata'), { recursive: true });
    return { location: { dataDir: dir }, drop: remove };
  }
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `collector_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    location: { url: url.href },
    async drop() {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
    },
  };
}

async function pgliteTemplate(): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const manifest = fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url));
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  const template = join(tmpdir(), `encounter-survey-pglite-template-${version}`);
  if (await stat(join(template, 'PG_VERSION')).catch(() => null)) return template;
  const building = `${template}.${process.pid}.tmp`;
  await mkdir(building, { recursive: true });
  const db = await PGlite.create(building);
  await db.close();
  await rename(building, template).catch(async () => rm(building, { recursive: true, force: true })); // another process won
  return template;
}

/** The survey the tests answer: one question of every kind, a showIf, "Other" text, two tags. */
export const afterCallInput = {
  id: 'after-call',
  version: 1,
  title: 'After the call',
  locales: ['en', 'es'],
  tags: { site: 'north', channel: 'phone' },
  timeBucket: 'day',
  questions: [
    { id: 'types', type: 'support-types', label: 'Support', allowOther: true, max: 4 },
    { id: 'helped', type: 'single', label: 'Helped?', options: ['yes', 'no', 'unsure'].map((value) => ({ value, label: value })) },
    { id: 'heard', type: 'rating', label: 'Heard', min: 1, max: 5 },
    { id: 'why', type: 'text', label: 'Why not?', maxLength: 50, showIf: { question: 'helped', equals: 'no' } },
    { id: 'story', type: 'text', label: 'Anything else', maxLength: 2000 },
  ],
};
export const afterCall = parseSurveyConfig(afterCallInput);
export const surveys = () => new SurveyRegistry([afterCall]);

/** A COLLECTOR_SURVEYS folder holding the test survey's config file, for collectors run as processes. */
export async function surveysFolder(dir: string): Promise<string> {
  const folder = join(dir, 'surveys');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'after-call.json'), JSON.stringify(afterCallInput, null, 2));
  return folder;
}

export interface TestCollector extends RunningCollector {
  stop(): Promise<void>;
}

/**
 * The clock of the collector a test runs (the injected `now`, or the real one): `submission()` dates
 * its responses on that day, as a widget would, so they fall inside the collector's accepted range
 * (issue #22: [now − retention, now + 1 day]) on any day the suite runs. `withCollector` sets it;
 * a test that starts a collector itself calls `useClock`.
 */
let testClock: () => Date = () => new Date();
export const useClock = (now: (() => Date) | undefined) => {
  testClock = now ?? (() => new Date());
};

/** A collector on 127.0.0.1, a free port and a fresh database of `engine`. */
export async function withCollector(engine: Engine, options: Partial<CollectorOptions> = {}): Promise<TestCollector> {
  useClock(options.now);
  const database = await freshDatabase(engine);
  try {
    const collector = await startCollector({
      port: 0,
      host: '127.0.0.1',
      database: database.location,
      surveys: surveys(),
      staffToken: TOKEN,
      rateLimit: false,
      allowedOrigins: ['http://allowed.test'],
      ...options,
    });
    return {
      ...collector,
      async stop() {
        await collector.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

export function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: randomUUID(),
    survey: { id: 'after-call', version: 1 },
    submittedAt: `${testClock().toISOString().slice(0, 10)}T00:00:00.000Z`,
    locale: 'en',
    answers: { types: ['emotional', 'information'], helped: 'yes', heard: 5 },
    tags: { site: 'north', channel: 'phone' },
    ...overrides,
  };
}

export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const key = (body as { id?: unknown })?.id;
  return fetch(`${url}/responses`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(typeof key === 'string' ? { 'idempotency-key': key } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const staff = { authorization: `Bearer ${TOKEN}` };

/** Every stored response of a survey, through the staff JSON Lines export. */
export async function exported(url: string, survey = 'after-call'): Promise<Submission[]> {
  const res = await fetch(`${url}/export.json?survey=${survey}`, { headers: staff });
  if (res.status !== 200) throw new Error(`export.json answered ${res.status}`);
  const text = await res.text();
  return text === '' ? [] : text.trimEnd().split('\n').map((line) => JSON.parse(line) as Submission);
}

/** A response's JSON body, loosely typed for assertions (node's and the DOM's `Response.json()` disagree). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (res: Response): Promise<any> => res.json();

/** Signs in as the dashboard does (from the collector's own origin); returns the Cookie header to send. */
export async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin },
    body: JSON.stringify({ token: TOKEN }),
  });
  if (res.status !== 201) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The test survey at a second site (same questions, tags site=south). */
export const afterCallSouth = parseSurveyConfig({ ...afterCallInput, tags: { site: 'south', channel: 'phone' } });

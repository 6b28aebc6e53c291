// Shared by the collector's node tests: temp data files, a valid submission, POST helpers.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Submission } from '../../src/core/submission-schema.js';
import { startCollector, type CollectorOptions, type RunningCollector } from '../../collector/server.js';

export const TOKEN = 'test-export-token-0123456789';

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'collector-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A collector on 127.0.0.1, a free port and a fresh data file; `stop()` also deletes the file. */
export async function withCollector(
  options: Partial<CollectorOptions> = {},
): Promise<RunningCollector & { dataFile: string; stop(): Promise<void> }> {
  const { dir, remove } = await tempDir();
  const dataFile = options.dataFile ?? join(dir, 'responses.jsonl');
  const collector = await startCollector({
    port: 0,
    host: '127.0.0.1',
    exportToken: TOKEN,
    rateLimit: false,
    allowedOrigins: ['http://allowed.test'],
    ...options,
    dataFile,
  });
  return {
    ...collector,
    dataFile,
    async stop() {
      await collector.close();
      await remove();
    },
  };
}

export function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: randomUUID(),
    survey: { id: 'after-call', version: 1 },
    submittedAt: '2026-03-02T10:00:00.000Z',
    locale: 'en',
    answers: { types: ['emotional', 'information'], helped: 'yes', heard: 5 },
    tags: {},
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

/** Every line of a JSONL file, asserting that each one parses (throws otherwise). */
export function parseJsonl(text: string): Array<{ id: string }> {
  if (text === '') return [];
  if (!text.endsWith('\n')) throw new Error('file does not end with a newline');
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string });
}

/** A response's JSON body, loosely typed for assertions (node's and the DOM's `Response.json()` disagree). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (res: Response): Promise<any> => res.json();

/** Shared set-up for outbox tests: unique databases, fast timings, event recording, clean-up. */
import { createOutboxWith, type OutboxInternals } from '../../src/outbox/outbox.js';
import type { Outbox, OutboxEvent, OutboxOptions } from '../../src/outbox/index.js';

/** Small timings so the suite stays fast; real timers, real server. */
export const FAST = { retry: { baseMs: 20, capMs: 200 }, timeoutMs: 1500 } satisfies OutboxOptions;

const opened: Outbox[] = [];
const databases = new Set<string>();

export function uniqueDatabase(): string {
  const name = `es-outbox-test-${crypto.randomUUID()}`;
  databases.add(name);
  return name;
}

export function openOutbox(options: OutboxOptions, internals: OutboxInternals = {}): Outbox {
  const outbox = createOutboxWith({ ...FAST, ...options }, internals);
  opened.push(outbox);
  return outbox;
}

export function record(outbox: Outbox): OutboxEvent[] {
  const events: OutboxEvent[] = [];
  outbox.subscribe((event) => events.push(event));
  return events;
}

export const ofType = <T extends OutboxEvent['type']>(events: OutboxEvent[], type: T) =>
  events.filter((event): event is Extract<OutboxEvent, { type: T }> => event.type === type);

export function submission(extra: Record<string, unknown> = {}) {
  return { id: crypto.randomUUID(), answers: { q1: 'yes' }, ...extra };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 8000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

export async function cleanUp() {
  for (const outbox of opened.splice(0)) outbox.close();
  for (const name of databases) await deleteDatabase(name);
  databases.clear();
}

/** Record keys (response ids) in a database's single store (without idb-keyval, to observe it independently). */
export async function storedKeys(databaseName: string): Promise<IDBValidKey[]> {
  return (await allKeys(databaseName)).filter((key) => typeof key === 'string');
}

/** Every key, the outbox's own bookkeeping (its sequence counter) included. */
export function allKeys(databaseName: string): Promise<IDBValidKey[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(databaseName);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('records', 'readonly').objectStore('records').getAllKeys();
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

export function storedValue(databaseName: string, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(databaseName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('records', 'readonly').objectStore('records').get(key);
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** Writes raw values into a database before an outbox opens it (older or corrupt records). */
export function seed(databaseName: string, values: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(databaseName);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('records', 'readwrite');
      for (const [key, value] of Object.entries(values)) tx.objectStore('records').put(value, key);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

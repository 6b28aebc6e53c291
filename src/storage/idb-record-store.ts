/**
 * The queue in IndexedDB through idb-keyval: its own versioned database with one store (idb-keyval
 * cannot share a database between stores), so the page's own idb-keyval data is never touched.
 * Every call has a deadline: Safari private windows can leave `open()` pending forever.
 */
import { entries, get, promisifyRequest, set, update, type UseStore } from 'idb-keyval';
import type { RecordStore } from '../core/outbox/ports.js';
import { RECORD_SCHEMA_VERSION, type OutboxRecord } from '../core/outbox/record.js';

export const DEFAULT_DATABASE_NAME = 'encounter-survey-outbox-v1';
export const STORE_NAME = 'records';
export const STORAGE_TIMEOUT_MS = 3000;
/** The highest sequence handed out, under an array key so it can never collide with a response id. */
export const SEQUENCE_KEY = ['sequence'];

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException(`IndexedDB did not answer within ${ms} ms`, 'TimeoutError')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export interface ClosableRecordStore extends RecordStore {
  close(): void;
  /** A first read with no timeout of its own: the caller decides how long to wait, and may adopt it late. */
  probe(): Promise<unknown>;
}

/**
 * idb-keyval's `createStore`, plus what a long-lived page needs: let another tab upgrade or
 * delete the database (close on `versionchange`), and close it ourselves.
 */
function closableStore(databaseName: string): { use: UseStore; close(): void } {
  let connection: Promise<IDBDatabase> | undefined;
  const open = () => {
    if (connection) return connection;
    const request = indexedDB.open(databaseName);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    const opened = promisifyRequest(request);
    connection = opened;
    opened.then(
      (db) => {
        db.onclose = () => (connection = undefined);
        db.onversionchange = () => {
          db.close();
          connection = undefined;
        };
      },
      () => (connection = undefined),
    );
    return opened;
  };
  return {
    use: (mode, callback) => open().then((db) => callback(db.transaction(STORE_NAME, mode).objectStore(STORE_NAME))),
    close() {
      connection?.then((db) => db.close(), () => undefined);
      connection = undefined;
    },
  };
}

export function idbRecordStore(databaseName = DEFAULT_DATABASE_NAME, timeoutMs = STORAGE_TIMEOUT_MS): ClosableRecordStore {
  const { use, close } = closableStore(databaseName);
  const timed = <T>(work: Promise<T>) => withTimeout(work, timeoutMs);
  return {
    kind: 'indexeddb',
    entries: async () => (await timed(entries<IDBValidKey, unknown>(use))).filter((entry): entry is [string, unknown] => typeof entry[0] === 'string'),
    get: (id) => timed(get(id, use)),
    put: (record) => timed(set(record.id, record, use)),
    delete: (id) => timed(use('readwrite', (store) => deleteIn(store, id))),
    update: (id, change) => timed(update(id, change, use)),
    nextSequence: () => timed(use('readwrite', (store) => nextSequenceIn(store))),
    probe: () => entries(use),
    close,
  };
}

const highestOf = (values: unknown[]) =>
  values.reduce<number>((highest, value) => {
    const record = value as Partial<OutboxRecord> | null;
    return record?.schemaVersion === RECORD_SCHEMA_VERSION && typeof record.sequence === 'number' ? Math.max(highest, record.sequence) : highest;
  }, 0);

/** The counter, or (first time in this database) the highest sequence among stored records. */
async function highestIn(store: IDBObjectStore): Promise<number> {
  const counter = await promisifyRequest(store.get(SEQUENCE_KEY));
  if (typeof counter === 'number') return counter;
  return highestOf(await promisifyRequest(store.getAll()));
}

/** One readwrite transaction: read the counter (or the highest stored), write it one higher. */
async function nextSequenceIn(store: IDBObjectStore) {
  const sequence = (await highestIn(store)) + 1;
  store.put(sequence, SEQUENCE_KEY);
  await promisifyRequest(store.transaction);
  return sequence;
}

/**
 * Deletes a record; with the last one gone the counter goes too, so an empty queue leaves an empty
 * database (not even a count of how many responses this device has sent).
 */
async function deleteIn(store: IDBObjectStore, id: string) {
  store.delete(id);
  if ((await promisifyRequest(store.count())) === 1 && (await promisifyRequest(store.get(SEQUENCE_KEY))) !== undefined) store.delete(SEQUENCE_KEY);
  await promisifyRequest(store.transaction);
}

/** Opens the database and proves it answers (a read), or rejects: no IndexedDB, blocked, timed out. */
export async function openIdbRecordStore(databaseName?: string, timeoutMs?: number): Promise<ClosableRecordStore> {
  if (typeof indexedDB === 'undefined') throw new DOMException('IndexedDB is not available', 'NotSupportedError');
  const store = idbRecordStore(databaseName, timeoutMs);
  try {
    // Untimed: ResilientStore times the open and, when IndexedDB answers late, moves memory records over.
    await store.probe();
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

import { expect } from '@open-wc/testing';
import { clear, get, set } from 'idb-keyval';
import { OutboxError } from '../../src/core/outbox/errors.js';
import { newRecord } from '../../src/core/outbox/record.js';
import { openIdbRecordStore } from '../../src/storage/idb-record-store.js';
import { memoryRecordStore } from '../../src/storage/memory-record-store.js';
import { ResilientStore } from '../../src/storage/resilient-store.js';
import { cleanUp, storedKeys, uniqueDatabase } from '../outbox/outbox-harness.js';

const record = (id: string = crypto.randomUUID()) => newRecord({ id }, 'https://x.test/r', Date.now(), 0);

function open(opener: ConstructorParameters<typeof ResilientStore>[0]['open'], timeoutMs = 3000) {
  const warnings: string[] = [];
  const store = new ResilientStore({ open: opener, timeoutMs, onWarning: (code) => warnings.push(code), onChange: () => undefined });
  return { store, warnings };
}

describe('storage/resilient store', () => {
  afterEach(cleanUp);

  it('keeps records in their own versioned IndexedDB database', async () => {
    const name = uniqueDatabase();
    const { store, warnings } = open(() => openIdbRecordStore(name));
    await store.ready;
    expect(store.kind).to.equal('indexeddb');
    const a = record();
    expect(await store.put(a)).to.equal('indexeddb');
    expect(await storedKeys(name)).to.deep.equal([a.id]);
    await store.delete(a.id);
    expect(await storedKeys(name)).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    store.close();
  });

  it('leaves the page\'s own idb-keyval store alone, and survives the page clearing it', async () => {
    const name = uniqueDatabase();
    await set('page-key', 'page-value');
    const { store } = open(() => openIdbRecordStore(name));
    const a = record();
    await store.put(a);
    await store.delete(a.id);
    const b = record();
    await store.put(b);
    expect(await get('page-key')).to.equal('page-value');
    await clear();
    expect((await store.entries()).map(([key]) => key)).to.deep.equal([b.id]);
    store.close();
  });

  it('falls back to memory with a warning when IndexedDB fails to open', async () => {
    const { store, warnings } = open(() => Promise.reject(new DOMException('blocked', 'InvalidStateError')));
    await store.ready;
    expect(store.kind).to.equal('memory');
    expect(warnings).to.deep.equal(['storage-unavailable']);
    const a = record();
    expect(await store.put(a)).to.equal('memory');
    expect((await store.entries()).map(([key]) => key)).to.deep.equal([a.id]);
  });

  it('gives up on an open that hangs, and moves memory records over once it opens', async () => {
    const name = uniqueDatabase();
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    const changed: number[] = [];
    const store = new ResilientStore({
      open: async () => {
        await late;
        return openIdbRecordStore(name);
      },
      timeoutMs: 100,
      onWarning: () => undefined,
      onChange: () => changed.push(1),
    });
    await store.ready;
    expect(store.kind).to.equal('memory');
    const a = record();
    await store.put(a);
    release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.kind).to.equal('indexeddb');
    expect(await storedKeys(name)).to.deep.equal([a.id]);
    expect(changed).to.have.length(1);
    expect((await store.entries()).map(([key]) => key)).to.deep.equal([a.id]);
    store.close();
  });

  it('reports a quota error on write as storage-full and keeps what was stored', async () => {
    const inner = memoryRecordStore();
    const kept = record('kept');
    await inner.put(kept);
    const full = { ...inner, kind: 'indexeddb' as const, put: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const { store } = open(async () => full);
    const error = await store.put(record()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OutboxError);
    expect((error as OutboxError).code).to.equal('storage-full');
    expect((await store.entries()).map(([key]) => key)).to.deep.equal(['kept']);
  });
});

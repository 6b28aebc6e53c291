import { expect } from '@open-wc/testing';
import { OutboxError } from '../../src/outbox/index.js';
import { getSharedOutbox } from '../../src/outbox/shared.js';
import { newRecord } from '../../src/core/outbox/record.js';
import { openIdbRecordStore } from '../../src/storage/idb-record-store.js';
import { memoryRecordStore } from '../../src/storage/memory-record-store.js';
import { createTestCollector } from '../support/collector.js';
import { allKeys, cleanUp, ofType, openOutbox, record, seed, sleep, storedKeys, submission, uniqueDatabase, until } from './outbox-harness.js';

/** `count` current-version records for `endpoint`, written straight into the database. */
async function seedPending(databaseName: string, endpoint: string, count: number) {
  const records = Array.from({ length: count }, (_, n) => newRecord(submission({ n }), endpoint, Date.now(), n + 1));
  await seed(databaseName, Object.fromEntries(records.map((r) => [r.id, r])));
  return records.map((r) => r.id);
}

describe('outbox: storage faults and several tabs', () => {
  afterEach(cleanUp);

  it('a reload resumes pending responses without duplicates (11)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 });
    const databaseName = uniqueDatabase();
    const first = openOutbox({ endpoint: collector.endpoint, databaseName, retry: { baseMs: 60_000, capMs: 60_000 } });
    const responses = [submission(), submission(), submission()];
    for (const response of responses) await first.submit(response);
    await collector.waitFor((s) => s.requests.length === 1);
    first.close();
    expect(await storedKeys(databaseName)).to.have.length(3);
    openOutbox({ endpoint: collector.endpoint, databaseName });
    const state = await collector.waitFor((s) => s.records.length === 3);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
    await until(async () => (await storedKeys(databaseName)).length === 0);
  });

  it('queue order survives reloads and several tabs: a stored sequence, not the (bucketed) time', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 });
    const databaseName = uniqueDatabase();
    const slow = { endpoint: collector.endpoint, databaseName, retry: { baseMs: 60_000, capMs: 60_000 } };
    // One hour bucket for all: the time cannot order them.
    const responses = Array.from({ length: 5 }, () => submission({ submittedAt: '2026-11-20T14:00:00.000Z' }));
    const [tabA, tabB] = [openOutbox(slow), openOutbox(slow)];
    await tabA.submit(responses[0]!);
    await collector.waitFor((s) => s.requests.length === 1);
    await tabB.submit(responses[1]!);
    await tabA.submit(responses[2]!);
    tabA.close();
    const reloaded = openOutbox(slow);
    await reloaded.submit(responses[3]!);
    await tabB.submit(responses[4]!);
    tabB.close();
    await reloaded.flush({ ignoreBackoff: true });
    const state = await collector.waitFor((s) => s.records.length === 5);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
  });

  for (const locks of ['Web Locks', 'leases (no Web Locks) (37)'] as const) {
    it(`two outboxes flushing one queue of 20 send each once: ${locks} (12)`, async () => {
      const collector = await createTestCollector();
      await collector.script(...Array.from({ length: 20 }, () => ({ delayMs: 10 })));
      const databaseName = uniqueDatabase();
      const ids = await seedPending(databaseName, collector.endpoint, 20);
      const internals = locks === 'Web Locks' ? {} : { locks: null };
      const [a, b] = [openOutbox({ databaseName }, internals), openOutbox({ databaseName }, internals)];
      void Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
      const state = await collector.waitFor((s) => s.records.length === 20, 15_000);
      await sleep(300);
      const sent = (await collector.state()).requests.map((r) => r.key);
      expect(sent).to.have.length(20);
      expect(new Set(sent).size).to.equal(20);
      expect(state.records.map((r) => r.key).sort()).to.deep.equal([...ids].sort());
      await until(() => a.status().pending === 0 && b.status().pending === 0);
    });
  }

  it('one shared outbox per database per page (13)', () => {
    const name = uniqueDatabase();
    const one = getSharedOutbox({ databaseName: name });
    expect(getSharedOutbox({ databaseName: name })).to.equal(one);
    const other = getSharedOutbox({ databaseName: uniqueDatabase() });
    expect(other).not.to.equal(one);
    one.close();
    other.close();
    const again = getSharedOutbox({ databaseName: name });
    expect(again).not.to.equal(one);
    again.close();
  });

  it('IndexedDB failing to open: memory fallback, a warning, still delivers (14)', async () => {
    const collector = await createTestCollector();
    const outbox = openOutbox({ endpoint: collector.endpoint }, { openStore: () => Promise.reject(new DOMException('no', 'InvalidStateError')) });
    const events = record(outbox);
    await outbox.ready;
    expect(outbox.status().storage).to.equal('memory');
    expect(ofType(events, 'storage-warning')).to.have.length(1);
    expect(ofType(events, 'storage-warning')[0]!.code).to.equal('storage-unavailable');
    const receipt = await outbox.submit(submission());
    expect(receipt.storage).to.equal('memory');
    await collector.waitFor((s) => s.records.length === 1);
  });

  it('IndexedDB hanging on open: memory after the deadline, still delivers (14)', async () => {
    const collector = await createTestCollector();
    const outbox = openOutbox({ endpoint: collector.endpoint }, { openStore: () => new Promise(() => undefined), storageTimeoutMs: 150 });
    expect(outbox.status().storage).to.equal('opening');
    const receipt = await outbox.submit(submission());
    expect(receipt.storage).to.equal('memory');
    await collector.waitFor((s) => s.records.length === 1);
  });

  it('a quota error on write fails the submit and leaves the queue alone (15)', async () => {
    const collector = await createTestCollector();
    const inner = memoryRecordStore();
    const full = { ...inner, kind: 'indexeddb' as const, put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const outbox = openOutbox({ endpoint: collector.endpoint, retry: { baseMs: 60_000, capMs: 60_000 } }, { openStore: async () => full });
    const events = record(outbox);
    const error = await outbox.submit(submission()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OutboxError);
    expect((error as OutboxError).code).to.equal('storage-full');
    expect(ofType(events, 'queued')).to.have.length(0);
    expect(outbox.status().pending).to.equal(0);
  });

  it('corrupt and older records: skipped with a reason and exported, or upgraded and delivered (16, 39)', async () => {
    const collector = await createTestCollector();
    const databaseName = uniqueDatabase();
    const old = crypto.randomUUID();
    await seed(databaseName, {
      broken: { nonsense: true },
      future: { schemaVersion: 9, id: 'future' },
      [old]: { id: old, submission: { id: old, answers: {} }, endpoint: collector.endpoint, createdAt: Date.now() - 5000 },
    });
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const outbox = openOutbox({ databaseName });
      const state = await collector.waitFor((s) => s.records.length === 1);
      expect(state.records[0]!.key).to.equal(old);
      const data = await outbox.exportAll();
      expect(data.unreadable).to.deep.include({ nonsense: true });
      expect(data.unreadable).to.have.length(2);
      expect(warnings.join('\n')).to.match(/skipped record broken: .*kept for export/);
      expect((await storedKeys(databaseName)).sort()).to.deep.equal(['broken', 'future']);
    } finally {
      console.warn = warn;
    }
  });

  it('the record is in IndexedDB before submit resolves; pagehide makes a keepalive attempt (17)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 });
    const databaseName = uniqueDatabase();
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName, retry: { baseMs: 60_000, capMs: 60_000 } });
    const response = submission();
    await outbox.submit(response, { keepalive: true });
    expect(await storedKeys(databaseName)).to.deep.equal([response.id]);
    await collector.waitFor((s) => s.requests.length === 1);
    // Wait until the 503 is back and the record is waiting again (not in flight), then leave the page.
    await until(() => outbox.status().lastError !== null, 5000, 'the 503 to be seen');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const state = await collector.waitFor((s) => s.records.length === 1, 3000);
    expect(state.requests.map((r) => r.key)).to.deep.equal([response.id, response.id]);
  });

  it('when the tab holding the lock closes mid-flush, another takes over; stored once (36)', async () => {
    const collector = await createTestCollector();
    await collector.script({ delayMs: 1500 });
    const databaseName = uniqueDatabase();
    const a = openOutbox({ endpoint: collector.endpoint, databaseName });
    await a.ready;
    const response = submission();
    await a.submit(response);
    await collector.waitFor((s) => s.requests.length === 1);
    const b = openOutbox({ databaseName });
    const events = record(b);
    await sleep(100);
    a.close();
    await until(() => ofType(events, 'delivered').length === 1, 5000);
    const state = await collector.state();
    expect(state.records.map((r) => r.key)).to.deep.equal([response.id]);
    expect(state.requests.map((r) => r.key)).to.deep.equal([response.id, response.id]);
  });

  it('after delivery our database is empty and web storage is untouched (29, 46)', async () => {
    const before = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie];
    const collector = await createTestCollector();
    const databaseName = uniqueDatabase();
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName, persist: true });
    const events = record(outbox);
    for (let n = 0; n < 3; n++) await outbox.submit(submission());
    await until(() => ofType(events, 'delivered').length === 3);
    await until(async () => (await allKeys(databaseName)).length === 0, 8000, 'an empty database, counter included');
    expect([JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie]).to.deep.equal(before);
    expect(outbox.status().persisted === null || typeof outbox.status().persisted === 'boolean').to.equal(true);
  });

  it('opens the real IndexedDB adapter through the default path', async () => {
    const name = uniqueDatabase();
    const store = await openIdbRecordStore(name);
    expect(store.kind).to.equal('indexeddb');
    store.close();
  });
});

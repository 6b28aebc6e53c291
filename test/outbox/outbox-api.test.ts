import { expect } from '@open-wc/testing';
import { OutboxError } from '../../src/outbox/index.js';
import { createTestCollector } from '../support/collector.js';
import { cleanUp, ofType, openOutbox, record, storedKeys, submission, uniqueDatabase, until } from './outbox-harness.js';

async function codeOf(work: Promise<unknown>) {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).to.be.instanceOf(OutboxError);
  return (error as OutboxError).code;
}

describe('outbox: API', () => {
  afterEach(cleanUp);

  it('refuses an insecure or missing endpoint before anything is queued (25)', async () => {
    const databaseName = uniqueDatabase();
    const outbox = openOutbox({ databaseName });
    expect(await codeOf(outbox.submit(submission(), { endpoint: 'http://example.org/collect' }))).to.equal('endpoint-insecure');
    expect(await codeOf(outbox.submit(submission()))).to.equal('endpoint-missing');
    expect(await codeOf(openOutbox({ endpoint: 'ftp://example.org/x' }).submit(submission()))).to.equal('endpoint-insecure');
    expect(await storedKeys(databaseName)).to.deep.equal([]);
  });

  it('refuses payloads over 16 KiB and submissions without an id', async () => {
    const collector = await createTestCollector();
    const databaseName = uniqueDatabase();
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName });
    expect(await codeOf(outbox.submit(submission({ text: 'x'.repeat(17_000) })))).to.equal('payload-too-large');
    expect(await codeOf(outbox.submit({ answers: {} } as never))).to.equal('invalid-submission');
    const cyclic: Record<string, unknown> = { id: crypto.randomUUID() };
    cyclic['self'] = cyclic;
    expect(await codeOf(outbox.submit(cyclic as never))).to.equal('invalid-submission');
    expect(await storedKeys(databaseName)).to.deep.equal([]);
    outbox.close();
    expect(await codeOf(outbox.submit(submission()))).to.equal('closed');
  });

  it('stores a repeated id once, and applies transform and headers on the way out', async () => {
    const collector = await createTestCollector();
    const outbox = openOutbox({
      endpoint: collector.endpoint,
      databaseName: uniqueDatabase(),
      headers: { 'X-Test-Header': 'kiosk-3' },
      transform: (s) => ({ wrapped: s.id }),
    });
    const events = record(outbox);
    const response = submission();
    await Promise.all([outbox.submit(response), outbox.submit(response)]);
    await until(() => ofType(events, 'delivered').length >= 1);
    const state = await collector.state();
    expect(state.records).to.have.length(1);
    expect(state.records[0]!.body).to.deep.equal({ wrapped: response.id });
    expect(state.records[0]!.headers['x-test-header']).to.equal('kiosk-3');
  });

  it('exports pending and rejected responses and imports them elsewhere, deduped', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 422 }, { status: 503 });
    const source = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 60_000, capMs: 60_000 } });
    const events = record(source);
    const [bad, later] = [submission(), submission()];
    await source.submit(bad);
    await until(() => ofType(events, 'rejected').length === 1);
    await source.submit(later);
    await collector.waitFor((s) => s.requests.length === 2);
    const data = JSON.parse(JSON.stringify(await source.exportAll()));
    expect(data.pending.map((r: { id: string }) => r.id)).to.deep.equal([later.id]);
    expect(data.rejected.map((r: { id: string }) => r.id)).to.deep.equal([bad.id]);
    source.close();

    const target = openOutbox({ databaseName: uniqueDatabase() });
    const targetEvents = record(target);
    expect(await target.importAll(data)).to.deep.equal({ imported: 2, skipped: 0 });
    await until(() => ofType(targetEvents, 'delivered').length === 1);
    // The rejected one is still here (skipped); the delivered one is gone, so it is sent again and
    // the receiver's Idempotency-Key dedupe keeps it stored once.
    expect(await target.importAll(JSON.stringify(data))).to.deep.equal({ imported: 1, skipped: 1 });
    await until(() => ofType(targetEvents, 'delivered').length === 2);
    expect((await target.rejected()).map((r) => r.id)).to.deep.equal([bad.id]);
    expect((await collector.state()).records.map((r) => r.key)).to.deep.equal([later.id]);
    let thrown: unknown;
    await target.importAll({ format: 'nope' }).catch((e: unknown) => (thrown = e));
    expect(thrown).to.be.instanceOf(TypeError);
  });

  it('reports status, stale responses and unsubscribes', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 });
    let clock = Date.now();
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), staleAfterMs: 1000, now: () => clock, retry: { baseMs: 60_000, capMs: 60_000 } });
    const events = record(outbox);
    const seen: string[] = [];
    const stop = outbox.subscribe((event) => seen.push(event.type));
    await outbox.submit(submission());
    await collector.waitFor((s) => s.requests.length === 1);
    await until(() => outbox.status().lastError === 'server-error');
    // No time finer than the response's own: without a submittedAt, the UTC day.
    expect(outbox.status()).to.include({ pending: 1, rejected: 0, storage: 'indexeddb', oldestPendingAt: Math.floor(clock / 86_400_000) * 86_400_000 });
    stop();
    const heard = seen.length;
    clock += 86_400_000;
    await outbox.flush();
    expect(ofType(events, 'stale')).to.have.length(1);
    expect(seen.length).to.equal(heard);
    expect(ofType(events, 'status').length).to.be.greaterThan(0);
  });
});

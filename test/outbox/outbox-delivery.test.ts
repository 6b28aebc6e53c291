import { expect } from '@open-wc/testing';
import { createTestCollector } from '../support/collector.js';
import { cleanUp, ofType, openOutbox, record, sleep, storedKeys, submission, uniqueDatabase, until } from './outbox-harness.js';

describe('outbox: delivery faults', () => {
  afterEach(cleanUp);

  it('503 three times then 200: stored once, one delivered event, queue empty (1)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 }, { status: 503 }, { status: 503 });
    const databaseName = uniqueDatabase();
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName });
    const events = record(outbox);
    const response = submission();
    const receipt = await outbox.submit(response);
    expect(receipt).to.deep.equal({ id: response.id, storage: 'indexeddb', pending: 1 });
    await until(() => ofType(events, 'delivered').length > 0);
    await sleep(100);
    const state = await collector.state();
    expect(state.records.map((r) => r.key)).to.deep.equal([response.id]);
    expect(state.requests.map((r) => r.outcome)).to.deep.equal(['503', '503', '503', 'stored']);
    expect(ofType(events, 'delivered')).to.deep.equal([{ type: 'delivered', id: response.id, status: 201, verified: true }]);
    expect(outbox.status()).to.include({ pending: 0, rejected: 0, lastError: null });
    expect(await storedKeys(databaseName)).to.deep.equal([]);
  });

  it('honours Retry-After before trying again (2)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 429, headers: { 'Retry-After': '1' } });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
    await outbox.submit(submission());
    const state = await collector.waitFor((s) => s.records.length === 1);
    const [first, second] = state.requests;
    expect(second!.at - first!.at).to.be.at.least(950);
  });

  it('a reset after the server stored it is retried with the same key and stored once (3)', async () => {
    const collector = await createTestCollector();
    await collector.script({ reset: 'after' });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
    const events = record(outbox);
    const response = submission();
    await outbox.submit(response);
    await until(() => ofType(events, 'delivered').length > 0);
    const state = await collector.state();
    expect(state.requests.map((r) => [r.key, r.outcome])).to.deep.equal([[response.id, 'stored-then-reset'], [response.id, 'duplicate']]);
    expect(state.records).to.have.length(1);
  });

  it('a hanging server is aborted at the timeout and retried (4)', async () => {
    const collector = await createTestCollector();
    await collector.script({ hang: true });
    // The server would hang for 60 s; 2 s is short enough to prove the abort and long enough that a
    // loaded CI machine does not time out the retry as well.
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), timeoutMs: 2000 });
    const events = record(outbox);
    await outbox.submit(submission());
    await until(() => ofType(events, 'delivered').length > 0, 15_000);
    expect((await collector.state()).requests.map((r) => r.outcome)).to.deep.equal(['hang', 'stored']);
    expect(outbox.status().lastError).to.equal(null);
  });

  for (const status of [400, 413, 415, 422]) {
    it(`${status} moves the response to the rejected store, once, with no retry loop (5)`, async () => {
      const collector = await createTestCollector();
      await collector.script({ status, body: { error: 'bad payload' } });
      const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
      const events = record(outbox);
      const response = submission();
      await outbox.submit(response);
      await until(() => ofType(events, 'rejected').length > 0);
      await sleep(400);
      expect((await collector.state()).requests).to.have.length(1);
      expect(ofType(events, 'rejected')).to.deep.equal([{ type: 'rejected', id: response.id, status, reason: `${status} bad payload` }]);
      expect(outbox.status()).to.include({ pending: 0, rejected: 1 });
      const [kept] = await outbox.rejected();
      expect(kept).to.include({ id: response.id, state: 'rejected', lastStatus: status });
      expect((await outbox.exportAll()).rejected.map((r) => r.id)).to.deep.equal([response.id]);
    });
  }

  it('a rejected response can be retried and discarded only by explicit call (5)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 422 }, { status: 422 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
    const events = record(outbox);
    const [a, b] = [submission(), submission()];
    await outbox.submit(a);
    await outbox.submit(b);
    await until(() => ofType(events, 'rejected').length === 2);
    await outbox.retryRejected(a.id);
    await until(() => ofType(events, 'delivered').length === 1);
    expect((await collector.state()).records.map((r) => r.key)).to.deep.equal([a.id]);
    await outbox.discardRejected(b.id);
    expect(await outbox.rejected()).to.deep.equal([]);
    expect(outbox.status().rejected).to.equal(0);
  });

  for (const [label, step] of [
    ['401', { status: 401 }],
    ['403', { status: 403 }],
    ['a redirect', { status: 302, headers: { Location: '/elsewhere' } }],
  ] as const) {
    it(`${label} keeps responses pending and pauses the endpoint (6)`, async () => {
      const collector = await createTestCollector();
      await collector.script(step, step, step);
      const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 20, capMs: 600 } });
      const events = record(outbox);
      await outbox.submit(submission());
      await outbox.submit(submission());
      await until(() => ofType(events, 'endpoint-error').length > 0);
      await sleep(300);
      // Paused: one probe, not a retry per record or per backoff step.
      expect((await collector.state()).requests).to.have.length(1);
      expect(outbox.status()).to.include({ pending: 2, rejected: 0, lastError: 'endpoint-error' });
      expect(outbox.status().endpointErrors).to.deep.equal([{ endpoint: collector.endpoint, status: 'status' in step && step.status !== 302 ? step.status : outbox.status().endpointErrors[0]!.status, code: 'endpoint-error' }]);
      expect(ofType(events, 'endpoint-error')).to.have.length(1);
    });
  }

  it('a corrected endpoint on the next load delivers everything held by a 404 (6)', async () => {
    const [broken, collector] = [await createTestCollector(), await createTestCollector()];
    await broken.script(...Array.from({ length: 5 }, () => ({ status: 404 })));
    const databaseName = uniqueDatabase();
    const first = openOutbox({ endpoint: broken.endpoint, databaseName });
    const events = record(first);
    const responses = [submission(), submission(), submission()];
    for (const response of responses) await first.submit(response);
    await until(() => ofType(events, 'endpoint-error').length > 0);
    expect(ofType(events, 'endpoint-error')[0]).to.deep.include({ endpoint: broken.endpoint, status: 404, code: 'endpoint-error' });
    first.close();
    const second = openOutbox({ endpoint: collector.endpoint, databaseName });
    const state = await collector.waitFor((s) => s.records.length === 3);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
    await until(() => second.status().pending === 0);
    expect(second.status().endpointErrors).to.deep.equal([]);
    expect((await broken.state()).records).to.have.length(0);
  });

  it('409 counts as delivered (7)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 409 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
    const events = record(outbox);
    const response = submission();
    await outbox.submit(response);
    await until(() => ofType(events, 'delivered').length > 0);
    expect(ofType(events, 'delivered')).to.deep.equal([{ type: 'delivered', id: response.id, status: 409, verified: true }]);
    expect(outbox.status().pending).to.equal(0);
  });

  it('50 queued while offline all arrive once each, in order (8)', async () => {
    const collector = await createTestCollector();
    await collector.script(...Array.from({ length: 4 }, () => ({ reset: 'before' as const })));
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 100, capMs: 300 } });
    const responses = Array.from({ length: 50 }, (_, n) => submission({ n }));
    for (const response of responses) await outbox.submit(response);
    const state = await collector.waitFor((s) => s.records.length === 50, 15_000);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
    expect(state.requests.filter((r) => r.outcome === 'duplicate')).to.have.length(0);
    await until(() => outbox.status().pending === 0);
  });

  it('backs off exponentially while the server is down, and a success resets it (9)', async () => {
    const collector = await createTestCollector();
    // 503 rather than resets: browsers silently retry a POST reset on a reused connection.
    await collector.script(...Array.from({ length: 6 }, () => ({ status: 503 })), {}, { status: 503 });
    // random = 1 makes full jitter take its ceiling: 40, 80, 160, 320, 640, 1000 ms. Wide enough apart
    // that a loaded CI machine (three engines at once) cannot blur base and cap.
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 40, capMs: 1000 }, random: () => 0.999 });
    const [a, b] = [submission(), submission()];
    await outbox.submit(a);
    await outbox.submit(b);
    const state = await collector.waitFor((s) => s.records.length === 2, 10_000);
    const times = state.requests.filter((r) => r.key === a.id).map((r) => r.at);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    expect(gaps).to.have.length(6);
    [40, 80, 160, 320, 640, 1000].forEach((ceiling, i) => expect(gaps[i], `gap ${i}`).to.be.at.least(ceiling * 0.9 - 5));
    expect(gaps[5], 'the cap holds').to.be.below(3000);
    const bTimes = state.requests.filter((r) => r.key === b.id).map((r) => r.at);
    // B's first failure waits the base delay again, not the cap.
    expect(bTimes[1]! - bTimes[0]!).to.be.below(500);
  });

  it('each response goes to the endpoint it was submitted for (10)', async () => {
    const [one, two] = [await createTestCollector(), await createTestCollector()];
    await one.script({ status: 503 });
    const databaseName = uniqueDatabase();
    const first = openOutbox({ endpoint: one.endpoint, databaseName });
    const a = submission();
    await first.submit(a);
    first.close();
    const second = openOutbox({ endpoint: two.endpoint, databaseName });
    const b = submission();
    await second.submit(b);
    await one.waitFor((s) => s.records.length === 1);
    await two.waitFor((s) => s.records.length === 1);
    expect((await one.state()).records.map((r) => r.key)).to.deep.equal([a.id]);
    expect((await two.state()).records.map((r) => r.key)).to.deep.equal([b.id]);
  });

  it('a rejected head does not block the queue: [A→400, B, C] (33)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 400, delayMs: 100 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
    const [a, b, c] = [submission(), submission(), submission()];
    await Promise.all([outbox.submit(a), outbox.submit(b), outbox.submit(c)]);
    const state = await collector.waitFor((s) => s.records.length === 2);
    expect(state.records.map((r) => r.key)).to.deep.equal([b.id, c.id]);
    expect(state.requests[0]!.key).to.equal(a.id);
    await until(() => outbox.status().rejected === 1 && outbox.status().pending === 0);
  });

  it('a transient failure keeps order: A, then A, B, C (34)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503, delayMs: 50 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 300, capMs: 600 }, random: () => 0.999 });
    const [a, b, c] = [submission(), submission(), submission()];
    await Promise.all([outbox.submit(a), outbox.submit(b), outbox.submit(c)]);
    const state = await collector.waitFor((s) => s.records.length === 3);
    expect(state.requests.map((r) => r.key)).to.deep.equal([a.id, a.id, b.id, c.id]);
  });

  it('five triggers at once send each response once (35)', async () => {
    const collector = await createTestCollector();
    await collector.script({ delayMs: 150 }, { delayMs: 150 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
    const [a, b] = [submission(), submission()];
    await Promise.all([outbox.submit(a), outbox.submit(b)]);
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    await collector.waitFor((s) => s.records.length === 2);
    await sleep(300);
    expect((await collector.state()).requests.map((r) => r.key)).to.deep.equal([a.id, b.id]);
  });

  it('a clock a year ahead (or behind) neither deletes nor strands anything (40)', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 }, { status: 503 });
    let offset = 0;
    const slow = { baseMs: 60_000, capMs: 60_000 };
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: slow, random: () => 0.999, now: () => Date.now() + offset });
    const events = record(outbox);
    await outbox.submit(submission());
    await collector.waitFor((s) => s.requests.length === 1);
    // Back a year: the stored next attempt is now absurdly far ahead, so it is due, not stranded.
    offset = -365 * 86_400_000;
    await outbox.flush();
    await collector.waitFor((s) => s.requests.length === 2);
    // Forward a year: due, sent, nothing expired.
    offset = 365 * 86_400_000;
    await outbox.flush();
    await until(() => ofType(events, 'delivered').length === 1);
    expect(ofType(events, 'rejected')).to.have.length(0);
    expect((await collector.state()).records).to.have.length(1);
  });

  it('a cross-origin endpoint without CORS is kept, retried, then reported unreachable (41)', async () => {
    const collector = await createTestCollector({ crossOrigin: true });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 20, capMs: 60 } });
    const events = record(outbox);
    await outbox.submit(submission());
    await until(() => ofType(events, 'endpoint-error').length > 0);
    expect(ofType(events, 'endpoint-error')[0]).to.deep.equal({ type: 'endpoint-error', endpoint: collector.endpoint, status: null, code: 'endpoint-unreachable' });
    expect(outbox.status()).to.include({ pending: 1, lastError: 'endpoint-unreachable' });
    expect((await outbox.exportAll()).pending).to.have.length(1);
  });

  it('delivers cross-origin when CORS allows it', async () => {
    const collector = await createTestCollector({ crossOrigin: true, cors: true });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase() });
    await outbox.submit(submission());
    await collector.waitFor((s) => s.records.length === 1);
  });
});

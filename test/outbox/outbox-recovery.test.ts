import { expect } from '@open-wc/testing';
import { createTestCollector } from '../support/collector.js';
import { cleanUp, ofType, openOutbox, record, sleep, submission, uniqueDatabase, until } from './outbox-harness.js';

/** Backoff that, once grown, is far longer than any wait in these tests: only recovery can explain a delivery. */
const SLOW_AFTER_A_FEW = { retry: { baseMs: 100, capMs: 60_000 }, random: () => 0.999 };

describe('outbox: recovery after an outage (issue 16)', () => {
  afterEach(cleanUp);

  it('success releases the backlog: after the head gets through, the rest follow at once, one at a time', async function () {
    this.timeout(30_000);
    const collector = await createTestCollector();
    // Seven 503s grow the head's backoff to 6.4 s; then the receiver is back but flaky.
    await collector.script(...Array.from({ length: 7 }, () => ({ status: 503 })), { delayMs: 50 }, { status: 503 }, { delayMs: 50 }, { delayMs: 50 }, { delayMs: 50 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), ...SLOW_AFTER_A_FEW });
    const responses = Array.from({ length: 5 }, () => submission());
    for (const response of responses) await outbox.submit(response);
    await collector.waitFor((s) => s.requests.length === 7, 15_000);
    await sleep(300);
    // A tablet waking up (online) tries the head once; its success restarts the count for the rest,
    // so the 503 on the second response waits a base delay, not the grown backoff (12.8 s by then).
    window.dispatchEvent(new Event('online'));
    const state = await collector.waitFor((s) => s.records.length === 5, 4000);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
    expect(state.maxInFlight).to.equal(1);
    // The receiver stores before it answers: give the outbox the moment to hear the last 201.
    await until(() => outbox.status().pending === 0);
    expect(outbox.status().lastError).to.equal(null);
  });

  it('while the receiver keeps failing, one probe at a time and nothing more (wake-ups included)', async () => {
    const collector = await createTestCollector();
    await collector.script(...Array.from({ length: 20 }, () => ({ status: 503 })));
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 1000, capMs: 60_000 }, random: () => 0.999 });
    for (let n = 0; n < 5; n++) await outbox.submit(submission());
    await collector.waitFor((s) => s.requests.length >= 2, 5000);
    // Many wake-ups within one base delay of the last attempt: at most one extra probe.
    for (let n = 0; n < 5; n++) {
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      await outbox.flush();
    }
    await sleep(300);
    const state = await collector.state();
    expect(state.requests.length).to.be.at.most(3);
    expect(new Set(state.requests.map((r) => r.key)).size, 'only the head is probed').to.equal(1);
    expect(state.maxInFlight).to.equal(1);
  });

  it('Retry-After is still honoured: neither a wake-up nor the next responses go before it', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503, headers: { 'Retry-After': '2' } });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 20, capMs: 200 } });
    const [a, b] = [submission(), submission()];
    await outbox.submit(a);
    await collector.waitFor((s) => s.requests.length === 1);
    await outbox.submit(b);
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await outbox.flush();
    const state = await collector.waitFor((s) => s.records.length === 2, 10_000);
    const [first, second] = state.requests;
    expect(second!.key).to.equal(a.id);
    expect(second!.at - first!.at).to.be.at.least(1950);
  });

  it('paused endpoint errors stay paused while another endpoint recovers and the tablet wakes up', async () => {
    const [paused, healthy] = [await createTestCollector(), await createTestCollector()];
    await paused.script({ status: 403 }, { status: 403 });
    await healthy.script({ status: 503 });
    const outbox = openOutbox({ endpoint: paused.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 20, capMs: 60_000 } });
    const events = record(outbox);
    await outbox.submit(submission());
    await outbox.submit(submission());
    await until(() => ofType(events, 'endpoint-error').length === 1);
    await outbox.submit(submission(), { endpoint: healthy.endpoint });
    await healthy.waitFor((s) => s.records.length === 1);
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await outbox.flush();
    await sleep(300);
    expect((await paused.state()).requests).to.have.length(1);
    expect(outbox.status()).to.deep.include({ pending: 2 });
    expect(outbox.status().endpointErrors).to.deep.equal([{ endpoint: paused.endpoint, status: 403, code: 'endpoint-error' }]);
    // Its own probe ("Send now" here) lifts the pause once it succeeds.
    await outbox.flush({ ignoreBackoff: true });
    await outbox.flush({ ignoreBackoff: true });
    await paused.waitFor((s) => s.records.length === 2);
    await until(() => outbox.status().endpointErrors.length === 0);
  });

  it('no second request in flight during recovery, whatever triggers arrive and however many outboxes share the queue', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 }, { status: 503 }, ...Array.from({ length: 8 }, (_, n) => (n % 3 === 1 ? { status: 503, delayMs: 80 } : { delayMs: 80 })));
    const databaseName = uniqueDatabase();
    const [tab1, tab2] = [openOutbox({ endpoint: collector.endpoint, databaseName, retry: { baseMs: 30, capMs: 300 } }), openOutbox({ endpoint: collector.endpoint, databaseName, retry: { baseMs: 30, capMs: 300 } })];
    const responses = Array.from({ length: 6 }, () => submission());
    for (const [n, response] of responses.entries()) await (n % 2 ? tab1 : tab2).submit(response);
    for (let n = 0; n < 10; n++) {
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      void tab1.flush();
      void tab2.flush({ ignoreBackoff: n % 3 === 0 });
      await sleep(40);
    }
    const state = await collector.waitFor((s) => s.records.length === 6, 15_000);
    expect(state.maxInFlight).to.equal(1);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
  });
});

import { expect } from '@open-wc/testing';
import { createTestCollector } from '../support/collector.js';
import { cleanUp, ofType, openOutbox, record, submission, uniqueDatabase, until } from './outbox-harness.js';

describe('outbox: proof of work (issue 12)', () => {
  afterEach(cleanUp);

  it('a POST without a valid solution is refused with 428', async () => {
    const collector = await createTestCollector();
    await collector.requireProofOfWork();
    const bare = await fetch(collector.endpoint, { method: 'POST', headers: { 'Idempotency-Key': 'x' }, body: '{"id":"x"}' });
    expect(bare.status).to.equal(428);
    expect(await bare.json()).to.deep.equal({ error: 'proof-of-work-required' });
    const forged = await fetch(collector.endpoint, { method: 'POST', headers: { 'Idempotency-Key': 'y', Altcha: btoa('{"number":1}') }, body: '{"id":"y"}' });
    expect(forged.status).to.equal(428);
    expect((await collector.state()).records).to.have.length(0);
  });

  it('the outbox solves right before each delivery: every response lands once, in order', async () => {
    const collector = await createTestCollector();
    await collector.requireProofOfWork({ maxnumber: 5000 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), proofOfWork: { challengeUrl: collector.challengeUrl } });
    const responses = [submission(), submission(), submission()];
    for (const response of responses) await outbox.submit(response);
    const state = await collector.waitFor((s) => s.records.length === 3, 15_000);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
    expect(state.requests.map((r) => r.outcome)).to.deep.equal(['stored', 'stored', 'stored']);
    expect(state.challenges).to.have.length(3);
    await until(() => outbox.status().pending === 0);
  });

  it('after an offline spell (challenges and POSTs failing) the queued responses land once', async () => {
    const collector = await createTestCollector();
    await collector.requireProofOfWork({ maxnumber: 2000, failChallenges: 3 });
    await collector.script({ reset: 'before' }, { reset: 'after' });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), proofOfWork: { challengeUrl: collector.challengeUrl }, retry: { baseMs: 50, capMs: 300 } });
    const events = record(outbox);
    const responses = [submission(), submission(), submission()];
    for (const response of responses) await outbox.submit(response);
    const state = await collector.waitFor((s) => s.records.length === 3, 20_000);
    expect(state.records.map((r) => r.key)).to.deep.equal(responses.map((r) => r.id));
    expect(state.requests.filter((r) => r.outcome === 'duplicate')).to.have.length(1);
    await until(() => ofType(events, 'delivered').length === 3);
    expect(ofType(events, 'rejected')).to.have.length(0);
  });

  it('428 (a stale or replayed solution) is retried with a fresh challenge, never rejected', async () => {
    const collector = await createTestCollector();
    await collector.requireProofOfWork({ maxnumber: 2000 });
    await collector.script({ status: 428, body: { error: 'proof-of-work-invalid' } });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), proofOfWork: { challengeUrl: collector.challengeUrl } });
    const events = record(outbox);
    await outbox.submit(submission());
    await until(() => ofType(events, 'delivered').length === 1, 10_000);
    const state = await collector.state();
    expect(state.requests.map((r) => r.outcome)).to.deep.equal(['428', 'stored']);
    expect(state.challenges).to.have.length(2);
    expect(ofType(events, 'rejected')).to.have.length(0);
  });
});

import { expect } from '@open-wc/testing';
import { OutboxError } from '../../src/outbox/index.js';
import { getSharedOutbox } from '../../src/outbox/shared.js';
import { createTestCollector, type TestCollector } from '../support/collector.js';
import { cleanUp, ofType, openOutbox, record, seed, storedValue, submission, uniqueDatabase, until } from './outbox-harness.js';

const SECRET = 'api-key-for-A';
const headerOf = async (collector: TestCollector) => (await collector.state()).records.map((r) => r.headers['x-test-header'] ?? null);

describe('outbox: delivery options stay with their endpoint', () => {
  afterEach(cleanUp);

  it('headers given with the endpoint are not sent to another endpoint named at submit', async () => {
    const [a, b] = [await createTestCollector(), await createTestCollector()];
    const outbox = openOutbox({ endpoint: a.endpoint, databaseName: uniqueDatabase(), headers: { 'X-Test-Header': SECRET } });
    await outbox.submit(submission());
    await outbox.submit(submission(), { endpoint: b.endpoint });
    await a.waitFor((s) => s.records.length === 1);
    await b.waitFor((s) => s.records.length === 1);
    expect(await headerOf(a)).to.deep.equal([SECRET]);
    expect(await headerOf(b)).to.deep.equal([null]);
  });

  it('a second survey sharing the page outbox on another endpoint does not get the first survey headers', async () => {
    const [a, b] = [await createTestCollector(), await createTestCollector()];
    const databaseName = uniqueDatabase();
    const first = getSharedOutbox({ endpoint: a.endpoint, databaseName, headers: { 'X-Test-Header': SECRET } });
    const second = getSharedOutbox({ endpoint: b.endpoint, databaseName });
    try {
      expect(second).to.equal(first);
      await second.submit(submission(), { endpoint: b.endpoint });
      await first.submit(submission(), { endpoint: a.endpoint });
      await b.waitFor((s) => s.records.length === 1);
      await a.waitFor((s) => s.records.length === 1);
      expect(await headerOf(b)).to.deep.equal([null]);
      expect(await headerOf(a)).to.deep.equal([SECRET]);
    } finally {
      first.close();
    }
  });

  it('an imported record that points elsewhere is sent without this page headers', async () => {
    const [a, elsewhere] = [await createTestCollector(), await createTestCollector()];
    const foreign = submission();
    const data = {
      format: 'encounter-survey-outbox',
      version: 1,
      exportedAt: new Date().toISOString(),
      // As an older version exported it (this version reads both).
      pending: [{ schemaVersion: 1, id: foreign.id, submission: foreign, endpoint: elsewhere.endpoint, state: 'pending', createdAt: 0, sequence: 0, attempts: 0, nextAttemptAt: 0, lastError: null, lastStatus: null, reason: null }],
      rejected: [],
      unreadable: [],
    };
    const outbox = openOutbox({ endpoint: a.endpoint, databaseName: uniqueDatabase(), headers: { 'X-Test-Header': SECRET } });
    expect(await outbox.importAll(data)).to.deep.equal({ imported: 1, skipped: 0 });
    await elsewhere.waitFor((s) => s.records.length === 1);
    expect(await headerOf(elsewhere)).to.deep.equal([null]);
  });

  it('each endpoint gets the headers registered for it, compared after URL normalisation', async () => {
    const [a, b] = [await createTestCollector(), await createTestCollector()];
    const outbox = openOutbox({ databaseName: uniqueDatabase() });
    // Same URL, other spelling: upper-case host, explicit default-less port form is kept by the test server.
    const shouted = b.endpoint.replace('localhost', 'LOCALHOST');
    expect(outbox.configureEndpoint(shouted, { headers: { 'X-Test-Header': 'for-B' } })).to.equal(b.endpoint);
    outbox.configureEndpoint(a.endpoint, { headers: { 'X-Test-Header': 'for-A' } });
    await outbox.submit(submission(), { endpoint: a.endpoint });
    await outbox.submit(submission(), { endpoint: b.endpoint });
    await a.waitFor((s) => s.records.length === 1);
    await b.waitFor((s) => s.records.length === 1);
    expect(await headerOf(a)).to.deep.equal(['for-A']);
    expect(await headerOf(b)).to.deep.equal(['for-B']);
  });

  it('headers are never written to IndexedDB', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 });
    const databaseName = uniqueDatabase();
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName, headers: { 'X-Test-Header': SECRET }, retry: { baseMs: 60_000, capMs: 60_000 } });
    const response = submission();
    await outbox.submit(response);
    await until(() => outbox.status().lastError === 'server-error');
    expect(JSON.stringify(await storedValue(databaseName, response.id))).not.to.include(SECRET);
  });

  it('pagehide keepalive sends each endpoint only its own headers', async () => {
    const [a, b] = [await createTestCollector(), await createTestCollector()];
    await a.script({ status: 503 });
    await b.script({ status: 503 });
    const outbox = openOutbox({ endpoint: a.endpoint, databaseName: uniqueDatabase(), headers: { 'X-Test-Header': SECRET }, retry: { baseMs: 60_000, capMs: 60_000 } });
    await outbox.submit(submission(), { keepalive: true });
    await outbox.submit(submission(), { endpoint: b.endpoint, keepalive: true });
    await until(async () => (await a.state()).requests.length === 1 && (await b.state()).requests.length === 1, 5000, 'both 503s');
    await until(() => outbox.status().lastError !== null);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await a.waitFor((s) => s.records.length === 1);
    await b.waitFor((s) => s.records.length === 1);
    expect(await headerOf(a)).to.deep.equal([SECRET]);
    expect(await headerOf(b)).to.deep.equal([null]);
  });

  it('refuses headers the transport owns or browsers forbid, in any case, with an OutboxError', () => {
    const refused = ['Idempotency-Key', 'content-type', 'ALTCHA', 'Cookie', 'Origin', 'Sec-Fetch-Site', 'Proxy-Authorization', 'Bad Name'];
    const endpoint = 'https://example.org/r';
    for (const name of refused) {
      let thrown: unknown;
      try {
        openOutbox({ endpoint, databaseName: uniqueDatabase(), headers: { [name]: 'x' } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, name).to.be.instanceOf(OutboxError);
      expect((thrown as OutboxError).code, name).to.equal('invalid-delivery-options');
      expect((thrown as OutboxError).message, name).to.include(name);
    }
    const outbox = openOutbox({ databaseName: uniqueDatabase() });
    expect(() => outbox.configureEndpoint(endpoint, { headers: { 'X-Line': 'a\r\nInjected: 1' } })).to.throw(OutboxError, /one line/);
    expect(() => outbox.configureEndpoint(endpoint, { timeoutMs: 0 })).to.throw(OutboxError, /timeoutMs/);
    expect(() => outbox.configureEndpoint('http://example.org/r', {})).to.throw(OutboxError);
    expect(() => outbox.configureEndpoint(endpoint, { proofOfWork: { challengeUrl: 'http://example.org/c' } })).to.throw(OutboxError, /challengeUrl/);
    expect(outbox.configureEndpoint(endpoint, { headers: { Authorization: 'Bearer x' } })).to.equal(endpoint);
  });

  it('the shared outbox (what elements use) never throws for bad options: it leaves them out and says so', async () => {
    const collector = await createTestCollector();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    const databaseName = uniqueDatabase();
    let outbox;
    try {
      outbox = getSharedOutbox({ endpoint: collector.endpoint, databaseName, headers: { 'Content-Type': 'text/plain', 'X-Test-Header': SECRET } });
      expect(getSharedOutbox({ endpoint: 'https://example.org/r', databaseName, headers: { Cookie: 'x' } })).to.equal(outbox);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).to.match(/Content-Type/).and.match(/Cookie/);
    try {
      await outbox.submit(submission());
      await collector.waitFor((s) => s.records.length === 1);
      expect(await headerOf(collector)).to.deep.equal([null]);
    } finally {
      outbox.close();
    }
  });

  it('new options for an endpoint paused by 401 try it again at once', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 401 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName: uniqueDatabase(), retry: { baseMs: 60_000, capMs: 60_000 } });
    const events = record(outbox);
    await outbox.submit(submission());
    await until(() => ofType(events, 'endpoint-error').length === 1);
    outbox.configureEndpoint(collector.endpoint, { headers: { 'X-Test-Header': 'fixed-key' } });
    await collector.waitFor((s) => s.records.length === 1);
    expect(await headerOf(collector)).to.deep.equal(['fixed-key']);
    await until(() => outbox.status().endpointErrors.length === 0);
  });

  it('an older record without a sequence is upgraded, goes first, and loses its exact time on the device', async () => {
    const collector = await createTestCollector();
    const databaseName = uniqueDatabase();
    const exact = Date.UTC(2026, 10, 20, 14, 37, 12, 345);
    const [old1, old2] = [submission({ submittedAt: '2026-11-20T14:00:00.000Z' }), submission()];
    await seed(databaseName, {
      [old2.id]: { schemaVersion: 1, id: old2.id, submission: old2, endpoint: collector.endpoint, state: 'pending', createdAt: exact + 5, sequence: 0, attempts: 0, nextAttemptAt: exact + 5, lastError: null, lastStatus: null, reason: null },
      [old1.id]: { schemaVersion: 1, id: old1.id, submission: old1, endpoint: collector.endpoint, state: 'pending', createdAt: exact, sequence: 0, attempts: 0, nextAttemptAt: exact, lastError: null, lastStatus: null, reason: null },
    });
    await collector.script({ status: 503 }, { status: 503 });
    const outbox = openOutbox({ endpoint: collector.endpoint, databaseName, retry: { baseMs: 60_000, capMs: 60_000 } });
    const fresh = submission();
    await outbox.submit(fresh);
    await collector.waitFor((s) => s.requests.length >= 1);
    await until(async () => ((await storedValue(databaseName, old1.id)) as { schemaVersion: number }).schemaVersion === 2, 5000, 'the upgrade');
    const stored = JSON.stringify([await storedValue(databaseName, old1.id), await storedValue(databaseName, old2.id)]);
    expect(stored).not.to.include(String(exact));
    expect(stored).not.to.include('nextAttemptAt');
    await outbox.flush({ ignoreBackoff: true });
    await outbox.flush({ ignoreBackoff: true });
    const state = await collector.waitFor((s) => s.records.length === 3);
    expect(state.records.map((r) => r.key)).to.deep.equal([old1.id, old2.id, fresh.id]);
  });
});

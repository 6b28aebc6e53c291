import { expect, waitUntil } from '@open-wc/testing';
import { jsonProfile } from '../../src/core/delivery/profiles/json.js';
import { fetchTransport } from '../../src/transport/fetch-transport.js';
import { createTestCollector } from '../support/collector.js';

/** The default profile's request (what the outbox sends), with the test's own changes. */
const send = (endpoint: string, extra: { payload?: unknown; headers?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal } = {}) => {
  const request = jsonProfile.request(extra.payload ?? { id: 'key-1', a: 'ü' }, 'key-1', { url: endpoint, headers: extra.headers ?? {}, redirectHosts: [] });
  return fetchTransport({ endpoint, ...request, timeoutMs: extra.timeoutMs ?? 2000, keepalive: false, signal: extra.signal });
};

describe('transport/fetch', () => {
  it('POSTs JSON with the Idempotency-Key, extra headers, and no cookies or referrer', async () => {
    const collector = await createTestCollector();
    document.cookie = 'es-test-tracker=1; path=/';
    try {
      const outcome = await send(collector.endpoint, { headers: { 'X-Test-Header': 'yes' } });
      expect(outcome).to.include({ status: 201 });
      const { records, requests } = await collector.state();
      expect(records[0]!.key).to.equal('key-1');
      expect(records[0]!.body).to.deep.equal({ id: 'key-1', a: 'ü' });
      expect(records[0]!.headers['content-type']).to.equal('application/json');
      expect(records[0]!.headers['x-test-header']).to.equal('yes');
      expect(requests[0]!.cookie).to.equal(null);
      expect(requests[0]!.referer).to.equal(null);
    } finally {
      document.cookie = 'es-test-tracker=; path=/; max-age=0';
    }
  });

  it('sends a string body as text/plain', async () => {
    const collector = await createTestCollector();
    await send(collector.endpoint, { payload: 'a=1' });
    const { records } = await collector.state();
    expect(records[0]!.headers['content-type']).to.match(/^text\/plain/);
    expect(records[0]!.body).to.equal('a=1');
  });

  it('reports status, Retry-After and a short reason', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503, headers: { 'Retry-After': '7' } }, { status: 422, body: { error: 'answers.q1 is not an option' } });
    expect(await send(collector.endpoint)).to.include({ status: 503, retryAfter: '7' });
    expect(await send(collector.endpoint)).to.include({ status: 422, reason: '422 answers.q1 is not an option' });
  });

  it('never follows a redirect', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 302, headers: { Location: collector.endpoint } });
    expect(await send(collector.endpoint)).to.include({ failure: 'redirect' });
    expect((await collector.state()).records).to.have.length(0);
  });

  it('aborts a hanging request at the timeout', async () => {
    const collector = await createTestCollector();
    await collector.script({ hang: true });
    expect(await send(collector.endpoint, { timeoutMs: 300 })).to.deep.equal({ status: null, failure: 'timeout' });
    // The server would hang for 60 s: the request must be closed by the browser, not left open.
    await waitUntil(async () => (await collector.state()).requests[0]?.closedByClient === true, 'the request was left open', { timeout: 10_000 });
  });

  it('reports a reset connection and a CORS refusal as network errors', async () => {
    const collector = await createTestCollector();
    await collector.script({ reset: 'before' });
    expect(await send(collector.endpoint)).to.deep.equal({ status: null, failure: 'network-error' });
    const noCors = await createTestCollector({ crossOrigin: true });
    expect(await send(noCors.endpoint)).to.deep.equal({ status: null, failure: 'network-error' });
    const withCors = await createTestCollector({ crossOrigin: true, cors: true });
    expect(await send(withCors.endpoint)).to.include({ status: 201 });
  });

  it('reports an abort by the caller as aborted, not as a failure to count', async () => {
    const collector = await createTestCollector();
    await collector.script({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await send(collector.endpoint, { signal: controller.signal })).to.deep.equal({ status: null, failure: 'aborted' });
  });
});

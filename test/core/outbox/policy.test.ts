import { expect } from '@open-wc/testing';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/core/outbox/backoff.js';
import { classifyOutcome } from '../../../src/core/outbox/classify.js';
import { checkEndpoint, checkEndpointDelivery } from '../../../src/core/outbox/endpoint.js';
import { movedToCorrectedEndpoint, oldestPendingAt, queuesByEndpoint } from '../../../src/core/outbox/queue.js';
import { newRecord } from '../../../src/core/outbox/record.js';

const timing = { baseMs: 2000, capMs: 300_000 };

describe('core/outbox policy', () => {
  it('classifies every outcome class', () => {
    const kind = (status: number | null, failure?: 'network-error' | 'timeout' | 'redirect' | 'aborted') =>
      classifyOutcome({ status, ...(failure ? { failure } : {}) }).kind;
    for (const status of [200, 201, 204, 409]) expect(kind(status), String(status)).to.equal('delivered');
    for (const status of [408, 425, 428, 429, 500, 502, 503, 504]) expect(kind(status), String(status)).to.equal('retry');
    expect(classifyOutcome({ status: 428 })).to.deep.equal({ kind: 'retry', code: 'proof-of-work', status: 428 });
    for (const status of [401, 403, 404, 405, 410, 301, 302, 307, 308]) expect(kind(status), String(status)).to.equal('endpoint-error');
    for (const status of [400, 413, 415, 422, 418]) expect(kind(status), String(status)).to.equal('rejected');
    expect(kind(null, 'network-error')).to.equal('retry');
    expect(classifyOutcome({ status: null, failure: 'timeout' })).to.deep.equal({ kind: 'retry', code: 'timeout', status: null });
    expect(kind(0, 'redirect')).to.equal('endpoint-error');
    expect(kind(null, 'aborted')).to.equal('aborted');
    expect(classifyOutcome({ status: 422, reason: 'x'.repeat(500) })).to.include({ kind: 'rejected' });
    expect((classifyOutcome({ status: 422, reason: 'x'.repeat(500) }) as { reason: string }).reason).to.have.length(200);
    expect(classifyOutcome({ status: 400 })).to.deep.equal({ kind: 'rejected', status: 400, reason: 'HTTP 400' });
  });

  it('backs off exponentially with full jitter up to the cap', () => {
    expect(backoffDelay(1, timing, () => 0.999999)).to.be.within(1990, 2000);
    expect(backoffDelay(2, timing, () => 0.5)).to.equal(2000);
    expect(backoffDelay(3, timing, () => 0.999999)).to.be.within(7990, 8000);
    expect(backoffDelay(40, timing, () => 0.999999)).to.be.within(299_000, 300_000);
    expect(backoffDelay(5, timing, () => 0)).to.equal(0);
  });

  it('reads Retry-After as seconds or an HTTP date, clamped', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('3', now)).to.equal(3000);
    expect(parseRetryAfter(new Date(now + 10_000).toUTCString(), now)).to.equal(10_000);
    expect(parseRetryAfter(new Date(now - 10_000).toUTCString(), now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(null);
    expect(parseRetryAfter(null, now)).to.equal(null);
    expect(parseRetryAfter('99999999', now)).to.equal(MAX_RETRY_AFTER_MS);
  });

  it('orders each endpoint queue by sequence (ties by id), whatever the queue time says', () => {
    const a = newRecord({ id: 'a' }, 'https://x.test/r', 100, 2);
    const b = newRecord({ id: 'b' }, 'https://x.test/r', 50, 3);
    const b2 = newRecord({ id: 'b2' }, 'https://x.test/r', 50, 3);
    const c = newRecord({ id: 'c' }, 'https://y.test/r', 50, 1);
    const rejected = { ...newRecord({ id: 'd' }, 'https://x.test/r', 1, 0), state: 'rejected' as const };
    const queues = queuesByEndpoint([b2, b, rejected, c, a]);
    expect([...queues.keys()]).to.deep.equal(['https://y.test/r', 'https://x.test/r']);
    expect(queues.get('https://x.test/r')!.map((r) => r.id)).to.deep.equal(['a', 'b', 'b2']);
    expect(oldestPendingAt([a, b, rejected])).to.equal(50);
    expect(oldestPendingAt([rejected])).to.equal(null);
  });

  it('accepts https and loopback http endpoints only', () => {
    expect(checkEndpoint('https://example.org/r')).to.deep.equal({ url: 'https://example.org/r' });
    expect(checkEndpoint('http://localhost:8000/r')).to.have.property('url');
    expect(checkEndpoint('http://127.0.0.1/r')).to.have.property('url');
    expect(checkEndpoint('/r', 'http://localhost:9000/page')).to.deep.equal({ url: 'http://localhost:9000/r' });
    expect(checkEndpoint('http://example.org/r')).to.deep.equal({ problem: 'endpoint-insecure' });
    expect(checkEndpoint('http://localhost.evil.test/r')).to.deep.equal({ problem: 'endpoint-insecure' });
    expect(checkEndpoint('https://user:pw@example.org/r')).to.deep.equal({ problem: 'endpoint-insecure' });
    expect(checkEndpoint('javascript:alert(1)')).to.deep.equal({ problem: 'endpoint-insecure' });
    expect(checkEndpoint('')).to.deep.equal({ problem: 'endpoint-missing' });
    expect(checkEndpoint(undefined)).to.deep.equal({ problem: 'endpoint-missing' });
    expect(checkEndpoint('not a url')).to.deep.equal({ problem: 'endpoint-missing' });
  });

  it('checks delivery options per endpoint: every problem at once, defaults filled in', () => {
    const defaults = { timeoutMs: 15_000 };
    expect(checkEndpointDelivery({}, defaults)).to.deep.equal({ ok: true, delivery: { profile: 'json', headers: {}, fields: null, redirectHosts: [], timeoutMs: 15_000, proofOfWork: null } });
    const good = checkEndpointDelivery({ headers: { Authorization: 'Bearer x' }, timeoutMs: 5000, proofOfWork: { challengeUrl: '/challenge' } }, defaults, 'https://site.test/page');
    expect(good).to.deep.equal({ ok: true, delivery: { profile: 'json', headers: { Authorization: 'Bearer x' }, fields: null, redirectHosts: [], timeoutMs: 5000, proofOfWork: { challengeUrl: 'https://site.test/challenge' } } });
    const bad = checkEndpointDelivery(
      { headers: { 'idempotency-key': 'x', COOKIE: 'a', 'x ok': 'b', 'X-Fine': 'line\nbreak' }, timeoutMs: -1, proofOfWork: { challengeUrl: 'http://elsewhere.test/c' } },
      defaults,
    );
    expect(bad.ok).to.equal(false);
    if (bad.ok) return;
    expect(bad.problems).to.have.length(6);
    expect(bad.problems.join('\n')).to.match(/idempotency-key.*set by encounter-survey/).and.match(/COOKIE.*browsers/).and.match(/"x ok" is not a valid header name/);
    expect(bad.problems.join('\n')).to.match(/X-Fine.*one line/).and.match(/timeoutMs/).and.match(/challengeUrl/);
  });

  it('moves queues paused by an endpoint error to a corrected endpoint on the same origin only', () => {
    const paused = { ...newRecord({ id: 'a' }, 'https://x.test/old', 0, 1), lastError: 'endpoint-error' };
    const behind = newRecord({ id: 'b' }, 'https://x.test/old', 0, 2);
    const waiting = { ...newRecord({ id: 'c' }, 'https://x.test/other', 0, 3), lastError: 'server-error' };
    const foreign = { ...newRecord({ id: 'd' }, 'https://y.test/old', 0, 4), lastError: 'endpoint-error' };
    const moved = movedToCorrectedEndpoint([paused, behind, waiting, foreign], 'https://x.test/new');
    expect(moved.map((r) => [r.id, r.endpoint])).to.deep.equal([['a', 'https://x.test/new'], ['b', 'https://x.test/new']]);
  });
});

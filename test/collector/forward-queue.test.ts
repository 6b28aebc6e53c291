// The outbox's claims on both engines, with the clock in the test's hands: a leased delivery is
// never claimed twice until its lease expires (an instance that died), an outcome written with a
// superseded claim's token changes nothing, and the delivery rows come and go with their response.
// Plus the retry policy itself (pure): capped backoff with jitter, Retry-After, dead-letter by age.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RetryPolicy } from '../../collector/src/forward/config.js';
import { backoffMs, retryAfterMs, settle } from '../../collector/src/forward/policy.js';
import { engines, post, submission, withCollector } from './helpers.js';
import { SECRET, settings } from './forward-helpers.js';

const START = Date.parse('2027-12-31T23:59:59.000Z'); // a year's last second
const at = (ms: number) => new Date(START + ms);

for (const { engine, skip } of engines) {
  describe(`delivery claims (${engine})`, { skip }, () => {
    test('a leased row is not claimed again until the lease expires; the old claim\'s outcome is ignored', async () => {
      // The worker is pointed at a receiver that never exists, and stopped: the test claims by hand.
      const collector = await withCollector(engine, {
        now: () => at(0),
        forward: { settings: settings({ surveys: { 'after-call': { destinations: [{ name: 'crm', kind: 'webhook', url: 'http://127.0.0.1:9/', secrets: [SECRET] }] } } }) },
      });
      try {
        await collector.forwarding!.stop();
        const body = submission();
        // The worker is stopped, so nothing claims the row but this test.
        assert.equal((await post(collector.url, body)).status, 201);
        const queue = collector.forwarding!.queue;
        const [{ n }] = await collector.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries WHERE response_id = $1', [body.id]);
        assert.equal(n, 1, 'the delivery row was written with the response');
        const first = await queue.claim(['crm'], { now: at(0), leaseUntil: at(10_000), token: crypto.randomUUID(), limit: 10 });
        assert.equal(first.length, 1);
        assert.equal(first[0]!.responseId, body.id);
        assert.equal(first[0]!.attempts, 1);
        assert.deepEqual(await queue.claim(['crm'], { now: at(9_999), leaseUntil: at(20_000), token: crypto.randomUUID(), limit: 10 }), [], 'leased: no second claim');
        const second = await queue.claim(['crm'], { now: at(10_000), leaseUntil: at(20_000), token: crypto.randomUUID(), limit: 10 });
        assert.equal(second.length, 1, 'the lease expired (its instance died): another claim takes it');
        assert.equal(second[0]!.deliveryId, first[0]!.deliveryId, 'the same delivery, so the same webhook-id');
        assert.equal(second[0]!.attempts, 2);
        // The first claim's late outcome must not overwrite the live claim.
        await queue.settle([{ id: first[0]!.deliveryId, token: first[0]!.token, state: 'delivered', dueAt: null, status: 200, error: null }], at(10_001), new Map());
        assert.deepEqual((await queue.counts()).map((c) => [c.delivered, c.waiting]), [[0, 1]]);
        await queue.settle([{ id: second[0]!.deliveryId, token: second[0]!.token, state: 'delivered', dueAt: null, status: 204, error: null }], at(10_002), new Map());
        assert.deepEqual((await queue.counts()).map((c) => [c.delivered, c.waiting]), [[1, 0]]);
        // Retention deletes the response: its deliveries go with it.
        assert.equal(await collector.store.deleteReceivedBefore('2099-01-01'), 1);
        assert.deepEqual((await queue.counts()).map((c) => [c.delivered, c.waiting, c.failed]), [[0, 0, 0]]);
      } finally {
        await collector.stop();
      }
    });
  });
}

describe('retry policy', () => {
  const policy: RetryPolicy = { attempts: 5, maxAgeMs: 86_400_000, firstDelayMs: 1000, maxDelayMs: 8000 };
  const failure = { kind: 'response' as const, status: 503, retryAfter: null, snippet: '' };

  test('backoff doubles up to the cap, with jitter between half and all of it', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, policy, () => 0)), [500, 1000, 2000, 4000, 4000, 4000]);
    assert.deepEqual([1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, policy, () => 0.999999)).map(Math.round), [1000, 2000, 4000, 8000, 8000, 8000]);
  });

  test('Retry-After in seconds or as a date, never sooner; dead-lettered at the attempt cap or the age cap', () => {
    const now = at(0);
    assert.equal(retryAfterMs('30', now), 30_000);
    assert.equal(retryAfterMs(new Date(START + 90_000).toUTCString(), now), 90_000);
    assert.equal(retryAfterMs('soon', now), null);
    const later = settle({ ...failure, retryAfter: '60' }, { attempts: 1, firstFailedAt: null, now, random: () => 0, policy });
    assert.deepEqual(later, { state: 'waiting', dueAt: at(60_000), status: 503, error: 'HTTP 503' });
    assert.equal(settle(failure, { attempts: 4, firstFailedAt: now, now, random: () => 0, policy }).state, 'waiting');
    assert.equal(settle(failure, { attempts: 5, firstFailedAt: now, now, random: () => 0, policy }).state, 'failed', 'the fifth attempt was the last');
    assert.equal(settle(failure, { attempts: 2, firstFailedAt: at(-86_399_999), now, random: () => 0, policy }).state, 'waiting');
    assert.equal(settle(failure, { attempts: 2, firstFailedAt: at(-86_400_000), now, random: () => 0, policy }).state, 'failed', 'a day after the first failure');
  });

  test('2xx and 409 are delivered; a payload problem or a refused address fails at once; 404 and resets are retried', () => {
    const context = { attempts: 1, firstFailedAt: null, now: at(0), random: () => 0.5, policy };
    assert.equal(settle({ ...failure, status: 201 }, context).state, 'delivered');
    assert.equal(settle({ ...failure, status: 409 }, context).state, 'delivered');
    for (const status of [400, 413, 415, 422]) assert.equal(settle({ ...failure, status }, context).state, 'failed', String(status));
    assert.equal(settle({ kind: 'refused', message: 'x is private: refused' }, context).state, 'failed');
    for (const status of [404, 408, 429, 500]) assert.equal(settle({ ...failure, status }, context).state, 'waiting', String(status));
    assert.equal(settle({ kind: 'network', message: 'ECONNRESET' }, context).state, 'waiting');
  });
});

// Onward delivery on both engines, to real receivers on 127.0.0.1: what each kind receives, the
// signature (checked with the standardwebhooks library's own verifier), the outbox written with the
// response, retries, Retry-After, dead-lettering exactly per the policy, "Send again", chat batching.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { engines, json, post, staff, submission, withCollector } from './helpers.js';
import { eventually, OLD_SECRET, receiver, SECRET, settings } from './forward-helpers.js';

// A leap day, a minute before midnight: the clock is the test's, never today's.
const START = Date.parse('2028-02-29T23:59:00.000Z');

for (const { engine, skip } of engines) {
  describe(`onward delivery (${engine})`, { skip }, () => {
    test('webhook: signed per Standard Webhooks, only the named fields, free text only when named, once per response', async () => {
      const sink = await receiver();
      let time = START;
      const collector = await withCollector(engine, {
        now: () => new Date(time),
        forward: { settings: settings({ surveys: { 'after-call': { destinations: [{ name: 'crm', kind: 'webhook', url: `${sink.url}/hook`, secrets: [SECRET, OLD_SECRET], fields: ['helped', 'heard', 'tag.site'] }] } } }) },
      });
      try {
        const body = submission({ answers: { types: ['emotional', 'other'], 'types.other': 'my name is Ann', helped: 'no', why: 'call me on 555', heard: 4 } });
        assert.equal((await post(collector.url, body)).status, 201);
        assert.equal((await post(collector.url, body)).status, 409); // a repeat queues nothing more
        await eventually('the webhook arrives', () => sink.received.length >= 1);
        await eventually('its delivery is recorded', async () => (await collector.forwarding!.queue.counts())[0]!.delivered === 1);
        assert.equal(sink.received.length, 1);
        const [request] = sink.received;
        const headers = { 'webhook-id': String(request!.headers['webhook-id']), 'webhook-timestamp': String(request!.headers['webhook-timestamp']), 'webhook-signature': String(request!.headers['webhook-signature']) };
        assert.equal(headers['webhook-timestamp'], String(Math.floor(START / 1000)), 'signed at the injected time');
        // The library's verifier checks the timestamp against the real clock: verify at the signing time.
        const realNow = Date.now;
        Date.now = () => START + 1000;
        try {
          for (const secret of [SECRET, OLD_SECRET]) {
            const payload = new Webhook(secret).verify(request!.body, headers) as { type: string; data: Record<string, unknown> };
            assert.deepEqual(payload, {
              type: 'survey.response',
              data: { id: body.id, survey: { id: 'after-call', version: '1' }, answers: { helped: 'no', heard: 4 }, tags: { site: 'north' } },
            });
          }
          assert.throws(() => new Webhook(SECRET).verify(request!.body.replace('"no"', '"yes"'), headers), /signature/i, 'a tampered body is refused');
          Date.now = () => START + 6 * 60_000;
          assert.throws(() => new Webhook(SECRET).verify(request!.body, headers), /timestamp/i, 'an old timestamp is refused');
        } finally {
          Date.now = realNow;
        }
        assert.doesNotMatch(request!.body, /Ann|555/, 'free text that was not named never leaves');
      } finally {
        await collector.stop();
        await sink.close();
      }
    });

    test('retries with the same webhook-id, honours Retry-After, dead-letters after exactly the set attempts; "Send again" delivers', async () => {
      let time = START;
      let up = false;
      const sink = await receiver((_request, index) =>
        up ? { status: 204 } : index === 0 ? { status: 503, headers: { 'retry-after': '120' } } : { status: 500, body: 'database is down'.padEnd(400, '!') },
      );
      const collector = await withCollector(engine, {
        now: () => new Date(time),
        forward: { settings: settings({ surveys: { 'after-call': { destinations: [{ name: 'crm', kind: 'webhook', url: sink.url, secrets: [SECRET] }] } } }), random: () => 0.5 },
      });
      try {
        const body = submission();
        assert.equal((await post(collector.url, body)).status, 201);
        await eventually('the first attempt', () => sink.received.length === 1);
        // Retry-After: 120 s. The backoff alone (0.05 s) would retry at once; the clock has not moved, so nothing may come.
        await eventually('the first outcome is recorded', async () => (await collector.forwarding!.queue.counts())[0]!.lastError !== null);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(sink.received.length, 1, 'not retried before Retry-After');
        // The clock moves only once an attempt's outcome is written (its next try is due from then).
        const settled = async () => (await collector.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries WHERE lease_token IS NOT NULL'))[0]!.n === 0;
        time += 121_000;
        await eventually('the second attempt', async () => sink.received.length === 2 && (await settled()));
        time += 1000;
        await eventually('the third attempt', async () => sink.received.length === 3 && (await settled()));
        time += 1000;
        await eventually('dead-lettered after 3 attempts', async () => (await collector.forwarding!.queue.counts())[0]!.failed === 1);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(sink.received.length, 3, 'exactly the 3 attempts the policy allows');
        assert.equal(new Set(sink.received.map((r) => r.headers['webhook-id'])).size, 1, 'one webhook-id on every attempt');

        const view = await json(await fetch(`${collector.url}/staff/forwarding`, { headers: staff }));
        const crm = view.destinations[0];
        assert.deepEqual([crm.name, crm.kind, crm.delivered, crm.waiting, crm.failed], ['crm', 'webhook', 0, 0, 1]);
        assert.equal(crm.lastError.status, 500);
        assert.match(crm.lastError.error, /^HTTP 500: database is down/);
        assert.ok(crm.lastError.error.length < 260, 'a few bytes of the body, not all of it');
        assert.equal(crm.url, undefined, 'the URL (a credential for Slack or Apps Script) is not shown');

        up = true;
        const again = await fetch(`${collector.url}/staff/forwarding/resend`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: JSON.stringify({ destination: 'crm' }) });
        assert.deepEqual(await json(again), { requeued: 1 });
        await eventually('sent again and delivered', async () => (await collector.forwarding!.queue.counts())[0]!.delivered === 1);
        assert.equal(sink.received.at(-1)!.headers['webhook-id'], sink.received[0]!.headers['webhook-id'], 'the same webhook-id, so a receiver that stored it dedupes');
      } finally {
        await collector.stop();
        await sink.close();
      }
    });

    test('apps-script: the redirect is followed as a GET, the id and signature are in the body', async () => {
      const sink = await receiver((request) => (request.method === 'POST' ? { status: 302, headers: { location: '/echo?user_content_key=abc' } } : { status: 200, body: '{"ok":true}' }));
      const collector = await withCollector(engine, {
        forward: { settings: settings({ surveys: { 'after-call': { destinations: [{ name: 'sheet', kind: 'apps-script', url: `${sink.url}/macros/s/x/exec`, secrets: [SECRET], fields: ['helped', 'story'] }] } } }) },
      });
      try {
        const body = submission({ answers: { helped: 'yes', story: 'kind people' } });
        assert.equal((await post(collector.url, body)).status, 201);
        await eventually('delivered after the redirect', async () => (await collector.forwarding!.queue.counts())[0]!.delivered === 1);
        assert.deepEqual(sink.received.map((r) => [r.method, r.path]), [['POST', '/macros/s/x/exec'], ['GET', '/echo?user_content_key=abc']]);
        const envelope = JSON.parse(sink.received[0]!.body) as { id: string; timestamp: number; signature: string; payload: string };
        assert.match(envelope.id, /^msg_[0-9a-f-]{36}$/);
        const headers = { 'webhook-id': envelope.id, 'webhook-timestamp': String(envelope.timestamp), 'webhook-signature': envelope.signature };
        const payload = new Webhook(SECRET).verify(envelope.payload, headers) as { data: { answers: unknown } };
        assert.deepEqual(payload.data.answers, { helped: 'yes', story: 'kind people' }, 'named free text is sent');
      } finally {
        await collector.stop();
        await sink.close();
      }
    });

    test('chat: a count and the survey id, no answers, at most one message per destination per N minutes', async () => {
      let time = START;
      const sink = await receiver();
      const collector = await withCollector(engine, {
        now: () => new Date(time),
        forward: { settings: settings({ surveys: { 'after-call': { destinations: [{ name: 'team', kind: 'chat', url: sink.url, everyMinutes: 10 }] } } }) },
      });
      try {
        assert.equal((await post(collector.url, submission())).status, 201);
        await eventually('the first message', () => sink.received.length === 1);
        assert.deepEqual(JSON.parse(sink.received[0]!.body), { text: '1 new response to after-call' });
        assert.equal((await post(collector.url, submission({ answers: { story: 'secret words' } }))).status, 201);
        assert.equal((await post(collector.url, submission())).status, 201);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(sink.received.length, 1, 'no second message within 10 minutes');
        time += 10 * 60_000;
        collector.forwarding!.wake();
        await eventually('the next message', () => sink.received.length === 2);
        assert.deepEqual(JSON.parse(sink.received[1]!.body), { text: '2 new responses to after-call' });
        assert.doesNotMatch(sink.received.map((r) => r.body).join(), /secret|story|emotional/);
        await eventually('all three recorded as delivered', async () => (await collector.forwarding!.queue.counts())[0]!.delivered === 3);
      } finally {
        await collector.stop();
        await sink.close();
      }
    });
  });
}

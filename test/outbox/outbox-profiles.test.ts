// Each delivery profile against a stand-in of the receiver it is for (test/support/receivers.mjs),
// from a page on another origin, with the faults the catalogue names: the reply lost after the row
// is stored (50), 503s, an answer slower than timeoutMs; a 302 after storing (48); an opaque answer (49).
import { expect } from '@open-wc/testing';
import type { OutboxOptions } from '../../src/outbox/index.js';
import { createReceiver, type Receiver } from '../support/receivers.js';
import { cleanUp, ofType, openOutbox, record, sleep, storedKeys, uniqueDatabase, until } from './outbox-harness.js';

const response = () => ({
  id: crypto.randomUUID(),
  survey: { id: 'sample', version: '1' },
  submittedAt: '2026-03-01T00:00:00.000Z',
  locale: 'en',
  answers: { support: ['emotional', 'social'], helpful: 4 },
  tags: { site: 'north' },
});

async function deliver(receiver: Receiver, options: OutboxOptions) {
  const databaseName = uniqueDatabase();
  const outbox = openOutbox({ endpoint: receiver.endpoint, databaseName, ...options });
  const events = record(outbox);
  const sent = response();
  await outbox.submit(sent);
  return { outbox, events, sent, databaseName };
}

/** After the outcome: a forced flush sends nothing more (the record is settled for good). */
async function noMorePosts(receiver: Receiver, outbox: { flush(o: { ignoreBackoff: boolean }): Promise<void> }) {
  const before = (await receiver.posts()).length;
  await outbox.flush({ ignoreBackoff: true });
  await sleep(300);
  expect((await receiver.posts()).length, 'POSTs after the outcome').to.equal(before);
}

describe('outbox: delivery profiles against real receivers', () => {
  afterEach(cleanUp);

  describe('Apps Script web app (profile "simple")', () => {
    it('json, the default, gets no row in: the preflight its custom header needs is not answered', async () => {
      const receiver = await createReceiver('apps-script');
      const { events } = await deliver(receiver, {});
      await until(() => ofType(events, 'status').some((e) => e.status.lastError === 'network-error'));
      const state = await receiver.state();
      expect(state.rows).to.have.length(0);
      expect(state.requests.map((r) => `${r.method} ${r.outcome}`)).to.include('OPTIONS preflight-refused');
    });

    it('one row per response: a text/plain body with the id in it, no preflight, the 302 to the echo host delivered', async () => {
      const receiver = await createReceiver('apps-script');
      const { outbox, events, sent, databaseName } = await deliver(receiver, { profile: 'simple', redirectHosts: [receiver.otherHost] });
      await until(() => ofType(events, 'delivered').length === 1);
      const state = await receiver.state();
      expect(state.rows).to.deep.equal([sent]);
      expect(state.requests.map((r) => `${r.method} ${r.service} ${r.outcome}`)).to.deep.equal(['POST apps-script stored', 'GET apps-script echo']);
      expect(state.requests[0]).to.include({ contentType: 'text/plain;charset=UTF-8', idempotencyKey: null, cookie: null });
      expect(ofType(events, 'delivered')[0]).to.deep.equal({ type: 'delivered', id: sent.id, status: 200, verified: true });
      expect(await storedKeys(databaseName)).to.deep.equal([]);
      await noMorePosts(receiver, outbox);
    });

    it('the reply lost after the row was stored: sent again with the same id, and the script keeps one row (50)', async () => {
      const receiver = await createReceiver('apps-script');
      await receiver.script({ reset: 'after' });
      const { events, sent } = await deliver(receiver, { profile: 'simple', redirectHosts: [receiver.otherHost] });
      await until(() => ofType(events, 'delivered').length === 1);
      const state = await receiver.state();
      expect(state.rows.map((r) => r['id'])).to.deep.equal([sent.id]);
      expect((await receiver.posts()).map((r) => r.outcome)).to.deep.equal(['stored-then-reset', 'duplicate']);
    });

    it('503s, then stored once; an answer slower than timeoutMs is sent again and kept once', async () => {
      const receiver = await createReceiver('apps-script');
      await receiver.script({ status: 503 }, { status: 503 }, { slowMs: 4000 });
      const { events, sent } = await deliver(receiver, { profile: 'simple', redirectHosts: [receiver.otherHost], timeoutMs: 1000 });
      await until(() => ofType(events, 'delivered').length === 1, 15_000);
      expect((await receiver.state()).rows.map((r) => r['id'])).to.deep.equal([sent.id]);
      expect((await receiver.posts()).map((r) => r.outcome)).to.deep.equal(['503', '503', 'stored-then-slow', 'duplicate']);
    });

    it('a redirect to a host the config does not allow: kept as sent, unverified, the page author told, never sent again', async () => {
      const receiver = await createReceiver('apps-script');
      const { outbox, events, sent } = await deliver(receiver, { profile: 'simple' });
      await until(() => ofType(events, 'delivered').length === 1);
      expect(ofType(events, 'delivered')[0]).to.include({ id: sent.id, verified: false });
      expect(ofType(events, 'endpoint-error')[0]).to.include({ code: 'redirect-not-allowed' });
      expect(outbox.status().endpointErrors.map((e) => e.code)).to.deep.equal(['redirect-not-allowed']);
      const [kept] = await outbox.rejected();
      expect(kept).to.include({ id: sent.id, lastError: 'unverified' });
      expect(kept!.reason).to.match(/^sent, unverified: the receiver redirected to 127\.0\.0\.2/);
      await noMorePosts(receiver, outbox);
      expect((await receiver.state()).rows).to.have.length(1);
    });
  });

  describe('form backend (profile "form")', () => {
    it('json, the default, gets no row in: its CORS answer does not allow Idempotency-Key', async () => {
      const receiver = await createReceiver('form');
      const { events } = await deliver(receiver, {});
      await until(() => ofType(events, 'status').some((e) => e.status.lastError === 'network-error'));
      expect((await receiver.state()).rows).to.have.length(0);
      expect(await receiver.posts()).to.have.length(0);
    });

    it('one row of form fields per response, lists joined, named by delivery.fields; a 200 JSON answer is delivered', async () => {
      const receiver = await createReceiver('form');
      const { outbox, events, sent } = await deliver(receiver, { profile: 'form', fields: { id: 'response_id', 'answers.helpful': 'How helpful' } });
      await until(() => ofType(events, 'delivered').length === 1);
      const [request] = await receiver.posts();
      expect(request).to.include({ contentType: 'application/x-www-form-urlencoded', accept: 'application/json', idempotencyKey: null });
      expect((await receiver.state()).rows).to.deep.equal([
        { response_id: sent.id, survey: 'sample', version: '1', submittedAt: sent.submittedAt, locale: 'en', support: 'emotional, social', 'How helpful': '4', site: 'north' },
      ]);
      expect(ofType(events, 'delivered')[0]).to.include({ status: 200, verified: true });
      await noMorePosts(receiver, outbox);
    });

    it('a backend that stores, then answers 302 to its thank-you page: delivered, never POSTed again (48)', async () => {
      const receiver = await createReceiver('form');
      await receiver.script({ redirect: true });
      const { outbox, events } = await deliver(receiver, { profile: 'form' });
      await until(() => ofType(events, 'delivered').length === 1);
      expect((await receiver.state()).requests.map((r) => `${r.method} ${r.outcome}`)).to.deep.equal(['POST stored-302', 'GET thanks']);
      await noMorePosts(receiver, outbox);
      expect((await receiver.state()).rows).to.have.length(1);
    });

    it('the reply lost after storing: sent again with the same id, so the backend holds two rows with one id (at-least-once)', async () => {
      const receiver = await createReceiver('form');
      await receiver.script({ reset: 'after' });
      const { events, sent } = await deliver(receiver, { profile: 'form' });
      await until(() => ofType(events, 'delivered').length === 1);
      expect((await receiver.state()).rows.map((r) => r['id'])).to.deep.equal([sent.id, sent.id]);
    });
  });

  describe('catch hook without CORS (profile "no-cors")', () => {
    it('json, the default, gets no row in', async () => {
      const receiver = await createReceiver('hook');
      const { events } = await deliver(receiver, {});
      await until(() => ofType(events, 'status').some((e) => e.status.lastError === 'network-error'));
      expect((await receiver.state()).rows).to.have.length(0);
    });

    it('one row per response; the opaque answer is "sent, unverified" and never sent again (49)', async () => {
      const receiver = await createReceiver('hook');
      const { outbox, events, sent, databaseName } = await deliver(receiver, { profile: 'no-cors' });
      await until(() => ofType(events, 'delivered').length === 1);
      expect(ofType(events, 'delivered')[0]).to.deep.equal({ type: 'delivered', id: sent.id, status: 0, verified: false });
      expect((await receiver.state()).rows).to.deep.equal([sent]);
      expect((await receiver.posts())[0]).to.include({ contentType: 'text/plain;charset=UTF-8', idempotencyKey: null });
      expect(await storedKeys(databaseName)).to.deep.equal([]);
      expect(outbox.status()).to.include({ pending: 0, rejected: 0 });
      await noMorePosts(receiver, outbox);
    });

    it('a network error (nothing arrived) is retried until the hook has it', async () => {
      const receiver = await createReceiver('hook');
      await receiver.script({ reset: 'before' }, { reset: 'before' });
      const { events, sent } = await deliver(receiver, { profile: 'no-cors' });
      await until(() => ofType(events, 'delivered').length === 1);
      expect((await receiver.posts()).map((r) => r.outcome)).to.deep.equal(['reset', 'reset', 'stored']);
      expect((await receiver.state()).rows.map((r) => r['id'])).to.deep.equal([sent.id]);
    });
  });

  describe('PostgREST / Supabase (profile "postgrest")', () => {
    const columns = ['response_id', 'survey_id', 'survey_version', 'submitted_at', 'locale', 'support', 'helpful', 'site'];
    const fields = {
      id: 'response_id',
      'survey.id': 'survey_id',
      'survey.version': 'survey_version',
      submittedAt: 'submitted_at',
      'answers.support': 'support',
      'answers.helpful': 'helpful',
      'tags.site': 'site',
    };
    const options = { profile: 'postgrest', headers: { apikey: 'anon-key', Authorization: 'Bearer anon-key' }, fields } satisfies OutboxOptions;

    it('a snake_case table without delivery.fields refuses the row for good (400: no such column)', async () => {
      const receiver = await createReceiver('postgrest');
      await receiver.setup({ columns, idColumn: 'response_id' });
      const { outbox, events } = await deliver(receiver, { ...options, fields: null });
      await until(() => ofType(events, 'rejected').length === 1);
      expect(ofType(events, 'rejected')[0]!.reason).to.match(/^400 Could not find the 'id' column/);
      expect(outbox.status().rejected).to.equal(1);
    });

    it('one row with the receiver column names, Prefer ignore-duplicates, 201 delivered', async () => {
      const receiver = await createReceiver('postgrest');
      await receiver.setup({ columns, idColumn: 'response_id' });
      const { outbox, events, sent } = await deliver(receiver, options);
      await until(() => ofType(events, 'delivered').length === 1);
      expect((await receiver.state()).rows).to.deep.equal([
        { response_id: sent.id, survey_id: 'sample', survey_version: '1', submitted_at: sent.submittedAt, locale: 'en', support: ['emotional', 'social'], helpful: 4, site: 'north' },
      ]);
      expect((await receiver.posts())[0]).to.include({ prefer: 'resolution=ignore-duplicates,return=minimal', contentType: 'application/json', idempotencyKey: null });
      expect(ofType(events, 'delivered')[0]).to.include({ status: 201, verified: true });
      await noMorePosts(receiver, outbox);
    });

    it('the reply lost after the commit, a 503 and a slow answer: stored once, the duplicates skipped (50)', async () => {
      const receiver = await createReceiver('postgrest');
      await receiver.setup({ columns, idColumn: 'response_id' });
      await receiver.script({ reset: 'after' }, { status: 503 }, { slowMs: 4000 });
      const { events, sent } = await deliver(receiver, { ...options, timeoutMs: 1000 });
      await until(() => ofType(events, 'delivered').length === 1, 15_000);
      expect((await receiver.state()).rows.map((r) => r['response_id'])).to.deep.equal([sent.id]);
      expect((await receiver.posts()).map((r) => r.outcome)).to.deep.equal(['stored-then-reset', '503', 'stored-then-slow', 'duplicate']);
    });
  });
});

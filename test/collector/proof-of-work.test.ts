// Proof of work on POST /responses for surveys any of whose configs asks for it (whatever version or
// tags a response claims): challenges from GET /challenge (altcha-lib), 428 for a missing, wrong,
// expired or reused solution, reuse refused across instances (in SQL). Both engines; two instances
// on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { parseSurveyConfig } from 'encounter-survey/core';
import { startCollector } from '../../collector/src/server.js';
import { SurveyRegistry } from '../../collector/src/surveys.js';
import { TOKEN, afterCall, afterCallInput, engines, freshDatabase, json, post, submission, useClock, withCollector, type TestCollector } from './helpers.js';

const guarded = parseSurveyConfig({ ...afterCallInput, id: 'guarded', delivery: { proofOfWork: { challengeUrl: 'https://collector.example/challenge' } } });
// Files of the same survey that do not ask for it: version 2, and version 1 at another site.
const guardedV2 = parseSurveyConfig({ ...afterCallInput, id: 'guarded', version: 2 });
const guardedSouth = parseSurveyConfig({ ...afterCallInput, id: 'guarded', tags: { site: 'south', channel: 'phone' } });
const registry = () => new SurveyRegistry([afterCall, guarded, guardedV2, guardedSouth]);
const guardedResponse = () => submission({ survey: { id: 'guarded', version: 1 } });

/** Asks `url` for a challenge and solves it as the widget does; the `Altcha` header value. */
async function solved(url: string): Promise<string> {
  const challenge = await json(await fetch(`${url}/challenge`));
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  assert.ok(solution, 'the challenge is solvable');
  const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

for (const { engine, skip } of engines) {
  describe(`proof of work (${engine})`, { skip }, () => {
    let collector: TestCollector;
    let today = new Date();
    before(async () => {
      collector = await withCollector(engine, { surveys: registry(), proofOfWork: { maxnumber: 5000 }, now: () => today });
    });
    after(() => collector?.stop());

    test('GET /challenge: an ALTCHA challenge with an expiry, CORS for listed origins', async () => {
      const res = await fetch(`${collector.url}/challenge`, { headers: { origin: 'http://allowed.test' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://allowed.test');
      const challenge = await json(res);
      assert.equal(challenge.algorithm, 'SHA-256');
      assert.equal(challenge.maxnumber, 5000);
      assert.match(challenge.challenge, /^[0-9a-f]{64}$/);
      assert.match(challenge.salt, /\?expires=\d+/);
      const preflight = await fetch(`${collector.url}/responses`, {
        method: 'OPTIONS',
        headers: { origin: 'http://allowed.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key,altcha' },
      });
      assert.match(preflight.headers.get('access-control-allow-headers')!, /altcha/);
    });

    test('a survey that asks for it: no solution → 428 required; a wrong one → 428 invalid; a valid one → 201', async () => {
      const missing = await post(collector.url, guardedResponse());
      assert.equal(missing.status, 428);
      assert.equal((await json(missing)).error, 'proof-of-work-required');
      const header = await solved(collector.url);
      const tampered = JSON.parse(Buffer.from(header, 'base64').toString());
      tampered.number += 1;
      const wrong = await post(collector.url, guardedResponse(), { altcha: Buffer.from(JSON.stringify(tampered)).toString('base64') });
      assert.equal(wrong.status, 428);
      assert.equal((await json(wrong)).error, 'proof-of-work-invalid');
      assert.equal((await post(collector.url, guardedResponse(), { altcha: 'not base64 json' })).status, 428);
      assert.equal((await post(collector.url, guardedResponse(), { altcha: header })).status, 201);
    });

    test('the work is per survey: claiming a version or tags whose file does not ask for it → 428 all the same', async () => {
      const claims = [
        submission({ survey: { id: 'guarded', version: 2 } }),
        submission({ survey: { id: 'guarded', version: 1 }, tags: { site: 'south', channel: 'phone' } }),
      ];
      for (const claim of claims) {
        const res = await post(collector.url, claim);
        assert.equal(res.status, 428, `${JSON.stringify(claim.survey)} at ${claim.tags.site}`);
        assert.deepEqual(await json(res), { error: 'proof-of-work-required', message: 'This survey asks for proof of work: send an Altcha header.' });
      }
      for (const claim of claims) assert.equal((await post(collector.url, claim, { altcha: await solved(collector.url) })).status, 201);
    });

    test('a solution is used once: the same one for another response → 428', async () => {
      const header = await solved(collector.url);
      assert.equal((await post(collector.url, guardedResponse(), { altcha: header })).status, 201);
      const again = await post(collector.url, guardedResponse(), { altcha: header });
      assert.equal(again.status, 428);
      assert.equal((await json(again)).error, 'proof-of-work-invalid');
    });

    test('an expired challenge → 428', async () => {
      const header = await solved(collector.url);
      today = new Date(Date.now() + 301_000);
      try {
        assert.equal((await post(collector.url, guardedResponse(), { altcha: header })).status, 428);
      } finally {
        today = new Date();
      }
    });

    test('surveys that do not ask for it are unaffected; a response refused anyway spends no solution', async () => {
      assert.equal((await post(collector.url, submission())).status, 201);
      const header = await solved(collector.url);
      const bad = guardedResponse();
      bad.answers = { helped: 'not-an-option' };
      assert.equal((await post(collector.url, bad, { altcha: header })).status, 400);
      assert.equal((await post(collector.url, guardedResponse(), { altcha: header })).status, 201);
    });
  });
}

describe('proof of work across instances (postgres)', { skip: engines[1]!.skip }, () => {
  test('a challenge issued by one instance is accepted by another, once', async () => {
    const database = await freshDatabase('postgres');
    useClock(undefined); // the real clock, as this collector has
    const start = () => startCollector({ port: 0, database: database.location, staffToken: TOKEN, surveys: registry(), rateLimit: false, proofOfWork: { maxnumber: 5000 } });
    const [a, b] = [await start(), await start()];
    try {
      const header = await solved(a.url);
      assert.equal((await post(b.url, guardedResponse(), { altcha: header })).status, 201);
      assert.equal((await post(a.url, guardedResponse(), { altcha: header })).status, 428, 'replayed on the issuing instance');
    } finally {
      await a.close();
      await b.close();
      await database.drop();
    }
  });
});

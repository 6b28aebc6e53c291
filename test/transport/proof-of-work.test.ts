import { expect } from '@open-wc/testing';
import { parseChallenge, solutionHeader } from '../../src/core/outbox/proof-of-work.js';
import { proofOfWorkHeader, solveChallenge } from '../../src/transport/proof-of-work.js';
import { createTestCollector } from '../support/collector.js';

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('transport/proof of work (ALTCHA)', () => {
  it('finds the number, at either end of the range, and gives up past maxnumber', async () => {
    for (const number of [0, 1, 255, 256, 1999, 2000]) {
      const challenge = { algorithm: 'SHA-256' as const, challenge: await sha256Hex(`salt?expires=1&${number}`), maxnumber: 2000, salt: 'salt?expires=1&', signature: 's' };
      expect(await solveChallenge(challenge), String(number)).to.equal(number);
    }
    const beyond = { algorithm: 'SHA-256' as const, challenge: await sha256Hex('s2001'), maxnumber: 2000, salt: 's', signature: 'x' };
    expect(await solveChallenge(beyond)).to.equal(null);
    const stopped = new AbortController();
    stopped.abort();
    expect(await solveChallenge({ ...beyond, challenge: await sha256Hex('s5') }, stopped.signal)).to.equal(null);
  });

  it('encodes the solution as altcha-lib expects: base64 JSON of algorithm, challenge, number, salt, signature', () => {
    const challenge = { algorithm: 'SHA-256' as const, challenge: 'c'.repeat(64), maxnumber: 10, salt: 'ab&', signature: 'sig' };
    expect(JSON.parse(atob(solutionHeader(challenge, 7)))).to.deep.equal({ algorithm: 'SHA-256', challenge: 'c'.repeat(64), number: 7, salt: 'ab&', signature: 'sig' });
  });

  it('refuses challenges it cannot or should not solve', () => {
    const good = { algorithm: 'SHA-256', challenge: 'a'.repeat(64), maxnumber: 1000, salt: 'x', signature: 'y' };
    expect(parseChallenge(good).ok).to.equal(true);
    for (const bad of [null, 'text', { ...good, algorithm: 'SHA-1' }, { ...good, challenge: 'zz' }, { ...good, maxnumber: 1e9 }, { ...good, maxnumber: -1 }, { ...good, salt: '' }, { ...good, signature: 3 }]) {
      const parsed = parseChallenge(bad);
      expect(parsed.ok, JSON.stringify(bad)).to.equal(false);
      if (!parsed.ok) expect(parsed.reason).to.be.a('string').and.not.empty;
    }
  });

  it('fetches a fresh challenge without cookies or referrer, and the receiver accepts the solution', async () => {
    const collector = await createTestCollector();
    await collector.requireProofOfWork({ maxnumber: 3000 });
    document.cookie = 'es-test-tracker=1; path=/';
    try {
      const header = await proofOfWorkHeader(collector.challengeUrl, { timeoutMs: 5000 });
      const response = await fetch(collector.endpoint, { method: 'POST', headers: { 'Idempotency-Key': 'k1', 'Content-Type': 'application/json', Altcha: header }, body: '{"id":"k1"}' });
      expect(response.status).to.equal(201);
      const state = await collector.state();
      expect(state.challenges.map((c) => [c.cookie, c.referer])).to.deep.equal([[null, null]]);
      // The same solution twice is a replay.
      const again = await fetch(collector.endpoint, { method: 'POST', headers: { 'Idempotency-Key': 'k2', Altcha: header }, body: '{"id":"k2"}' });
      expect(again.status).to.equal(428);
      expect(await again.json()).to.deep.equal({ error: 'proof-of-work-invalid' });
    } finally {
      document.cookie = 'es-test-tracker=; path=/; max-age=0';
    }
  });

  it('a failing challenge request is an error to retry, not a solution', async () => {
    const collector = await createTestCollector();
    await collector.requireProofOfWork({ failChallenges: 1 });
    const error = await proofOfWorkHeader(collector.challengeUrl, { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/503/);
  });
});

/**
 * The ALTCHA proof-of-work protocol as data (what altcha-lib's v1 `createChallenge` issues and
 * `verifySolution` checks): a challenge `{ algorithm, challenge, maxnumber, salt, signature }`,
 * solved by finding `number` in [0, maxnumber] with hex(SHA-256(salt + number)) === challenge, and
 * sent back as the `Altcha` header: base64 of the JSON `{ algorithm, challenge, number, salt, signature }`.
 */
export interface AltchaChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/** More work than any sane difficulty (altcha's default is 1,000,000): refuse rather than burn a battery. */
export const MAX_CHALLENGE_NUMBER = 5_000_000;

/** The challenge, or why it cannot be solved here. */
export function parseChallenge(value: unknown): { ok: true; challenge: AltchaChallenge } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not a JSON object' };
  const { algorithm, challenge, maxnumber, salt, signature } = value as Record<string, unknown>;
  if (algorithm !== 'SHA-256') return { ok: false, reason: `unsupported algorithm ${String(algorithm)}` };
  if (typeof challenge !== 'string' || !/^[0-9a-f]{64}$/.test(challenge)) return { ok: false, reason: 'challenge is not a SHA-256 hex digest' };
  if (typeof salt !== 'string' || salt.length === 0 || salt.length > 1000) return { ok: false, reason: 'salt missing or too long' };
  if (typeof signature !== 'string' || signature.length === 0 || signature.length > 1000) return { ok: false, reason: 'signature missing' };
  const max = maxnumber === undefined ? 1_000_000 : maxnumber;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > MAX_CHALLENGE_NUMBER) {
    return { ok: false, reason: `maxnumber must be an integer from 0 to ${MAX_CHALLENGE_NUMBER}` };
  }
  return { ok: true, challenge: { algorithm, challenge, maxnumber: max, salt, signature } };
}

/** The `Altcha` request header for a solved challenge. */
export function solutionHeader(challenge: AltchaChallenge, number: number): string {
  const json = JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, number, salt: challenge.salt, signature: challenge.signature });
  let binary = '';
  for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

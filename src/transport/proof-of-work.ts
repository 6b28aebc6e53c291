/**
 * Solves an ALTCHA challenge right before a delivery (so responses still queue offline): fetch a
 * fresh challenge without cookies, referrer or any identifier, then search with WebCrypto.
 *
 * No Worker: under `script-src 'self'` a Worker needs its own same-origin script file (a blob: URL
 * is refused), and WebCrypto's `digest()` already runs off the main thread in every engine; the page
 * only sees short promise callbacks between batches, so it stays responsive.
 */
import { parseChallenge, solutionHeader, type AltchaChallenge } from '../core/outbox/proof-of-work.js';

/** Digests started together; large enough to keep WebCrypto busy, small enough to stop promptly. */
const BATCH = 256;

const toHex = (buffer: ArrayBuffer) => {
  let hex = '';
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0');
  return hex;
};

/** The number that solves `challenge`, or null when none in [0, maxnumber] does (or `signal` aborted). */
export async function solveChallenge(challenge: AltchaChallenge, signal?: AbortSignal): Promise<number | null> {
  const encoder = new TextEncoder();
  for (let start = 0; start <= challenge.maxnumber; start += BATCH) {
    if (signal?.aborted) return null;
    const end = Math.min(start + BATCH - 1, challenge.maxnumber);
    const digests = [];
    for (let n = start; n <= end; n++) digests.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n)));
    const hexes = await Promise.all(digests);
    const found = hexes.findIndex((digest) => toHex(digest) === challenge.challenge);
    if (found >= 0) return start + found;
  }
  return null;
}

export class ProofOfWorkError extends Error {
  override name = 'ProofOfWorkError';
}

/** Fetches a challenge and returns the `Altcha` header value; throws `ProofOfWorkError` on any failure. */
export async function proofOfWorkHeader(challengeUrl: string, options: { signal?: AbortSignal | undefined; timeoutMs: number }): Promise<string> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop);
  const timer = setTimeout(stop, options.timeoutMs);
  try {
    let body: unknown;
    try {
      const response = await fetch(challengeUrl, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'error',
        signal: controller.signal,
      });
      if (!response.ok) throw new ProofOfWorkError(`challenge: HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw error instanceof ProofOfWorkError ? error : new ProofOfWorkError(`challenge could not be fetched (${String(error)})`);
    }
    const parsed = parseChallenge(body);
    if (!parsed.ok) throw new ProofOfWorkError(`challenge: ${parsed.reason}`);
    const number = await solveChallenge(parsed.challenge, options.signal);
    if (number === null) throw new ProofOfWorkError(options.signal?.aborted ? 'aborted' : 'challenge has no solution');
    return solutionHeader(parsed.challenge, number);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

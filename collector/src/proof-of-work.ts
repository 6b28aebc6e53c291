import { createHmac } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import type { Database } from './db/database.js';

/**
 * Proof of work on `POST /responses` (the ALTCHA protocol; altcha-lib issues and verifies): a
 * survey any of whose config files asks for it (`delivery.proofOfWork`) gets its responses, to any
 * version, refused with 428 unless they carry a fresh, valid, unused solution. Challenges are signed with an HMAC key every
 * instance shares and carry their expiry, so any instance verifies what another issued; a used
 * solution is remembered in SQL until it expires, so it is refused on every instance.
 */
export const DEFAULT_POW_MAXNUMBER = 50_000;
export const DEFAULT_POW_SECONDS = 300;

export interface ProofOfWorkOptions {
  db: Database;
  /** HMAC key (COLLECTOR_POW_KEY; derived from the staff token when unset). */
  key: string;
  maxnumber: number;
  seconds: number;
  now: () => Date;
}

export type ProofOutcome = 'ok' | 'proof-of-work-required' | 'proof-of-work-invalid';

/** A key derived from another secret, for one purpose ("altcha"). */
export const derivedKey = (secret: string, purpose: string) => createHmac('sha256', secret).update(purpose).digest('base64url');

export class ProofOfWork {
  constructor(readonly options: ProofOfWorkOptions) {}

  challenge() {
    const expires = new Date(this.options.now().getTime() + this.options.seconds * 1000);
    return createChallenge({ hmacKey: this.options.key, maxnumber: this.options.maxnumber, expires });
  }

  /** Checks the `Altcha` header and marks the solution used (once, across instances). */
  async verify(header: string | undefined): Promise<ProofOutcome> {
    if (!header) return 'proof-of-work-required';
    let payload: { signature?: unknown; salt?: unknown };
    try {
      payload = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    } catch {
      return 'proof-of-work-invalid';
    }
    if (typeof payload?.signature !== 'string' || payload.signature.length > 200 || typeof payload.salt !== 'string') return 'proof-of-work-invalid';
    // altcha-lib checks the expiry in the salt against the real clock; ours is injected, so check it here too.
    const expires = Number(new URLSearchParams(payload.salt.split('?')[1] ?? '').get('expires'));
    if (!Number.isFinite(expires) || expires * 1000 < this.options.now().getTime()) return 'proof-of-work-invalid';
    if (!(await verifySolution(header, this.options.key, false).catch(() => false))) return 'proof-of-work-invalid';
    const fresh = await this.options.db.query(
      'INSERT INTO used_challenges (signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING RETURNING 1',
      [payload.signature, new Date(expires * 1000).toISOString()],
    );
    return fresh.length === 1 ? 'ok' : 'proof-of-work-invalid';
  }

  async purgeExpired(): Promise<void> {
    await this.options.db.query('DELETE FROM used_challenges WHERE expires_at <= $1', [this.options.now().toISOString()]);
  }
}

import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from './db/database.js';
import { sameSecret } from './secrets.js';

/**
 * Staff sign-in: the staff token is exchanged once for a session cookie (HttpOnly, SameSite=Strict,
 * Secure and `__Host-` on https), so the dashboard never keeps the token in the page. Sessions live
 * in SQL (the SHA-256 of the cookie value, and its expiry), so every instance behind a load balancer
 * knows them and signing out anywhere signs out everywhere. Scripts keep using
 * `Authorization: Bearer <token>`; every staff route accepts either.
 */
export const DEFAULT_SESSION_MINUTES = 480;

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

export interface SessionOptions {
  db: Database;
  staffToken: string;
  minutes: number;
  /** The collector's own origin as browsers see it (`COLLECTOR_PUBLIC_URL`); otherwise the request's. */
  publicOrigin?: string;
  now: () => Date;
}

export class StaffSessions {
  /** Which staff token made a session: rotating the token ends every session made with the old one. */
  readonly #issuedBy: string;

  constructor(readonly options: SessionOptions) {
    this.#issuedBy = createHmac('sha256', options.staffToken).update('staff-session').digest('base64url');
  }

  /** The origin a state change must come from, and whether cookies must be Secure. */
  ownOrigin(c: Context): string {
    return this.options.publicOrigin ?? new URL(c.req.url).origin;
  }

  cookieName(c: Context): string {
    return this.ownOrigin(c).startsWith('https:') ? '__Host-es-staff' : 'es-staff';
  }

  async create(c: Context): Promise<Date> {
    const value = randomBytes(32).toString('base64url');
    const expires = new Date(this.options.now().getTime() + this.options.minutes * 60_000);
    await this.options.db.query('INSERT INTO staff_sessions (token_hash, expires_at, issued_by) VALUES ($1, $2, $3)', [
      hash(value),
      expires.toISOString(),
      this.#issuedBy,
    ]);
    setCookie(c, this.cookieName(c), value, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: this.ownOrigin(c).startsWith('https:'),
      path: '/',
      maxAge: this.options.minutes * 60,
    });
    return expires;
  }

  /** The session's expiry, or null when the request carries no live session. */
  async find(c: Context): Promise<Date | null> {
    const value = getCookie(c, this.cookieName(c));
    if (!value || value.length > 100) return null;
    const [row] = await this.options.db.query<{ expires: string }>(
      `SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires FROM staff_sessions WHERE token_hash = $1 AND expires_at > $2 AND issued_by = $3`,
      [hash(value), this.options.now().toISOString(), this.#issuedBy],
    );
    return row ? new Date(row.expires) : null;
  }

  async remove(c: Context): Promise<void> {
    const value = getCookie(c, this.cookieName(c));
    if (value) await this.options.db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [hash(value)]);
    deleteCookie(c, this.cookieName(c), { path: '/', secure: this.ownOrigin(c).startsWith('https:') });
  }

  /** Signs out everywhere: every session, on every instance. */
  async removeAll(c: Context): Promise<void> {
    await this.options.db.query('DELETE FROM staff_sessions');
    deleteCookie(c, this.cookieName(c), { path: '/', secure: this.ownOrigin(c).startsWith('https:') });
  }

  async purgeExpired(): Promise<void> {
    await this.options.db.query('DELETE FROM staff_sessions WHERE expires_at <= $1', [this.options.now().toISOString()]);
  }
}

type Fail = (c: Context, status: 400 | 401 | 403, error: string, message: string) => Response;

/**
 * Staff routes: a Bearer token (compared in constant time) or a live session cookie; 401 otherwise.
 * A malformed Authorization header is a 400, as RFC 6750 says.
 */
export function staffAccess(sessions: StaffSessions, fail: Fail): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header.trim());
      if (!match) {
        c.header('www-authenticate', 'Bearer realm="collector", error="invalid_request"');
        return fail(c, 400, 'invalid-authorization', 'Send the staff token as "Authorization: Bearer <token>".');
      }
      if (sameSecret(match[1]!, sessions.options.staffToken)) return next();
      c.header('www-authenticate', 'Bearer realm="collector", error="invalid_token"');
      return fail(c, 401, 'unauthorized', 'The staff token is not right.');
    }
    if (await sessions.find(c)) return next();
    c.header('www-authenticate', 'Bearer realm="collector"');
    return fail(c, 401, 'unauthorized', 'Sign in at /dashboard, or send the staff token as "Authorization: Bearer <token>".');
  };
}

/**
 * Every state change made with a session cookie must come from the collector's own pages. With
 * `bearerToo`, a request carrying an Authorization header (a script; no browser adds one by itself)
 * skips the check: the staff middleware after it checks the token.
 */
export function sameOrigin(sessions: StaffSessions, fail: Fail, { bearerToo = false } = {}): MiddlewareHandler {
  return async (c, next) => {
    if (bearerToo && c.req.header('authorization') !== undefined) return next();
    const origin = c.req.header('origin');
    if (origin !== sessions.ownOrigin(c)) {
      return fail(c, 403, 'origin-refused', `Staff changes are accepted only from ${sessions.ownOrigin(c)} (Origin: ${origin ?? 'none'}).`);
    }
    await next();
  };
}

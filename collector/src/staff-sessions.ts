import { createHash, createHmac, randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from './db/database.js';
import { FailureBackoff } from './rate-limit.js';
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
  /**
   * The collector's own origin as browsers see it (`COLLECTOR_PUBLIC_URL`); otherwise the address it
   * listens on (`listening()`). Never the request's Host header: a DNS-rebinding page sends its own.
   */
  publicOrigin?: string;
  /** Wrong staff tokens a minute, from every address together, before every check waits. */
  failuresPerMinute: number;
  now: () => Date;
}

export const DEFAULT_STAFF_FAILURES = 20;

/** Origins a browser may give the address the collector listens on (every local address for 0.0.0.0 or ::). */
export function listenOrigins(address: string, port: number): string[] {
  const wildcard = address === '0.0.0.0' || address === '::';
  const ips = new Set<string>(wildcard ? [] : [address]);
  if (wildcard) {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) if ((address === '::' || info.family === 'IPv4') && !info.address.includes('%')) ips.add(info.address);
    }
  }
  const hosts = [...ips].map((ip) => (ip.includes(':') ? `[${ip}]` : ip));
  if (wildcard || address.startsWith('127.') || address === '::1') hosts.push('localhost', '127.0.0.1', '[::1]');
  return [...new Set(hosts)].map((host) => `http://${host}:${port}`);
}

export class StaffSessions {
  /** Which staff token made a session: rotating the token ends every session made with the old one. */
  readonly #issuedBy: string;

  #listening: string[] = [];
  readonly guesses: FailureBackoff;

  constructor(readonly options: SessionOptions) {
    this.#issuedBy = createHmac('sha256', options.staffToken).update('staff-session').digest('base64url');
    this.guesses = new FailureBackoff(options.failuresPerMinute);
  }

  /** Called once the server listens: without COLLECTOR_PUBLIC_URL, its address is the own origin. */
  listening(address: string, port: number): void {
    this.#listening = listenOrigins(address, port);
  }

  /** The origins a state change may come from. */
  ownOrigins(): readonly string[] {
    return this.options.publicOrigin ? [this.options.publicOrigin] : this.#listening;
  }

  /** Whether cookies must be Secure (and `__Host-`): the public origin is https. */
  get secure(): boolean {
    return this.options.publicOrigin?.startsWith('https:') ?? false;
  }

  cookieName(_c?: Context): string {
    return this.secure ? '__Host-es-staff' : 'es-staff';
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
      secure: this.secure,
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
    deleteCookie(c, this.cookieName(c), { path: '/', secure: this.secure });
  }

  /** Signs out everywhere: every session, on every instance. */
  async removeAll(c: Context): Promise<void> {
    await this.options.db.query('DELETE FROM staff_sessions');
    deleteCookie(c, this.cookieName(c), { path: '/', secure: this.secure });
  }

  async purgeExpired(): Promise<void> {
    await this.options.db.query('DELETE FROM staff_sessions WHERE expires_at <= $1', [this.options.now().toISOString()]);
  }
}

type Fail = (c: Context, status: 400 | 401 | 403 | 429, error: string, message: string) => Response;

/**
 * A staff token checked against the global failure count: 429 while too many wrong ones came in the
 * last minute (from anywhere: ten addresses guessing are one attacker), else whether it is right.
 * Wrong ones are counted. While waiting, even the right token is not checked, or the wait would not
 * slow a guesser; staff already signed in keep their session.
 */
export async function checkStaffToken(c: Context, sessions: StaffSessions, given: string, fail: Fail): Promise<Response | boolean> {
  const wait = await sessions.guesses.wait();
  if (wait > 0) {
    c.header('retry-after', String(wait));
    return fail(c, 429, 'too-many-failures', `Too many wrong staff tokens in the last minute (from any address); retry after ${wait} s.`);
  }
  if (sameSecret(given, sessions.options.staffToken)) return true;
  await sessions.guesses.failed();
  return false;
}

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
      const checked = await checkStaffToken(c, sessions, match[1]!, fail);
      if (checked instanceof Response) return checked;
      if (checked) return next();
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
    const own = sessions.ownOrigins();
    if (origin === undefined || !own.includes(origin)) {
      const from = sessions.options.publicOrigin ?? "this collector's own address (set COLLECTOR_PUBLIC_URL when browsers reach it by a name or through a proxy)";
      return fail(c, 403, 'origin-refused', `Staff changes are accepted only from ${from} (Origin: ${origin ?? 'none'}).`);
    }
    await next();
  };
}

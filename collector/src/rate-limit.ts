import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Requests per minute per socket address, counted in memory (addresses are never written
 * anywhere). rate-limiter-flexible rather than a hand-written window: it is well kept, says exactly
 * how long until the next point (for `Retry-After`), bounds its own memory, and has PostgreSQL and
 * Redis stores should one shared limit across instances ever be wanted. Behind a load balancer
 * every request shares the balancer's address: limit there, and set COLLECTOR_RATE_LIMIT=0 here.
 */
export interface RateLimitOptions {
  /** Requests allowed per address per minute. */
  max: number;
}

type Fail = (c: Context, status: ContentfulStatusCode, error: string, message: string) => Response;

export function rateLimit({ max }: RateLimitOptions, fail: Fail): MiddlewareHandler {
  const limiter = new RateLimiterMemory({ points: max, duration: 60 });
  return async (c, next) => {
    const address = getConnInfo(c).remote.address ?? 'unknown';
    try {
      await limiter.consume(address);
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const wait = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      c.header('retry-after', String(wait));
      return fail(c, 429, 'rate-limited', `Too many requests; retry after ${wait} s.`);
    }
    await next();
  };
}

const EVERYONE = 'everyone';

/** Failures counted across every address in a fixed one-minute window (staff tokens; see staff-sessions.ts). */
export class FailureBackoff {
  readonly #limiter: RateLimiterMemory;

  constructor(readonly perMinute: number) {
    this.#limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** Seconds until the next check is allowed; 0: now. */
  async wait(): Promise<number> {
    const state = await this.#limiter.get(EVERYONE);
    return state && state.consumedPoints >= this.perMinute ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
  }

  async failed(): Promise<void> {
    await this.#limiter.consume(EVERYONE).catch(() => undefined);
  }
}

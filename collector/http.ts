import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

/** Small HTTP helpers for the collector: JSON answers, bounded body reading, rate limiting. */

export interface ErrorBody {
  error: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, body, headers);
}

export class BodyTooLarge extends Error {}

/** Reads the body up to `limit` bytes; stops reading and rejects with `BodyTooLarge` once over. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanUp();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const cleanUp = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Compares secrets in constant time whatever their lengths (both are hashed first). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export interface RateLimitOptions {
  /** Requests allowed per address per window. */
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counter per remote address, held in memory only (addresses are never written
 * anywhere). Behind a reverse proxy every request shares the proxy's address: rate-limit there.
 */
export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #now: () => number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions, now: () => number = Date.now) {
    this.#options = options;
    this.#now = now;
  }

  /** `0` when allowed, otherwise the seconds to wait (for `Retry-After`). */
  take(address: string): number {
    const now = this.#now();
    if (this.#windows.size > 10_000) this.#prune(now);
    let window = this.#windows.get(address);
    if (!window || now - window.start >= this.#options.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(address, window);
    }
    window.count += 1;
    if (window.count <= this.#options.max) return 0;
    return Math.max(1, Math.ceil((window.start + this.#options.windowMs - now) / 1000));
  }

  #prune(now: number): void {
    for (const [address, window] of this.#windows) {
      if (now - window.start >= this.#options.windowMs) this.#windows.delete(address);
    }
  }
}

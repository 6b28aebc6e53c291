import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { refusedRange } from './addresses.js';
import { checkUrl } from './config.js';

/**
 * The only way the collector sends anything onward, with its SSRF guard. The address checked is
 * the address connected to: every connection resolves its host through `#lookup` (net's
 * `lookup` hook), which refuses private, loopback, link-local (cloud metadata: 169.254.169.254),
 * carrier-grade NAT, unique-local, multicast and reserved ranges, so a DNS answer that changes
 * after the settings were checked (DNS rebinding) is refused too; an IP literal, which net connects
 * to without a lookup, is checked before the request. Each redirect is checked again as a new
 * request. One deadline covers the request and its redirects; at most `maxResponseBytes` of an
 * answer are read.
 *
 * ipaddr.js rather than request-filtering-agent: we need the check in our own lookup (an injected
 * resolver in tests, the same code in production) and the loopback exception for test receivers;
 * ipaddr.js classifies ranges (IPv4-mapped IPv6 included) and leaves the connection to node.
 */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface NetOptions {
  timeoutMs: number;
  allowLoopbackHttp: boolean;
  /** Tests inject one; default: the system resolver. */
  resolve?: Resolver;
  maxResponseBytes?: number;
  maxRedirects?: number;
}

export interface Request {
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** `apps-script`: a 301/302/303 is followed with a GET (the script has already run: Google's documented flow). */
  redirects: 'follow-as-get' | 'keep-method';
}

export type NetResult =
  | { kind: 'response'; status: number; retryAfter: string | null; snippet: string }
  /** Refused before any byte was sent to that address: a guarded range, an insecure URL, too many redirects. Never retried. */
  | { kind: 'refused'; message: string }
  /** Connection refused or reset, timeout: retried. */
  | { kind: 'network'; message: string };

const SNIPPET_BYTES = 200;

class AddressRefused extends Error {}

const systemResolve: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export class Net {
  readonly #options: Required<NetOptions>;
  readonly #agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

  constructor(options: NetOptions) {
    this.#options = { resolve: systemResolve, maxResponseBytes: 64 * 1024, maxRedirects: 3, ...options };
  }

  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /** net's lookup hook: resolve, then refuse the connection if any address is in a guarded range. */
  readonly #lookup: LookupFunction = (hostname, options, callback) => {
    this.#options.resolve(hostname).then(
      (addresses) => {
        const bad = addresses.map((entry) => [entry.address, refusedRange(entry.address, this.#options.allowLoopbackHttp)] as const).find(([, why]) => why);
        if (bad) return callback(new AddressRefused(`${hostname} resolves to ${bad[0]} (${bad[1]}): refused`), '', 0);
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  async send(request: Request): Promise<NetResult> {
    const signal = AbortSignal.timeout(this.#options.timeoutMs);
    let url = request.url;
    let method = 'POST';
    let body: string | null = request.body;
    for (let hop = 0; ; hop += 1) {
      const refused = this.#refuseUrl(url);
      if (refused) return { kind: 'refused', message: refused };
      const result = await this.#once(url, method, request.headers, body, signal);
      if (result.kind !== 'redirect') return result;
      if (hop >= this.#options.maxRedirects) return { kind: 'refused', message: `more than ${this.#options.maxRedirects} redirects` };
      let next: URL;
      try {
        next = new URL(result.location, url);
      } catch {
        return { kind: 'response', status: result.status, retryAfter: null, snippet: 'redirect to an unreadable Location' };
      }
      const asGet = [301, 302, 303].includes(result.status);
      if (asGet && request.redirects === 'keep-method') {
        return { kind: 'response', status: result.status, retryAfter: null, snippet: `redirect to ${next.origin} not followed (it would drop the body)` };
      }
      if (asGet) {
        method = 'GET';
        body = null;
      }
      url = next;
    }
  }

  /** The URL's scheme, and an IP literal's range (net connects to a literal without a lookup): config.ts's check. */
  #refuseUrl(url: URL): string | null {
    let problem: string | null = null;
    checkUrl(url.href, 'url', this.#options.allowLoopbackHttp, (_path, message) => (problem = `${url.origin}: ${message}`));
    return problem;
  }

  #once(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | null,
    signal: AbortSignal,
  ): Promise<NetResult | { kind: 'redirect'; status: number; location: string }> {
    const secure = url.protocol === 'https:';
    const client = secure ? https : http;
    return new Promise((resolve) => {
      const outgoing = client.request(
        url,
        {
          method,
          headers: { ...(body === null ? {} : headers), 'user-agent': 'encounter-survey-collector', ...(body === null ? {} : { 'content-length': String(Buffer.byteLength(body)) }) },
          agent: secure ? this.#agents.https : this.#agents.http,
          lookup: this.#lookup,
          signal,
        },
        (incoming) => {
          const status = incoming.statusCode ?? 0;
          const location = incoming.headers.location;
          const chunks: Buffer[] = [];
          let read = 0;
          incoming.on('data', (chunk: Buffer) => {
            if (read < SNIPPET_BYTES) chunks.push(chunk);
            read += chunk.length;
            if (read > this.#options.maxResponseBytes) incoming.destroy(); // the cap: the rest is never read
          });
          const done = () => {
            const snippet = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
            if (status >= 300 && status < 400 && typeof location === 'string') resolve({ kind: 'redirect', status, location });
            else resolve({ kind: 'response', status, retryAfter: header(incoming.headers['retry-after']), snippet });
          };
          incoming.on('end', done);
          // Destroyed at the cap, or the connection dropped mid-answer: the status line was read.
          incoming.on('close', () => (incoming.complete ? undefined : done()));
          incoming.on('error', () => undefined);
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof AddressRefused) resolve({ kind: 'refused', message: error.message });
        else if (signal.aborted) resolve({ kind: 'network', message: `no answer within ${this.#options.timeoutMs} ms` });
        else resolve({ kind: 'network', message: `${error.code ?? 'network-error'}: ${error.message}` });
      });
      outgoing.end(body ?? undefined);
    });
  }
}

function header(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { submissionSchema, type Submission } from '../src/core/submission-schema.js';
import { summarize, DEFAULT_K, type QuestionKind } from '../src/core/summary.js';
import * as z from 'zod/mini';
import { toCsv } from './csv.js';
import { BodyTooLarge, RateLimiter, readBody, secretsEqual, sendError, sendJson, type RateLimitOptions } from './http.js';
import { JsonlStore, type OpenReport } from './store.js';

/**
 * The reference collector: a plain Node HTTP server that receives survey responses.
 *
 *   POST /responses            201 stored · 409 { duplicate: true } (the key was stored before) ·
 *                              400 invalid-json | invalid-submission | missing-idempotency-key |
 *                              idempotency-key-mismatch · 413 payload-too-large ·
 *                              415 unsupported-media-type · 429 rate-limited (Retry-After) ·
 *                              500 storage-error
 *   GET  /summary?survey=<id>  SurveySummary JSON (src/core/summary.ts), small cells suppressed
 *   GET  /export.csv[?survey=] staff CSV, `Authorization: Bearer <token>` (401 otherwise); no CORS
 *   GET  /health               { ok: true }
 *
 * Receiver contract: a 2xx or a 409 means the record is durably stored (fsync'd); 409 answers a
 * repeated `Idempotency-Key` whose earlier request committed. Bodies, addresses and keys are never
 * logged; no cookies are set; nothing about the request (time received, address, user agent) is stored.
 */
export interface CollectorOptions {
  port?: number;
  host?: string;
  dataFile: string;
  /** Origins that get CORS headers (exact match, e.g. `https://example.org`). */
  allowedOrigins?: readonly string[];
  /** Bearer token for `GET /export.csv`. Required: there is no open export. */
  exportToken: string;
  /** Default 16 KiB, the widget's own per-payload cap. */
  maxBodyBytes?: number;
  /** Per remote address; `false` turns it off. Default 120 requests a minute. */
  rateLimit?: RateLimitOptions | false;
  /** Small-cell threshold for `/summary`. Default 11. */
  k?: number;
  /** Question kinds per survey id, when known (otherwise inferred; see `inferQuestionKinds`). */
  surveys?: Record<string, Record<string, QuestionKind | 'text'>>;
  /**
   * Demo only: `POST /demo/offline {"offline": true}` makes `/responses` answer 503 until turned off,
   * so the demo can show a response waiting on the device and then arriving. Never in production.
   */
  demoOfflineSwitch?: boolean;
}

export interface RunningCollector {
  url: string;
  /** What re-indexing found at start. */
  openReport: OpenReport;
  close(): Promise<void>;
}

const CORS_ROUTES = new Set(['/responses', '/summary', '/health', '/demo/offline']);
const ALLOW: Record<string, string> = {
  '/responses': 'POST, OPTIONS',
  '/summary': 'GET, HEAD, OPTIONS',
  '/health': 'GET, HEAD, OPTIONS',
  '/export.csv': 'GET, HEAD',
  '/demo/offline': 'POST, OPTIONS',
};

export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  if (!options.exportToken) throw new Error('startCollector: exportToken is required');
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const k = options.k ?? DEFAULT_K;
  const origins = new Set(options.allowedOrigins ?? []);
  const limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? { max: 120, windowMs: 60_000 });
  const { store, report } = await JsonlStore.open<Submission>(options.dataFile);
  let demoOffline = false;

  async function setDemoOffline(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
    if (!options.demoOfflineSwitch) return sendError(res, 404, { error: 'not-found', message: 'No route /demo/offline.' }, headers);
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 1024)).toString('utf8'));
    } catch {
      body = null;
    }
    const offline = (body as { offline?: unknown } | null)?.offline;
    if (typeof offline !== 'boolean') {
      return sendError(res, 400, { error: 'invalid-json', message: 'Send {"offline": true | false}.' }, headers);
    }
    demoOffline = offline;
    return sendJson(res, 200, { offline }, headers);
  }

  async function receive(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return sendError(res, 415, { error: 'unsupported-media-type', message: 'Send the response as application/json.' }, headers);
    }
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.trim() === '') {
      return sendError(res, 400, { error: 'missing-idempotency-key', message: 'The Idempotency-Key header is required.' }, headers);
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      return sendError(
        res,
        413,
        { error: 'payload-too-large', message: `The body is over the ${maxBodyBytes}-byte limit.` },
        { ...headers, connection: 'close' },
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      return sendError(res, 400, { error: 'invalid-json', message: 'The body is not valid UTF-8 JSON.' }, headers);
    }
    const parsed = z.safeParse(submissionSchema, body);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
      return sendError(
        res,
        400,
        { error: 'invalid-submission', message: 'The body does not match the submission schema.', issues },
        headers,
      );
    }
    if (key !== parsed.data.id) {
      return sendError(
        res,
        400,
        { error: 'idempotency-key-mismatch', message: 'The Idempotency-Key header must equal the body "id".' },
        headers,
      );
    }
    // Store the parsed JSON as received (it passed the schema): zod's copy would drop odd keys such as "__proto__".
    const result = await store.append(body as Submission).catch((error: unknown) => error as Error);
    if (result instanceof Error) {
      console.error(`collector: storage-error (${result.message})`);
      return sendError(res, 500, { error: 'storage-error', message: 'The response could not be stored; retry later.' }, headers);
    }
    if (result === 'duplicate') return sendJson(res, 409, { duplicate: true, id: key }, headers);
    return sendJson(res, 201, { stored: true, id: key }, headers);
  }

  function exportCsv(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const auth = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!match || !secretsEqual(match[1]!, options.exportToken)) {
      return sendError(
        res,
        401,
        { error: 'unauthorized', message: 'Send the export token as "Authorization: Bearer <token>".' },
        { 'www-authenticate': 'Bearer' },
      );
    }
    const survey = url.searchParams.get('survey');
    const rows = survey === null ? store.all() : store.all().filter((record) => record.survey.id === survey);
    const csv = toCsv(rows);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="responses.csv"`,
      'content-length': Buffer.byteLength(csv),
    });
    res.end(req.method === 'HEAD' ? undefined : csv);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const route = url.pathname;
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const headers: Record<string, string> = {};
    const origin = req.headers.origin;
    if (origin && origins.has(origin) && CORS_ROUTES.has(route)) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-expose-headers'] = 'retry-after';
      headers['vary'] = 'Origin';
    }
    const allow = ALLOW[route];
    if (!allow) return sendError(res, 404, { error: 'not-found', message: `No route ${route}.` }, headers);
    if (req.method === 'OPTIONS' && allow.includes('OPTIONS')) {
      if (headers['access-control-allow-origin']) {
        headers['access-control-allow-methods'] = allow;
        headers['access-control-allow-headers'] = 'content-type, idempotency-key';
        headers['access-control-max-age'] = '600';
      }
      res.writeHead(204, headers);
      return void res.end();
    }
    if (!allow.split(', ').includes(req.method ?? '')) {
      return sendError(res, 405, { error: 'method-not-allowed', message: `Use ${allow}.` }, { ...headers, allow });
    }
    const wait = route === '/health' ? 0 : (limiter?.take(req.socket.remoteAddress ?? 'unknown') ?? 0);
    if (wait > 0) {
      return sendError(
        res,
        429,
        { error: 'rate-limited', message: `Too many requests; retry after ${wait} s.` },
        { ...headers, 'retry-after': String(wait) },
      );
    }
    if (route === '/demo/offline') return setDemoOffline(req, res, headers);
    if (route === '/responses' && demoOffline) {
      return sendError(res, 503, { error: 'demo-offline', message: 'The demo switch is set to offline.' }, {
        ...headers,
        'retry-after': '2',
      });
    }
    if (route === '/responses') return receive(req, res, headers);
    if (route === '/export.csv') return exportCsv(req, res, url);
    if (route === '/health') return sendJson(res, 200, { ok: true }, headers);
    const survey = url.searchParams.get('survey');
    if (!survey) {
      return sendError(res, 400, { error: 'missing-survey', message: 'Add ?survey=<survey id>.' }, headers);
    }
    const summary = summarize(store.all(), { surveyId: survey, k, questionKinds: options.surveys?.[survey] });
    return sendJson(res, 200, summary, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`collector: internal-error (${(error as Error).message})`);
      if (!res.headersSent) sendError(res, 500, { error: 'internal-error', message: 'Something went wrong.' });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    openReport: report,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}

import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { csvStream, jsonLinesStream } from './export.js';
import { intake } from './intake.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';
import type { ResponseStore } from './store.js';
import { readSummary } from './summary.js';
import type { SurveyRegistry } from './surveys.js';

/**
 * The HTTP surface, every route in one table. Middleware, in order: secure headers and no caching
 * (all routes); CORS for the listed origins on the routes a page calls; the rate limit; the staff
 * token on staff routes; the body limit on POSTs. Errors are JSON `{ error, message }`.
 */
export interface AppOptions {
  store: ResponseStore;
  surveys: SurveyRegistry;
  storage: 'postgres' | 'pglite';
  allowedOrigins: readonly string[];
  staffToken: string;
  maxBodyBytes: number;
  rateLimit: RateLimitOptions | false;
  k: number;
  acceptUnknown: boolean;
  now: () => Date;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** `staff` needs `Authorization: Bearer <COLLECTOR_STAFF_TOKEN>`. */
  access: 'public' | 'staff';
  /** Called from web pages on other origins (the widget, `<survey-summary>`): CORS for the listed origins. */
  cors: boolean;
  rateLimited: boolean;
  before?: MiddlewareHandler[];
  handler: (c: Context) => Response | Promise<Response>;
}

/** Request headers a page may send: the widget's two, and ALTCHA's proof of work (issue #12). */
export const CORS_REQUEST_HEADERS = ['content-type', 'idempotency-key', 'altcha'];

export const fail = (c: Context, status: ContentfulStatusCode, error: string, message: string, extra: object = {}) =>
  c.json({ error, message, ...extra }, status);

/** Additions outside the production table (the demo's offline switch): more routes, and a gate before receiving. */
export interface AppExtras {
  routes?: readonly Route[];
  receiveGate?: MiddlewareHandler;
}

export function createApp(options: AppOptions, extras: AppExtras = {}): Hono {
  const routes = [...productionRoutes(options, extras.receiveGate), ...(extras.routes ?? [])];
  const app = new Hono();
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }), async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        c.header('allow', methods.join(', '));
        return fail(c, 405, 'method-not-allowed', `Use ${methods.join(' or ')}.`);
      },
    }),
  );
  const origins = new Set(options.allowedOrigins);
  const limit = options.rateLimit === false ? null : rateLimit(options.rateLimit, fail);
  const staff = bearerAuth({
    token: options.staffToken,
    noAuthenticationHeader: { message: { error: 'unauthorized', message: 'Send the staff token as "Authorization: Bearer <token>".' } },
    // A malformed header (no "Bearer ", characters a token cannot have) is a 400, as RFC 6750 says.
    invalidAuthenticationHeader: { message: { error: 'invalid-authorization', message: 'Send the staff token as "Authorization: Bearer <token>".' } },
    invalidToken: { message: { error: 'unauthorized', message: 'The staff token is not right.' } },
  });
  for (const route of routes) {
    const chain: MiddlewareHandler[] = [];
    if (route.cors) {
      const methods = routes.filter((other) => other.path === route.path).map((other) => other.method);
      chain.push(
        cors({
          origin: (origin) => (origins.has(origin) ? origin : null),
          allowMethods: [...methods, 'OPTIONS'],
          allowHeaders: CORS_REQUEST_HEADERS,
          exposeHeaders: ['retry-after'],
          maxAge: 600,
        }),
      );
    }
    if (route.rateLimited && limit) chain.push(limit);
    if (route.access === 'staff') chain.push(staff);
    chain.push(...(route.before ?? []));
    // Preflights are answered by the CORS middleware before any other step.
    if (route.cors) app.options(route.path, chain[0]!);
    app.on(route.method, [route.path], ...(chain as [MiddlewareHandler]), route.handler);
  }
  app.notFound((c) => fail(c, 404, 'not-found', `No route ${c.req.path}.`));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    console.error(`collector: internal-error (${error.message})`);
    return fail(c, 500, 'internal-error', 'Something went wrong.');
  });
  return app;
}

function productionRoutes(options: AppOptions, receiveGate?: MiddlewareHandler): Route[] {
  const { store, surveys } = options;
  const surveyParam = (c: Context) => c.req.query('survey');
  const missingSurvey = (c: Context) => fail(c, 400, 'missing-survey', 'Add ?survey=<survey id>.');
  const exportRoute = (path: string, type: string, extension: string, stream: typeof csvStream): Route => ({
    method: 'GET',
    path,
    access: 'staff',
    cors: false,
    rateLimited: true,
    handler: (c) => {
      const survey = surveyParam(c);
      if (!survey) return missingSurvey(c);
      // The query is anyone's text: only a survey-id-shaped name goes into the header.
      const name = /^[A-Za-z0-9._-]{1,100}$/.test(survey) ? survey : 'responses';
      return c.body(stream(store, survey, surveys.versions(survey)), 200, {
        'content-type': type,
        'content-disposition': `attachment; filename="${name}.${extension}"`,
      });
    },
  });
  return [
    {
      method: 'POST',
      path: '/responses',
      access: 'public',
      cors: true,
      rateLimited: true,
      before: [...(receiveGate ? [receiveGate] : []), receiveHeaders, bodyLimit({ maxSize: options.maxBodyBytes, onError: (c) => tooLarge(c, options.maxBodyBytes) })],
      handler: (c) => receive(c, options),
    },
    {
      method: 'GET',
      path: '/summary',
      access: 'public',
      cors: true,
      rateLimited: true,
      handler: async (c) => {
        const survey = surveyParam(c);
        if (!survey) return missingSurvey(c);
        return c.json(await readSummary(store, surveys, { surveyId: survey }, options.k));
      },
    },
    exportRoute('/export.csv', 'text/csv; charset=utf-8', 'csv', csvStream),
    exportRoute('/export.json', 'application/jsonl; charset=utf-8', 'jsonl', jsonLinesStream),
    {
      method: 'GET',
      path: '/health',
      access: 'public',
      cors: true,
      rateLimited: false,
      handler: async (c) => {
        try {
          await store.db.query('SELECT 1');
          return c.json({ ok: true, storage: options.storage });
        } catch {
          return c.json({ ok: false, storage: options.storage }, 503);
        }
      },
    },
  ];
}

const tooLarge = (c: Context, max: number) => {
  c.header('connection', 'close');
  return fail(c, 413, 'payload-too-large', `The body is over the ${max}-byte limit.`);
};

const receiveHeaders: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return fail(c, 415, 'unsupported-media-type', 'Send the response as application/json.');
  if (!c.req.header('idempotency-key')?.trim()) return fail(c, 400, 'missing-idempotency-key', 'The Idempotency-Key header is required.');
  await next();
};

async function receive(c: Context, options: AppOptions): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
  } catch (error) {
    if (error instanceof HTTPException) throw error; // the body limit
    return fail(c, 400, 'invalid-json', 'The body is not valid UTF-8 JSON.');
  }
  const result = intake(body, options.surveys, { acceptUnknown: options.acceptUnknown });
  if (!result.ok) return fail(c, 400, result.error, result.message, result.issues ? { issues: result.issues } : {});
  const key = c.req.header('idempotency-key');
  if (key !== result.submission.id) {
    return fail(c, 400, 'idempotency-key-mismatch', 'The Idempotency-Key header must equal the body "id".');
  }
  let outcome;
  try {
    outcome = await options.store.insert(result.submission, options.now().toISOString().slice(0, 10), result.counted);
  } catch (error) {
    console.error(`collector: storage-error (${(error as Error).message})`);
    c.header('retry-after', '5');
    return fail(c, 503, 'storage-error', 'The response could not be stored; retry later.');
  }
  // Acknowledged only now: the statement has committed (or found the id committed before).
  if (outcome === 'duplicate') return c.json({ duplicate: true, id: key }, 409);
  return c.json({ stored: true, id: key }, 201);
}

import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ProofOfWork } from './proof-of-work.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';
import { productionRoutes } from './routes.js';
import { staffAccess, type StaffSessions } from './staff-sessions.js';
import type { ResponseStore } from './store.js';
import type { ForwardWorker } from './forward/worker.js';
import type { SurveyRegistry } from './surveys.js';

/**
 * The HTTP surface, every route in one table. Middleware, in order: secure headers and no caching
 * (all routes); CORS for the listed origins on the routes a page calls; the rate limit; the staff
 * token on staff routes; the route's own steps; a body limit on every route that may carry a body.
 * Errors are JSON `{ error, message }`.
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
  /** Shown counts are rounded to this (default 5). */
  rounding: number;
  /** Keys the summaries' random rounding (shared by every instance). */
  summarySecret: string;
  /** Days responses are kept (0: for ever): summaries leave out periods older than that. */
  retentionDays: number;
  /** Surveys whose unfiltered summary anyone may read (COLLECTOR_PUBLIC_SURVEYS). */
  publicSurveys: ReadonlySet<string>;
  sessions: StaffSessions;
  proofOfWork: ProofOfWork;
  acceptUnknown: boolean;
  /** Onward delivery, for the staff view (null: no destinations). */
  forwarding?: ForwardWorker | null;
  /** COLLECTOR_REDACT=1: identifiers in free text replaced by "[phone]" etc. before storing. */
  redactFreeText?: boolean;
  /** Free bytes where the embedded database writes (null on PostgreSQL: its disk is the server's). */
  freeBytes: (() => Promise<number>) | null;
  /** Intake answers 503 below this many free bytes; 0: never. */
  minFreeBytes: number;
  now: () => Date;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** `staff` needs a staff session cookie or `Authorization: Bearer <COLLECTOR_STAFF_TOKEN>`. */
  access: 'public' | 'staff';
  /** Called from web pages on other origins (the widget, `<survey-summary>`): CORS for the listed origins. */
  cors: boolean;
  /** `assets`: a bucket of its own, ten times the limit (one dashboard load fetches a few dozen files). */
  rateLimited: boolean | 'assets';
  /** Largest body accepted (413 above it). Every route but a GET gets a limit: this, or SMALL_BODY_BYTES. */
  maxBodyBytes?: number;
  before?: MiddlewareHandler[];
  handler: (c: Context) => Response | Promise<Response>;
}

/** Request headers a page may send: the widget's two, and ALTCHA's proof of work (issue #12). */
export const CORS_REQUEST_HEADERS = ['content-type', 'idempotency-key', 'altcha'];

export const fail = (c: Context, status: ContentfulStatusCode, error: string, message: string, extra: object = {}) =>
  c.json({ error, message, ...extra }, status);

/** Static files get this many times the per-address limit, in a bucket of their own. */
export const ASSET_RATE_FACTOR = 10;

/** `Retry-After` on a 503 that names no time of its own. */
export const RETRY_AFTER_SECONDS = 5;

/** The body limit of routes that read only a little JSON (staff sign-in, the demo switch). */
export const SMALL_BODY_BYTES = 1024;

/** Over the limit: 413, and the connection closed so the rest of the body is not read. */
function limitBody(route: Route): MiddlewareHandler {
  const max = route.maxBodyBytes ?? SMALL_BODY_BYTES;
  return bodyLimit({
    maxSize: max,
    onError: (c) => {
      c.header('connection', 'close');
      return fail(c, 413, 'payload-too-large', `The body is over the ${max}-byte limit of ${route.method} ${route.path}.`);
    },
  });
}

/** Additions outside the production table (the demo's offline switch): more routes, and a gate before receiving. */
export interface AppExtras {
  routes?: readonly Route[];
  receiveGate?: MiddlewareHandler;
}

// C0, DEL and C1. PostgreSQL refuses a NUL in text, and no name or value of ours needs any of them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Every route: a query parameter (name or value) holding a control character → 400, before any route reads it. */
const plainQuery: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of new URL(c.req.url).searchParams) {
    if (CONTROL.test(name) || CONTROL.test(value)) {
      const what = CONTROL.test(name) ? 'A query parameter name' : `The query parameter "${name}"`;
      return fail(c, 400, 'invalid-query', `${what} holds a control character (such as NUL); remove it.`);
    }
  }
  await next();
};

export function createApp(options: AppOptions, extras: AppExtras = {}): Hono {
  const routes = [...productionRoutes(options, extras.receiveGate), ...(extras.routes ?? [])];
  const app = new Hono();
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }), async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
    // Every 503 says when to come back, whichever step sent it (clients and proxies back off on it).
    if (c.res.status === 503 && !c.res.headers.has('retry-after')) c.header('retry-after', String(RETRY_AFTER_SECONDS));
  });
  app.use(plainQuery);
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
  const assetLimit = options.rateLimit === false ? null : rateLimit({ max: options.rateLimit.max * ASSET_RATE_FACTOR }, fail);
  const staff = staffAccess(options.sessions, fail);
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
    if (route.rateLimited === 'assets' && assetLimit) chain.push(assetLimit);
    else if (route.rateLimited && limit) chain.push(limit);
    if (route.access === 'staff') chain.push(staff);
    chain.push(...(route.before ?? []));
    if (route.method !== 'GET') chain.push(limitBody(route));
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

import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { fail, type AppOptions, type Route } from './app.js';
import { dashboardFile, dashboardPage } from './dashboard.js';
import { csvStream, firstPage, jsonLinesStream } from './export.js';
import { intake } from './intake.js';
import { retentionCutoff } from './retention.js';
import { checkStaffToken, sameOrigin, staffAccess } from './staff-sessions.js';
import { asksForPublicWindow, readSummary, readSummaryQuery } from './summary.js';
import { forwardingRoutes } from './forward/routes.js';

/** Every route of the collector, one row each (app.ts adds the middleware each row asks for). */
export function productionRoutes(options: AppOptions, receiveGate?: MiddlewareHandler): Route[] {
  const { store, surveys, sessions } = options;
  const surveyParam = (c: Context) => c.req.query('survey');
  const missingSurvey = (c: Context) => fail(c, 400, 'missing-survey', 'Add ?survey=<survey id>.');
  const staff = staffAccess(sessions, fail);
  const fromOwnPages = sameOrigin(sessions, fail);
  const exportRoute = (path: string, type: string, extension: string, stream: typeof csvStream): Route => ({
    method: 'GET',
    path,
    access: 'staff',
    cors: false,
    rateLimited: true,
    handler: async (c) => {
      const survey = surveyParam(c);
      if (!survey) return missingSurvey(c);
      // The query is anyone's text: only a survey-id-shaped name goes into the header.
      const name = /^[A-Za-z0-9._-]{1,100}$/.test(survey) ? survey : 'responses';
      let first;
      try {
        first = await firstPage(store, survey);
      } catch (error) {
        return storageError(c, error, 'The export could not be read; retry later.');
      }
      if (first.length === 0 && surveys.versions(survey).length === 0) {
        return fail(c, 404, 'unknown-survey', 'No survey with that id has a config file or any stored response.');
      }
      return c.body(stream(store, survey, surveys.versions(survey), first), 200, {
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
      maxBodyBytes: options.maxBodyBytes,
      before: [...(receiveGate ? [receiveGate] : []), receiveHeaders],
      handler: (c) => receive(c, options),
    },
    {
      method: 'GET',
      path: '/challenge',
      access: 'public',
      cors: true,
      rateLimited: true,
      handler: async (c) => c.json(await options.proofOfWork.challenge()),
    },
    {
      method: 'GET',
      path: '/summary',
      access: 'public',
      cors: true,
      rateLimited: true,
      handler: async (c) => {
        const params = new URL(c.req.url).searchParams;
        const surveyId = params.get('survey');
        if (!surveyId) return missingSurvey(c);
        // Listed surveys' default summaries are public (an organisation's own website): the latest closed
        // quarter by month, unfiltered. Filters, chosen ranges and weeks are staff only.
        // Staff access is checked before the query: otherwise a 400 naming a wrong version, language or
        // tag would tell anyone what a private survey declares (its sites), and whether it exists.
        const needsStaff = !options.publicSurveys.has(surveyId) || !asksForPublicWindow(params);
        // Staff asking for nothing in particular get their default (the last 12 closed periods), not the public quarter.
        let asStaff = false;
        if (needsStaff || c.req.header('authorization') !== undefined || (await sessions.find(c))) {
          const refused = await staff(c, async () => undefined);
          if (refused && needsStaff) return refused;
          asStaff = !refused;
        }
        const checked = readSummaryQuery(params, surveys, { asStaff });
        if (!checked.ok) return fail(c, 400, 'invalid-query', checked.message);
        const now = options.now();
        const rules = { k: options.k, rounding: options.rounding, now };
        // Periods that began before the first day retention keeps lose a day of responses every day.
        const keptFrom = options.retentionDays > 0 ? retentionCutoff(now, options.retentionDays) : undefined;
        return c.json(await readSummary(store, surveys, checked.query, { ...rules, keptFrom }));
      },
    },
    exportRoute('/export.csv', 'text/csv; charset=utf-8', 'csv', csvStream),
    exportRoute('/export.json', 'application/jsonl; charset=utf-8', 'jsonl', jsonLinesStream),
    {
      method: 'POST',
      path: '/staff/session',
      access: 'public',
      cors: false,
      rateLimited: true,
      before: [fromOwnPages],
      handler: async (c) => {
        const body = (await c.req.json().catch(() => null)) as { token?: unknown } | null;
        if (typeof body?.token !== 'string') return fail(c, 400, 'invalid-json', 'Send {"token": "<staff token>"} as JSON.');
        const checked = await checkStaffToken(c, sessions, body.token, fail);
        if (checked instanceof Response) return checked;
        if (!checked) return fail(c, 401, 'unauthorized', 'That is not the staff token.');
        const expires = await sessions.create(c);
        return c.json({ signedIn: true, expiresAt: expires.toISOString() }, 201);
      },
    },
    {
      method: 'GET',
      path: '/staff/session',
      access: 'staff',
      cors: false,
      rateLimited: true,
      handler: async (c) => c.json({ signedIn: true, expiresAt: (await sessions.find(c))?.toISOString() ?? null, surveys: surveys.describe(options.publicSurveys) }),
    },
    {
      method: 'DELETE',
      path: '/staff/session',
      access: 'public',
      cors: false,
      rateLimited: true,
      before: [fromOwnPages],
      handler: async (c) => {
        await sessions.remove(c);
        return c.body(null, 204);
      },
    },
    ...forwardingRoutes(options.forwarding, fail, fromOwnPages),
    {
      method: 'DELETE',
      path: '/staff/sessions',
      access: 'staff',
      cors: false,
      rateLimited: true,
      before: [sameOrigin(sessions, fail, { bearerToo: true })],
      handler: async (c) => {
        await sessions.removeAll(c);
        return c.body(null, 204);
      },
    },
    { method: 'GET', path: '/dashboard', access: 'public', cors: false, rateLimited: true, handler: dashboardPage },
    { method: 'GET', path: '/dashboard/:file', access: 'public', cors: false, rateLimited: 'assets', handler: dashboardFile },
    {
      method: 'GET',
      path: '/health',
      access: 'public',
      cors: true,
      rateLimited: true,
      handler: async (c) => {
        // A database that does not answer is as down as one that refuses: a balancer's check must not hang.
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer')), HEALTH_TIMEOUT_MS);
        });
        try {
          await Promise.race([store.db.query('SELECT 1'), late]);
          return c.json({ ok: true, storage: options.storage });
        } catch {
          return c.json({ ok: false, storage: options.storage }, 503);
        } finally {
          clearTimeout(timer);
        }
      },
    },
  ];
}

/** `/health` answers 503 when `SELECT 1` takes longer than this. */
export const HEALTH_TIMEOUT_MS = 2_000;

const receiveHeaders: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return fail(c, 415, 'unsupported-media-type', 'Send the response as application/json.');
  if (!c.req.header('idempotency-key')?.trim()) return fail(c, 400, 'missing-idempotency-key', 'The Idempotency-Key header is required.');
  await next();
};

function storageError(c: Context, error: unknown, message = 'The response could not be stored; retry later.'): Response {
  console.error(`collector: storage-error (${(error as Error).message})`);
  c.header('retry-after', '5');
  return fail(c, 503, 'storage-error', message);
}

/** When the low-disk refusal was last logged (once a minute, not once a request). */
let lowDiskLogged = 0;

async function receive(c: Context, options: AppOptions): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
  } catch (error) {
    if (error instanceof HTTPException) throw error; // the body limit
    return fail(c, 400, 'invalid-json', 'The body is not valid UTF-8 JSON.');
  }
  const result = intake(body, options.surveys, { acceptUnknown: options.acceptUnknown, now: options.now(), retentionDays: options.retentionDays, redact: options.redactFreeText ?? false });
  if (!result.ok) return fail(c, 400, result.error, result.message, result.issues ? { issues: result.issues } : {});
  const key = c.req.header('idempotency-key');
  if (key !== result.submission.id) {
    return fail(c, 400, 'idempotency-key-mismatch', 'The Idempotency-Key header must equal the body "id".');
  }
  // Before the disk is full (PGlite): refused while it can be retried elsewhere or later, never half-written.
  if (options.freeBytes && options.minFreeBytes > 0) {
    const free = await options.freeBytes().catch(() => Number.POSITIVE_INFINITY);
    if (free < options.minFreeBytes) {
      if (Date.now() - lowDiskLogged > 60_000) {
        lowDiskLogged = Date.now();
        console.error(`collector: storage-full (${Math.floor(free / 1048576)} MiB free, below COLLECTOR_MIN_FREE_MB): refusing responses`);
      }
      c.header('retry-after', '60');
      return fail(c, 503, 'storage-full', 'The collector\'s disk is nearly full; nothing was stored. Retry later.');
    }
  }
  // Proof of work, for surveys any of whose config files asks for it. After the checks above, so a response
  // that would be refused anyway spends no solution; 428 so the outbox solves a fresh challenge and retries.
  if (result.proofOfWork) {
    let proof;
    try {
      proof = await options.proofOfWork.verify(c.req.header('altcha'));
    } catch (error) {
      return storageError(c, error); // remembering the solution as used needs the database
    }
    if (proof !== 'ok') {
      const message = proof === 'proof-of-work-required' ? 'This survey asks for proof of work: send an Altcha header.' : 'The proof of work is missing, wrong, expired or already used.';
      return fail(c, 428, proof, message);
    }
  }
  let outcome;
  try {
    outcome = await options.store.insert(result.submission, options.now().toISOString().slice(0, 10), result.counted);
  } catch (error) {
    return storageError(c, error);
  }
  // Acknowledged only now: the statement has committed (or found the id committed before).
  if (outcome === 'duplicate') return c.json({ duplicate: true, id: key }, 409);
  return c.json({ stored: true, id: key }, 201);
}

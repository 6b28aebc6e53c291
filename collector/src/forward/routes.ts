import type { Context, MiddlewareHandler } from 'hono';
import type { Route } from '../app.js';
import type { ForwardWorker } from './worker.js';

type Fail = (c: Context, status: 400 | 404, error: string, message: string) => Response;

/**
 * The staff view of onward delivery: per destination, delivered / waiting / failed counts and the
 * last error (status and the first bytes of the answer); the dead-lettered deliveries; "Send
 * again". A destination's URL is never shown: for Slack or Apps Script the URL is the credential.
 */
export function forwardingRoutes(forwarding: ForwardWorker | null | undefined, fail: Fail, fromOwnPages: MiddlewareHandler): Route[] {
  const destinations = () => forwarding?.destinations ?? [];
  const known = (name: unknown) => destinations().find((d) => d.name === name);
  return [
    {
      method: 'GET',
      path: '/staff/forwarding',
      access: 'staff',
      cors: false,
      rateLimited: true,
      handler: async (c) => {
        const counts = forwarding ? await forwarding.queue.counts() : [];
        const list = destinations().map((d) => {
          const row = counts.find((entry) => entry.destination === d.name);
          return { name: d.name, survey: d.surveyId, kind: d.kind, host: d.url.host, delivered: row?.delivered ?? 0, waiting: row?.waiting ?? 0, failed: row?.failed ?? 0, lastError: row?.lastError ?? null };
        });
        return c.json({ destinations: list });
      },
    },
    {
      method: 'GET',
      path: '/staff/forwarding/failed',
      access: 'staff',
      cors: false,
      rateLimited: true,
      handler: async (c) => {
        const name = c.req.query('destination');
        if (!known(name)) return fail(c, 404, 'unknown-destination', 'Add ?destination=<a configured destination name>.');
        return c.json({ failed: await forwarding!.queue.failed(name!) });
      },
    },
    {
      method: 'POST',
      path: '/staff/forwarding/resend',
      access: 'staff',
      cors: false,
      rateLimited: true,
      maxBodyBytes: 64 * 1024,
      // From the dashboard's own origin (a cookie alone must not be enough) or a script's Bearer token.
      before: [bearerOr(fromOwnPages)],
      handler: async (c) => {
        const body = (await c.req.json().catch(() => null)) as { destination?: unknown; ids?: unknown } | null;
        if (!known(body?.destination)) return fail(c, 400, 'unknown-destination', 'Send {"destination": "<name>"} (and optionally "ids": [...]) as JSON.');
        const ids = body!.ids;
        const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
        if (ids !== undefined && (!Array.isArray(ids) || ids.length > 1000 || !ids.every((id) => typeof id === 'string' && uuid.test(id)))) {
          return fail(c, 400, 'invalid-json', '"ids" must be a list of up to 1,000 delivery ids.');
        }
        const requeued = await forwarding!.queue.resend(body!.destination as string, ids as string[] | undefined);
        forwarding!.wake();
        return c.json({ requeued });
      },
    },
  ];
}

/** Scripts with `Authorization: Bearer` have no Origin to check; the cookie-authenticated dashboard does. */
function bearerOr(check: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('authorization')?.startsWith('Bearer ')) return next();
    return check(c, next);
  };
}

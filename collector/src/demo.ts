import type { MiddlewareHandler } from 'hono';
import { fail, type AppExtras } from './app.js';

/**
 * Demo only (COLLECTOR_DEMO=1, set by `npm start`): `POST /demo/offline {"offline": true}` makes
 * `POST /responses` answer 503 until turned off, so the demo can show a response waiting on the
 * device and then arriving. Never part of the production route table.
 */
export function demoOfflineSwitch(): AppExtras {
  let offline = false;
  const receiveGate: MiddlewareHandler = async (c, next) => {
    if (!offline) return next();
    c.header('retry-after', '2');
    return fail(c, 503, 'demo-offline', 'The demo switch is set to offline.');
  };
  return {
    receiveGate,
    routes: [
      {
        method: 'POST',
        path: '/demo/offline',
        access: 'public',
        cors: true,
        rateLimited: false,
        handler: async (c) => {
          const body: unknown = await c.req.json().catch(() => null);
          const value = (body as { offline?: unknown } | null)?.offline;
          if (typeof value !== 'boolean') return fail(c, 400, 'invalid-json', 'Send {"offline": true | false}.');
          offline = value;
          return c.json({ offline });
        },
      },
    ],
  };
}

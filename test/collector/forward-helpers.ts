// Real HTTP receivers on 127.0.0.1 for the onward delivery tests, scripted per request, and the
// settings that point destinations at them.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseForwardSettings } from '../../collector/src/forward/config.js';
import { surveys } from './helpers.js';

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with one request: answer, or drop the connection (before or after "storing" it). */
export type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'reset-before' | 'reset-after';

export interface Receiver {
  url: string;
  received: Received[];
  /** Requests that arrived while another with the same webhook-id was still being answered. */
  overlaps: string[];
  close(): Promise<void>;
}

/** `port` 0: any free port. */
export async function receiver(reply: (request: Received, index: number) => Reply | Promise<Reply> = () => ({ status: 200 }), port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const overlaps: string[] = [];
  const inFlight = new Set<string>();
  const server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = { method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const id = String(req.headers['webhook-id'] ?? '');
      if (id && inFlight.has(id)) overlaps.push(id);
      if (id) inFlight.add(id);
      const index = received.length;
      const answer = await reply(request, index);
      if (answer !== 'reset-before') received.push(request);
      if (id) inFlight.delete(id);
      if (answer === 'reset-before' || answer === 'reset-after') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    overlaps,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const OLD_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

/** Fast retries for tests; `surveys` as helpers.ts declares them. */
export function settings(input: Record<string, unknown>, { allowLoopbackHttp = true } = {}) {
  return parseForwardSettings({ retry: { attempts: 3, firstDelaySeconds: 0.05, maxDelaySeconds: 0.2 }, pollSeconds: 0.05, timeoutSeconds: 2, ...input }, surveys(), {
    allowLoopbackHttp,
  });
}

/** Resolves once `check` is true (polled), or fails naming `what` after `seconds`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a minimal receiver got: the stored responses by Idempotency-Key, and every POST it saw. */
export interface Received {
  stored: Map<string, unknown>;
  posts: number;
}

export const received = (): Received => ({ stored: new Map(), posts: 0 });

/**
 * The receiver contract at its smallest, for the e2e pages: `POST /responses` stores the JSON body
 * under its Idempotency-Key and answers 201, or 409 for a key already stored. False for any other request.
 */
export function receive(request: IncomingMessage, response: ServerResponse, into: Received): boolean {
  if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== '/responses') return false;
  into.posts += 1;
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const key = String(request.headers['idempotency-key']);
    const duplicate = into.stored.has(key);
    into.stored.set(key, JSON.parse(body));
    response.writeHead(duplicate ? 409 : 201).end();
  });
  return true;
}

/**
 * Sends one queued response with fetch: no cookies, no referrer, never following a redirect (a
 * followed 301/302 turns the POST into a body-less GET), a deadline per request, and the
 * response id as `Idempotency-Key` so a receiver can store a retried response once.
 */
import type { TransportOutcome } from '../core/outbox/classify.js';
import type { BodyLike, SendRequest } from '../core/outbox/ports.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The request body. By default JSON; `transform` may return another shape (sent as JSON), or a
 * string, sent as `text/plain` so endpoints that only take simple bodies (e.g. form scripts) work.
 */
export function encodeBody(value: unknown): BodyLike {
  if (typeof value === 'string') return { text: value, contentType: 'text/plain;charset=UTF-8' };
  const text = JSON.stringify(value);
  if (typeof text !== 'string') throw new TypeError('the body is not JSON');
  return { text, contentType: 'application/json' };
}

export async function fetchTransport(request: SendRequest): Promise<TransportOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const stop = () => controller.abort();
  request.signal?.addEventListener('abort', stop);
  try {
    const response = await fetch(request.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': request.body.contentType, ...request.headers, 'Idempotency-Key': request.id },
      body: request.body.text,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'manual',
      cache: 'no-store',
      keepalive: request.keepalive,
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { status: response.status || null, failure: 'redirect' };
    }
    const reason = response.ok ? '' : await readReason(response);
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), reason };
  } catch {
    // CORS refusals, DNS, resets and offline all look alike from here: a network error.
    if (request.signal?.aborted) return { status: null, failure: 'aborted' };
    return { status: null, failure: timedOut ? 'timeout' : 'network-error' };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', stop);
  }
}

/** A short, printable reason from an error body: `{ error }`/`{ message }`, or its first line. */
async function readReason(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 2000);
    let reason = text;
    try {
      const json = JSON.parse(text) as { error?: unknown; message?: unknown };
      reason = typeof json.error === 'string' ? json.error : typeof json.message === 'string' ? json.message : text;
    } catch {
      // not JSON: the text itself
    }
    reason = reason.split('\n')[0]!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
    return reason ? `${response.status} ${reason}` : `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

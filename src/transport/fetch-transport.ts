/**
 * Sends one request as its delivery profile built it (core/delivery/profiles), with fetch: no
 * cookies, no referrer, a deadline per request, and the profile's redirect and CORS modes. Reports
 * what came back without judging it: the profile does (an opaque answer, a followed redirect's end).
 */
import type { TransportOutcome } from '../core/outbox/classify.js';
import type { SendRequest } from '../core/outbox/ports.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

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
      headers: { 'Content-Type': request.body.contentType, ...request.headers },
      body: request.body.text,
      mode: request.mode,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: request.redirect,
      cache: 'no-store',
      keepalive: request.keepalive,
      signal: controller.signal,
    });
    // `no-cors`: the answer arrived, but status and body are hidden from us.
    if (response.type === 'opaque') return { status: null, opaque: true };
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { status: response.status || null, failure: 'redirect' };
    }
    const reason = response.ok ? '' : await readReason(response);
    const outcome: TransportOutcome = { status: response.status, retryAfter: response.headers.get('Retry-After'), reason };
    if (response.redirected) outcome.redirectedTo = response.url;
    return outcome;
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

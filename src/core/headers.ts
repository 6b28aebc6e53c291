/**
 * Request headers a survey config may not set. Some the transport writes itself (`Idempotency-Key`
 * must equal the response id, `Content-Type` must match the body, `Altcha` carries a proof of work);
 * the rest are headers browsers refuse to let a page set (the Fetch standard's forbidden request
 * headers), so a config naming them could never deliver what it says.
 */
const TRANSPORT_OWNED = new Set(['idempotency-key', 'content-type', 'altcha']);

const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

/** RFC 9110 token characters: what `fetch` accepts as a header name. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why a header name cannot come from config, or null when it may (compared in any case). */
export function headerProblem(name: string): string | null {
  if (!TOKEN.test(name)) return `"${name}" is not a valid header name`;
  const lower = name.toLowerCase();
  if (TRANSPORT_OWNED.has(lower)) return `"${name}" is set by encounter-survey itself and cannot be configured`;
  if (FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) {
    return `"${name}" is a header browsers do not let a page set`;
  }
  return null;
}

/** Why a header value cannot be sent (`fetch` throws on line breaks and NUL), or null. */
export function headerValueProblem(name: string, value: unknown): string | null {
  return typeof value === 'string' && !/[\r\n\0]/.test(value) ? null : `the value of "${name}" must be text on one line`;
}

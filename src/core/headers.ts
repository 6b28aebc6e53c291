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

/** Why a header name cannot come from config, or null when it may (compared in any case). */
export function headerProblem(name: string): string | null {
  const lower = name.trim().toLowerCase();
  if (TRANSPORT_OWNED.has(lower)) return `"${name}" is set by encounter-survey itself and cannot be configured`;
  if (FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) {
    return `"${name}" is a header browsers do not let a page set`;
  }
  return null;
}

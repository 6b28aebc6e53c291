/** Endpoints must be https, except a developer's own machine; and how each endpoint is delivered to. */
import { headerProblem, headerValueProblem } from '../headers.js';
import { checkSafeUrl } from '../urls.js';

export type EndpointProblem = 'endpoint-missing' | 'endpoint-insecure';

/** Resolves `endpoint` against `base` and returns the absolute URL, or the problem with it (the one URL rule: core/urls). */
export function checkEndpoint(endpoint: string | undefined, base?: string): { url: string } | { problem: EndpointProblem } {
  if (!endpoint || !endpoint.trim()) return { problem: 'endpoint-missing' };
  let url: URL;
  try {
    url = new URL(endpoint.trim(), base);
  } catch {
    return { problem: 'endpoint-missing' };
  }
  const safe = checkSafeUrl(url.href);
  return safe.ok ? { url: new URL(safe.url).href } : { problem: 'endpoint-insecure' };
}

/** How one endpoint is delivered to; held in memory only (headers may carry an API key). */
export interface EndpointDelivery {
  headers: Record<string, string>;
  timeoutMs: number;
  proofOfWork: { challengeUrl: string } | null;
}

export interface EndpointDeliveryInput {
  headers?: Record<string, string> | undefined;
  timeoutMs?: number | undefined;
  proofOfWork?: { challengeUrl: string } | null | undefined;
}

/** A request must end well before a keepalive budget or a person's patience runs out. */
export const MAX_TIMEOUT_MS = 120_000;

/**
 * Checks delivery options for one endpoint: header names a page may set (not the transport's own,
 * not the browser's forbidden ones), header values without line breaks, a sane timeout, and a
 * challenge URL under the endpoint rule. Returns the options with defaults, or every problem.
 */
export function checkEndpointDelivery(
  input: EndpointDeliveryInput,
  defaults: { timeoutMs: number },
  base?: string,
): { ok: true; delivery: EndpointDelivery } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    const problem = headerProblem(name) ?? headerValueProblem(name, value);
    if (problem) problems.push(`headers: ${problem}`);
    else headers[name] = value;
  }
  const timeoutMs = input.timeoutMs ?? defaults.timeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    problems.push(`timeoutMs: must be a number of milliseconds between 1 and ${MAX_TIMEOUT_MS}`);
  }
  let proofOfWork: EndpointDelivery['proofOfWork'] = null;
  if (input.proofOfWork) {
    const target = checkEndpoint(input.proofOfWork.challengeUrl, base);
    if ('problem' in target) problems.push('proofOfWork.challengeUrl: must be an https:// URL (http:// only for localhost)');
    else proofOfWork = { challengeUrl: target.url };
  }
  return problems.length ? { ok: false, problems } : { ok: true, delivery: { headers, timeoutMs, proofOfWork } };
}

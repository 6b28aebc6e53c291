/** Endpoints must be https, except a developer's own machine. */
export type EndpointProblem = 'endpoint-missing' | 'endpoint-insecure';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Resolves `endpoint` against `base` and returns the absolute URL, or the problem with it. */
export function checkEndpoint(endpoint: string | undefined, base?: string): { url: string } | { problem: EndpointProblem } {
  if (!endpoint || !endpoint.trim()) return { problem: 'endpoint-missing' };
  let url: URL;
  try {
    url = new URL(endpoint.trim(), base);
  } catch {
    return { problem: 'endpoint-missing' };
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password) return { problem: 'endpoint-insecure' };
  return { url: url.href };
}

/** Endpoints must be https, except a developer's own machine; and how each endpoint is delivered to. */
import { checkFields, type FieldMap } from '../delivery/fields.js';
import { PROFILE_NAMES, type ProfileName } from '../delivery/profile.js';
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

/**
 * How one endpoint is delivered to, resolved once and carried whole from the config to the
 * transport; held in memory only (headers may carry an API key).
 */
export interface EndpointDelivery {
  url: string;
  profile: ProfileName;
  headers: Record<string, string>;
  /** Column names for the receiver (core/delivery/fields.ts); null: the response as it is. */
  fields: FieldMap | null;
  /** Hosts a followed redirect may end on (`simple`, `form`), besides the endpoint's own. */
  redirectHosts: string[];
  timeoutMs: number;
  proofOfWork: { challengeUrl: string } | null;
}

export interface EndpointDeliveryInput {
  profile?: ProfileName | undefined;
  headers?: Record<string, string> | undefined;
  fields?: FieldMap | null | undefined;
  redirectHosts?: readonly string[] | undefined;
  timeoutMs?: number | undefined;
  proofOfWork?: { challengeUrl: string } | null | undefined;
}

/** Profiles that must stay a CORS simple request (or no-cors): a custom header would force a preflight, or be dropped. */
export const NO_CUSTOM_HEADERS: ReadonlySet<ProfileName> = new Set(['simple', 'form', 'no-cors']);

/** A host name as `delivery.redirectHosts` takes it: letters, digits, dots and dashes, no scheme, port or path. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** What the profile cannot do with these options (also used by the config checks, with config paths). */
export function profileProblems(input: EndpointDeliveryInput): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const profile = input.profile ?? 'json';
  if (!PROFILE_NAMES.includes(profile)) return [{ path: 'profile', message: `Unknown profile "${String(profile)}" (use one of: ${PROFILE_NAMES.join(', ')})` }];
  const names = Object.keys(input.headers ?? {});
  if (NO_CUSTOM_HEADERS.has(profile) && names.length > 0) {
    problems.push({ path: 'headers', message: `The "${profile}" profile sends no custom headers (they would make the browser ask first, and this kind of receiver does not answer that); remove them` });
  }
  if (profile === 'postgrest' && names.some((name) => name.toLowerCase() === 'prefer')) {
    problems.push({ path: 'headers', message: 'The "postgrest" profile sets Prefer itself (resolution=ignore-duplicates,return=minimal)' });
  }
  if (profile !== 'json' && profile !== 'postgrest' && input.proofOfWork) {
    problems.push({ path: 'proofOfWork', message: `Proof of work needs a header, which the "${profile}" profile cannot send` });
  }
  const hosts: unknown = input.redirectHosts ?? [];
  if (!Array.isArray(hosts)) problems.push({ path: 'redirectHosts', message: 'Must be a list of host names' });
  else hosts.forEach((host: unknown, i) => {
    if (typeof host !== 'string' || !HOST.test(host)) problems.push({ path: `redirectHosts[${i}]`, message: `"${String(host)}" is not a host name (for example "script.googleusercontent.com", without https:// or a path)` });
  });
  return problems;
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
): { ok: true; delivery: Omit<EndpointDelivery, 'url'> } | { ok: false; problems: string[] } {
  const problems: string[] = profileProblems(input).map((p) => `${p.path}: ${p.message}`);
  const fields = input.fields ?? null;
  if (fields) {
    // Without the survey at hand, the fields named and the fixed ones are all that can be checked.
    for (const issue of checkFields(fields, ['id', 'survey.id', 'survey.version', 'submittedAt', 'locale', ...Object.keys(fields)])) {
      problems.push(`${issue.path.replace(/^delivery\./, '')}: ${issue.message}`);
    }
  }
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
  if (problems.length) return { ok: false, problems };
  const redirectHosts = (input.redirectHosts ?? []).map((host) => host.toLowerCase());
  return { ok: true, delivery: { profile: input.profile ?? 'json', headers, fields, redirectHosts, timeoutMs, proofOfWork } };
}

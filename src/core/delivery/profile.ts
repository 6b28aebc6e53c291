/**
 * The contract every delivery profile keeps: how a queued response becomes one HTTP request, and
 * how the answer to it becomes an outcome. A profile is one module (./profiles/<name>.ts), pure: it
 * neither fetches nor reads the clock. The transport (src/transport) sends what `request()` built and
 * reports what came back; the outbox applies what `outcome()` said.
 */
import type { TransportOutcome, Verdict } from '../outbox/classify.js';
import type { BodyLike } from '../outbox/ports.js';

/** Receiver families (README "Receivers"): `json` is the default and today's contract. */
export const PROFILE_NAMES = ['json', 'simple', 'form', 'postgrest', 'no-cors'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Apps Script web apps answer every POST with a 302 to this host, where the script's output waits. */
export const APPS_SCRIPT_ECHO_HOST = 'script.googleusercontent.com';

/** What a profile needs to know about the endpoint (a subset of `EndpointDelivery`). */
export interface ProfileContext {
  url: string;
  headers: Readonly<Record<string, string>>;
  /** Host names a followed redirect may end on (any port); the endpoint's own host always may. */
  redirectHosts: readonly string[];
}

/** One request, ready for the transport. */
export interface ProfileRequest {
  headers: Record<string, string>;
  body: BodyLike;
  mode: 'cors' | 'no-cors';
  /** `manual`: a redirect is an endpoint error; `follow`: the profile judges where it ended. */
  redirect: 'manual' | 'follow';
}

/** How `delivery.fields` shapes the payload for this profile (core/delivery/fields.ts). */
export interface PayloadShape {
  /** `always`: one flat level (form fields); `with-fields`: flat only when `delivery.fields` is set. */
  flatten: 'always' | 'with-fields';
  /** A multiple choice becomes one text cell ("a, b") rather than a list. */
  joinArrays: boolean;
}

export interface DeliveryProfile {
  readonly name: ProfileName;
  readonly shape: PayloadShape;
  /** `payload` is the submission after `fields` (or `transform`): an object, or a string sent as is. */
  request(payload: unknown, id: string, context: ProfileContext): ProfileRequest;
  /** What the answer means; null: the standard reading (core/outbox/classify.ts), which the caller applies. */
  outcome(answer: TransportOutcome, context: ProfileContext): Verdict | null;
}

/** JSON text of a payload; a string is already the body. */
export function jsonText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  const text = JSON.stringify(payload);
  if (typeof text !== 'string') throw new TypeError('the body is not JSON');
  return text;
}

/**
 * After a followed redirect: where the answer came from, when that is not a host the config allows
 * (null when it is allowed, or there was no redirect). Hosts are compared without port and case.
 */
export function disallowedRedirect(answer: TransportOutcome, context: ProfileContext, builtIn: readonly string[] = []): string | null {
  if (!answer.redirectedTo) return null;
  let host: string;
  try {
    host = new URL(answer.redirectedTo).hostname.toLowerCase();
  } catch {
    return answer.redirectedTo;
  }
  const own = new URL(context.url).hostname.toLowerCase();
  const allowed = new Set([own, ...builtIn, ...context.redirectHosts.map((h) => h.toLowerCase())]);
  return allowed.has(host) ? null : host;
}

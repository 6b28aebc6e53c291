/**
 * The one place a survey's delivery is decided: where its responses go and how, from the element's
 * `endpoint` attribute and the config, resolved once into one `EndpointDelivery` that is carried
 * whole to the outbox and the transport.
 */
import type { SurveyConfig } from '../config/schema.js';
import type { EndpointDelivery } from '../outbox/endpoint.js';
import { checkSafeUrl, type SafeUrlResult } from '../urls.js';

/**
 * Where a survey's responses go: the element's `endpoint` attribute (a relative URL resolves against
 * the page), else the config's. Checked like every config URL, so a bad attribute shows up as a setup
 * problem when the survey loads, not as a failed submit after someone has answered.
 */
export function resolveEndpoint(attribute: string | null, config: SurveyConfig, baseUri: string): SafeUrlResult {
  const raw = attribute?.trim() || config.endpoint;
  if (!raw) return { ok: false, message: 'No endpoint to send responses to: set the endpoint attribute or "endpoint" in the config.' };
  let absolute = raw;
  try {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) absolute = new URL(raw, baseUri).href;
  } catch {
    /* left as is: checkSafeUrl explains what is wrong */
  }
  return checkSafeUrl(absolute);
}

export type SurveyDelivery = { ok: true; delivery: EndpointDelivery } | { ok: false; message: string };

/**
 * The survey's delivery (endpoint, profile, headers, fields, redirect hosts, timeout, proof of
 * work), or why there is none. The options are passed as the config gives them: they were checked
 * with the config (config/checks.ts), and are checked again, with relative URLs resolved, where they
 * are used (the outbox's `configureEndpoint`). Before validation has loaded, a config's quick read can
 * hold anything here; the outbox refuses it then, and this stays small for the first screen.
 */
export function surveyDelivery(attribute: string | null, config: SurveyConfig, baseUri: string): SurveyDelivery {
  const target = resolveEndpoint(attribute, config, baseUri);
  if (!target.ok) return target;
  const { profile, headers, fields, redirectHosts, timeoutMs, proofOfWork } = config.delivery;
  return {
    ok: true,
    delivery: {
      url: new URL(target.url).href,
      profile: profile ?? 'json',
      headers: headers ?? {},
      fields: fields ?? null,
      redirectHosts: redirectHosts ?? [],
      timeoutMs,
      proofOfWork: proofOfWork ?? null,
    },
  };
}

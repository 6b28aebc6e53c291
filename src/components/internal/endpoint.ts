import type { SurveyConfig } from '../../core/config/schema.js';
import { checkSafeUrl, type SafeUrlResult } from '../../core/urls.js';

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

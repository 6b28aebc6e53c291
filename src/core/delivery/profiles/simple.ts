/**
 * `simple`: a CORS "simple request" (POST, text/plain body holding the JSON, no custom header), so
 * the browser sends no preflight: for Google Apps Script web apps, which answer no OPTIONS request.
 * The id travels in the body only; the receiver dedupes by it (docs/recipes/apps-script).
 *
 * Redirects are followed: Apps Script runs `doPost`, then answers 302 to
 * script.googleusercontent.com, where the script's output is served once (built in as allowed).
 * A redirect that ends on a host the config does not allow means the receiver had the response
 * but we cannot tell whether it kept it: sent, unverified, never sent again by itself.
 */
import { APPS_SCRIPT_ECHO_HOST, disallowedRedirect, jsonText, type DeliveryProfile } from '../profile.js';

export const simpleProfile: DeliveryProfile = {
  name: 'simple',
  shape: { flatten: 'with-fields', joinArrays: true },
  request: (payload) => ({ headers: {}, body: { text: jsonText(payload), contentType: 'text/plain;charset=UTF-8' }, mode: 'cors', redirect: 'follow' }),
  outcome(answer, context) {
    const elsewhere = disallowedRedirect(answer, context, [APPS_SCRIPT_ECHO_HOST]);
    if (elsewhere !== null && answer.status !== null) return { kind: 'unverified', status: answer.status, redirectedTo: elsewhere };
    return null;
  },
};

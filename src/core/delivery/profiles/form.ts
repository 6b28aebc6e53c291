/**
 * `form`: `application/x-www-form-urlencoded` fields and `Accept: application/json` (both CORS
 * safelisted, so no preflight), for form backends (Formspree, Getform, Basin…), whose CORS answers
 * allow only a fixed list of headers. Answers are flattened to one field each, lists joined.
 * A 200 JSON answer is delivered; so is a 302 to the backend's own thank-you page (followed). A
 * redirect to another host is handled as `simple` handles it: sent, unverified.
 */
import { disallowedRedirect, type DeliveryProfile } from '../profile.js';

export const formProfile: DeliveryProfile = {
  name: 'form',
  shape: { flatten: 'always', joinArrays: true },
  request(payload) {
    const text = typeof payload === 'string' ? payload : encodeForm(payload);
    return { headers: { Accept: 'application/json' }, body: { text, contentType: 'application/x-www-form-urlencoded' }, mode: 'cors', redirect: 'follow' };
  },
  outcome(answer, context) {
    const elsewhere = disallowedRedirect(answer, context);
    if (elsewhere !== null && answer.status !== null) return { kind: 'unverified', status: answer.status, redirectedTo: elsewhere };
    return null;
  },
};

function encodeForm(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) throw new TypeError('the form body needs fields');
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form.toString();
}

/**
 * `no-cors`: `mode: "no-cors"` for catch hooks that send no CORS headers at all (Zapier, Make,
 * n8n, Power Automate). The browser sends a simple request (text/plain JSON, no custom header) and
 * hides the answer: an opaque answer is "sent, unverified" and never sent again (the hook may well
 * have run); a network error means nothing arrived, so it is retried. The id is in the body: a
 * hook that cannot dedupe by it is at-least-once.
 */
import { jsonText, type DeliveryProfile } from '../profile.js';

export const noCorsProfile: DeliveryProfile = {
  name: 'no-cors',
  shape: { flatten: 'with-fields', joinArrays: true },
  request: (payload) => ({ headers: {}, body: { text: jsonText(payload), contentType: 'text/plain;charset=UTF-8' }, mode: 'no-cors', redirect: 'follow' }),
  outcome: (answer) => (answer.opaque && !answer.failure ? { kind: 'unverified', status: null, redirectedTo: null } : null),
};

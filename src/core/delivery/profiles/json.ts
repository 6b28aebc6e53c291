/**
 * `json`, the default and the receiver contract of the README: a JSON body with the response id as
 * `Idempotency-Key` (so the browser preflights), never following a redirect (a followed 302 turns
 * the POST into a body-less GET); 2xx and 409 are delivered. For the collector and your own server.
 */
import { jsonText, type DeliveryProfile } from '../profile.js';

export const jsonProfile: DeliveryProfile = {
  name: 'json',
  shape: { flatten: 'with-fields', joinArrays: false },
  request(payload, id, context) {
    // `transform` may return a string: sent as is, as text/plain (an endpoint that takes simple bodies).
    const contentType = typeof payload === 'string' ? 'text/plain;charset=UTF-8' : 'application/json';
    return { headers: { ...context.headers, 'Idempotency-Key': id }, body: { text: jsonText(payload), contentType }, mode: 'cors', redirect: 'manual' };
  },
  // The standard reading (core/outbox/classify.ts): 2xx/409 delivered, a redirect an endpoint error.
  outcome: () => null,
};

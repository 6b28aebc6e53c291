/**
 * The last chance as a page goes away: one `keepalive` request per response it submitted (no
 * sendBeacon: it always sends cookies), each built by its own endpoint's profile. If the page
 * survives (back/forward cache), the normal flush settles the record; the receiver dedupes.
 */
import type { Transport } from '../core/outbox/ports.js';
import type { OutboxRecord } from '../core/outbox/record.js';
import { buildRequest, type AttemptDeps } from './delivery.js';
import type { EndpointRegistry } from './endpoints.js';
import { loadedProfile } from './profiles.js';

export function sendOnPageHide(records: OutboxRecord[], endpoints: EndpointRegistry, deps: Pick<AttemptDeps, 'payloadFor'>, transport: Transport) {
  for (const record of records) {
    const delivery = endpoints.delivery(record.endpoint);
    // A proof of work cannot be solved while the page unloads, nor a chunk loaded; the next visit delivers it.
    const profile = loadedProfile(delivery.profile);
    if (delivery.proofOfWork || !profile) continue;
    const request = buildRequest(record, delivery, profile, deps);
    if ('failed' in request) continue;
    void transport({ endpoint: record.endpoint, ...request, timeoutMs: delivery.timeoutMs, keepalive: true });
  }
}

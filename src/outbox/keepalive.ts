/**
 * The last chance as a page goes away: one `keepalive` request per response it submitted (no
 * sendBeacon: it always sends cookies), each with its own endpoint's headers. If the page survives
 * (back/forward cache), the normal flush settles the record; the receiver dedupes.
 */
import type { BodyLike, Transport } from '../core/outbox/ports.js';
import type { OutboxRecord, OutboxSubmission } from '../core/outbox/record.js';
import type { EndpointRegistry } from './endpoints.js';

export function sendOnPageHide(records: OutboxRecord[], endpoints: EndpointRegistry, bodyFor: (submission: OutboxSubmission) => BodyLike, transport: Transport) {
  for (const record of records) {
    const delivery = endpoints.delivery(record.endpoint);
    // A proof of work cannot be solved while the page unloads; the next visit delivers it.
    if (delivery.proofOfWork) continue;
    let body;
    try {
      body = bodyFor(record.submission);
    } catch {
      continue;
    }
    void transport({ endpoint: record.endpoint, id: record.id, body, headers: delivery.headers, timeoutMs: delivery.timeoutMs, keepalive: true });
  }
}

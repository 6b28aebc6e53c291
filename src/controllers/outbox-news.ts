import { SurveyDeliveredEvent } from '../events/survey-delivered.js';
import { SurveyRejectedEvent } from '../events/survey-rejected.js';
import { SurveyStorageWarningEvent } from '../events/survey-storage-warning.js';
import type { OutboxEvent } from '../outbox/index.js';
import type { DeliveryStatus } from './delivery-controller.js';

/** What an element makes of one piece of the outbox's news: the event to fire, and the status line's new state. */
export interface OutboxNews {
  event: Event;
  /** An outcome of a response this element submitted (fired after its `survey-queued`). */
  outcome: boolean;
  status?: DeliveryStatus;
}

/**
 * The outbox's news as element events (DeliveryController listens). In the respond chunk: there is
 * news only once an outbox has loaded. `mine`: this element submitted the response; `last`: its latest.
 */
export function outboxNews(event: OutboxEvent, mine: boolean, last: boolean): OutboxNews | undefined {
  switch (event.type) {
    case 'delivered':
      if (!mine) return undefined;
      return {
        event: new SurveyDeliveredEvent({ id: event.id, status: event.status, verified: event.verified }),
        outcome: true,
        status: last ? (event.verified ? 'sent' : 'sent-unverified') : undefined,
      };
    case 'rejected':
      if (!mine) return undefined;
      // Refused for good: it will not be sent by itself, so the line must stop saying it will.
      return { event: new SurveyRejectedEvent({ id: event.id, status: event.status, reason: event.reason }), outcome: true, status: last ? 'not-accepted' : undefined };
    case 'storage-warning':
      return { event: new SurveyStorageWarningEvent({ code: event.code, message: event.message }), outcome: false };
    case 'stale':
      return {
        event: new SurveyStorageWarningEvent({
          code: 'pending-too-long',
          message: `A response has waited since ${new Date(event.oldestPendingAt).toISOString()}; check the endpoint.`,
        }),
        outcome: false,
      };
  }
  return undefined;
}

import { SurveyEvent } from './survey-event.js';

/**
 * A response this element submitted was sent. `verified`: true when the endpoint's answer was read
 * (2xx/409); false when it could not be (a `no-cors` hook's opaque answer, `status` 0) or came from a
 * redirect to a host the config does not allow: sent, but not known to be stored.
 */
export class SurveyDeliveredEvent extends SurveyEvent<{ id: string; status: number; verified: boolean }> {
  constructor(detail: { id: string; status: number; verified: boolean }) {
    super('survey-delivered', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-delivered': SurveyDeliveredEvent;
  }
}

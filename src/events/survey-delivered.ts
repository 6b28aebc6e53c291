import { SurveyEvent } from './survey-event.js';

/** The endpoint acknowledged a response this element submitted. */
export class SurveyDeliveredEvent extends SurveyEvent<{ id: string; status: number }> {
  constructor(detail: { id: string; status: number }) {
    super('survey-delivered', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-delivered': SurveyDeliveredEvent;
  }
}

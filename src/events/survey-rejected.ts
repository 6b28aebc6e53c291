import { SurveyEvent } from './survey-event.js';

/** The endpoint refused a response for good (400/413/415/422); it is kept in the rejected store for staff. */
export class SurveyRejectedEvent extends SurveyEvent<{ id: string; status: number; reason: string }> {
  constructor(detail: { id: string; status: number; reason: string }) {
    super('survey-rejected', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-rejected': SurveyRejectedEvent;
  }
}

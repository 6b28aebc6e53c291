import type { OutboxStatus } from '../outbox/index.js';
import { SurveyEvent } from './survey-event.js';

/** The shared queue changed: pending and rejected counts, last delivery, endpoint errors. */
export class SurveyStatusEvent extends SurveyEvent<{ status: OutboxStatus }> {
  constructor(detail: { status: OutboxStatus }) {
    super('survey-status', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-status': SurveyStatusEvent;
  }
}

import type { Submission } from '../core/submission-schema.js';
import { SurveyEvent } from './survey-event.js';

/** Before a response is queued. Cancel it (`preventDefault()`) to handle the submission yourself. */
export class SurveySubmitEvent extends SurveyEvent<{ submission: Submission }> {
  constructor(detail: { submission: Submission }) {
    super('survey-submit', detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-submit': SurveySubmitEvent;
  }
}

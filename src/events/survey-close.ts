import { SurveyEvent } from './survey-event.js';

/** Why a dialog or slide-in survey closed. */
export type SurveyCloseReason = 'close-button' | 'escape' | 'dont-ask-again' | 'api' | 'mode-change';

/** A dialog or slide-in survey closed; the answers given so far are kept (in memory only). */
export class SurveyCloseEvent extends SurveyEvent<{ reason: SurveyCloseReason }> {
  constructor(detail: { reason: SurveyCloseReason }) {
    super('survey-close', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-close': SurveyCloseEvent;
  }
}

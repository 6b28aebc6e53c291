import { SurveyEvent } from './survey-event.js';

/** Why the answers were cleared. */
export type SurveyResetReason = 'reset' | 'idle' | 'after-submit' | 'quick-exit';

/** All answers were cleared: by `reset()`, the kiosk idle timeout, the kiosk after a response, or quick exit. */
export class SurveyResetEvent extends SurveyEvent<{ reason: SurveyResetReason }> {
  constructor(detail: { reason: SurveyResetReason }) {
    super('survey-reset', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-reset': SurveyResetEvent;
  }
}

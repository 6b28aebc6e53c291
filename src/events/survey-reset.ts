import { SurveyEvent } from './survey-event.js';

/** All answers were cleared: by `reset()`, the kiosk idle timeout, the kiosk after a response, or quick exit. */
export class SurveyResetEvent extends SurveyEvent<{ reason: 'reset' | 'idle' | 'after-submit' | 'quick-exit' }> {
  constructor(detail: { reason: 'reset' | 'idle' | 'after-submit' | 'quick-exit' }) {
    super('survey-reset', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-reset': SurveyResetEvent;
  }
}

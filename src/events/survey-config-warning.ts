import { SurveyEvent } from './survey-event.js';

/** The survey works, but something in its setup was adjusted (a brand colour too faint to read). */
export class SurveyConfigWarningEvent extends SurveyEvent<{ issues: ReadonlyArray<{ path: string; message: string }> }> {
  constructor(detail: { issues: ReadonlyArray<{ path: string; message: string }> }) {
    super('survey-config-warning', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-config-warning': SurveyConfigWarningEvent;
  }
}

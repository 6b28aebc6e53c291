import { SurveyEvent } from './survey-event.js';

/** The configuration could not be used; `issues` lists every problem with its path. */
export class SurveyConfigErrorEvent extends SurveyEvent<{ issues: ReadonlyArray<{ path: string; message: string }> }> {
  constructor(detail: { issues: ReadonlyArray<{ path: string; message: string }> }) {
    super('survey-config-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-config-error': SurveyConfigErrorEvent;
  }
}

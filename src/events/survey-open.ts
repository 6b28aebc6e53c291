import { SurveyEvent } from './survey-event.js';

/** A dialog or slide-in survey opened (by `open()`, a launcher, or an opt-in trigger). */
export class SurveyOpenEvent extends SurveyEvent<Record<string, never>> {
  constructor() {
    super('survey-open', {});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-open': SurveyOpenEvent;
  }
}

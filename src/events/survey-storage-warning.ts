import { SurveyEvent } from './survey-event.js';

/** Responses cannot be kept on this device (IndexedDB unavailable) or have waited too long; delivery still works while the page is open. */
export class SurveyStorageWarningEvent extends SurveyEvent<{ code: string; message: string }> {
  constructor(detail: { code: string; message: string }) {
    super('survey-storage-warning', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-storage-warning': SurveyStorageWarningEvent;
  }
}

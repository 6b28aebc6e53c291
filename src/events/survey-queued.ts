import { SurveyEvent } from './survey-event.js';

/** A response is stored on this device (or only in memory when storage is unavailable) and waiting to be sent. */
export class SurveyQueuedEvent extends SurveyEvent<{ id: string; pending: number; storage: 'indexeddb' | 'memory' }> {
  constructor(detail: { id: string; pending: number; storage: 'indexeddb' | 'memory' }) {
    super('survey-queued', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'survey-queued': SurveyQueuedEvent;
  }
}

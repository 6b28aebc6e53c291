/**
 * Everything storing a response needs and the first question does not: full validation, the
 * payload builder, the survey's delivery (where and how), the outbox with IndexedDB, what its news
 * means to the element, and the free-text guard. The only module that loads them on demand, so the
 * warm-up loads them with one request for this chunk, plus the validation chunk it imports (a file of
 * its own because <survey-editor> uses validation too); a retry after a failed load fetches this file
 * again at a fresh URL (a failed import is kept by the browser for the page's life).
 */
export { FreeTextGuard } from '../components/internal/free-text-notice.js';
export { parseChoiceOptionsJson, safeParseSurveyConfig, safeParseSurveyConfigJson } from '../core/config/parse.js';
export { surveyDelivery } from '../core/delivery/resolve.js';
export { buildSubmission } from '../core/payload.js';
export { getSharedOutbox } from '../outbox/index.js';
export { outboxNews } from './outbox-news.js';

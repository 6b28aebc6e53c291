/**
 * Everything storing a response needs and the first question does not: full validation, the
 * payload builder, the survey's delivery (where and how), the outbox with IndexedDB and what its news
 * means to the element. The only module that loads them on demand, so the
 * one-file build makes it one chunk that imports nothing lazily, and the warm-up loads it with one request and a retry after a failed load fetches one file again
 * (a failed import is kept by the browser for the page's life, with every file it was importing).
 * The free-text guard's notice comes along: its detector is the payload builder's, and it is needed
 * only once someone types.
 */
export { FreeTextGuard } from '../components/internal/free-text-notice.js';
export { parseChoiceOptionsJson, safeParseSurveyConfig, safeParseSurveyConfigJson } from '../core/config/parse.js';
export { surveyDelivery } from '../core/delivery/resolve.js';
export { buildSubmission } from '../core/payload.js';
export { getSharedOutbox } from '../outbox/index.js';
export { outboxNews } from './outbox-news.js';

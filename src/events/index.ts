export { SurveySubmitEvent } from './survey-submit.js';
export { SurveyQueuedEvent } from './survey-queued.js';
export { SurveyDeliveredEvent } from './survey-delivered.js';
export { SurveyRejectedEvent } from './survey-rejected.js';
export { SurveyConfigErrorEvent } from './survey-config-error.js';
export { SurveyResetEvent } from './survey-reset.js';
export { SurveyStorageWarningEvent } from './survey-storage-warning.js';
export { SurveyStatusEvent } from './survey-status.js';

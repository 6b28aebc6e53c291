// Only the survey: its on-demand parts (validation, the outbox, kiosk mode) stay on demand in tests too.
import '../../src/components/encounter-survey/encounter-survey.define.js';

// The driver without the definition is for a test that loads the element from elsewhere (unavailable-parts).
export * from './survey-driver.js';

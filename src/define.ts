// Registers every element. The one-file build (dist/cdn/encounter-survey.js) is this module bundled.
import './components/encounter-survey/encounter-survey.define.js';
import './components/support-type-selector/support-type-selector.define.js';
import './components/survey-summary/survey-summary.define.js';
import './components/survey-launcher/survey-launcher.define.js';

export * from './index.js';

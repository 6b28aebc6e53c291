// The one-file build's entry: dist/cdn/encounter-survey.js, for a <script type="module"> tag.
// <encounter-survey> registers at once. The other elements, and everything a survey needs only
// later (validation, the outbox, kiosk mode, other languages, presets), are chunks next to this
// file, resolved from its own URL, that load when first used.
import './components/encounter-survey/encounter-survey.define.js';
import { autoload } from './autoload.js';

autoload({
  'support-type-selector': () => import('./components/support-type-selector/support-type-selector.define.js'),
  'survey-summary': () => import('./components/survey-summary/survey-summary.define.js'),
  'survey-launcher': () => import('./components/survey-launcher/survey-launcher.define.js'),
  // The collector's staff dashboard (its /dashboard page loads this file); never on a respondent's page.
  'survey-dashboard': () => import('./dashboard/survey-dashboard.define.js'),
  // The survey editor, for the people who write surveys; never on a respondent's page.
  'survey-editor': () => import('./components/survey-editor/survey-editor.define.js'),
});

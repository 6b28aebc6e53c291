import { SurveyLauncher } from './survey-launcher.js';

// Tolerates being loaded twice (a CMS or tag manager will do that), and defines nothing where there
// is no registry (a server or a worker importing the package).
if (typeof customElements !== 'undefined' && !customElements.get('survey-launcher')) customElements.define('survey-launcher', SurveyLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'survey-launcher': SurveyLauncher;
  }
}

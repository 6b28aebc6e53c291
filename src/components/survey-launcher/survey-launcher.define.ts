import { SurveyLauncher } from './survey-launcher.js';

// Tolerates being loaded twice (a CMS or tag manager will do that).
if (!customElements.get('survey-launcher')) customElements.define('survey-launcher', SurveyLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'survey-launcher': SurveyLauncher;
  }
}

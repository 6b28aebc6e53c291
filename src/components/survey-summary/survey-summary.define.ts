import { SurveySummary } from './survey-summary.js';

// Tolerates being loaded twice (a CMS or tag manager will do that).
if (!customElements.get('survey-summary')) customElements.define('survey-summary', SurveySummary);

declare global {
  interface HTMLElementTagNameMap {
    'survey-summary': SurveySummary;
  }
}

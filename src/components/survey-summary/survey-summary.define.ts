import { SurveySummary } from './survey-summary.js';

// Tolerates being loaded twice (a CMS or tag manager will do that), and defines nothing where there
// is no registry (a server or a worker importing the package).
if (typeof customElements !== 'undefined' && !customElements.get('survey-summary')) customElements.define('survey-summary', SurveySummary);

declare global {
  interface HTMLElementTagNameMap {
    'survey-summary': SurveySummary;
  }
}

import { SurveyDashboard } from './survey-dashboard.js';

// Tolerates being loaded twice, like every element here.
if (typeof customElements !== 'undefined' && !customElements.get('survey-dashboard')) customElements.define('survey-dashboard', SurveyDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'survey-dashboard': SurveyDashboard;
  }
}

import { SurveyForwarding } from './forwarding-panel.js';

// Tolerates being loaded twice, like every element here.
if (typeof customElements !== 'undefined' && !customElements.get('survey-forwarding')) customElements.define('survey-forwarding', SurveyForwarding);

declare global {
  interface HTMLElementTagNameMap {
    'survey-forwarding': SurveyForwarding;
  }
}

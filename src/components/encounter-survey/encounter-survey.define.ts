import { EncounterSurvey } from './encounter-survey.js';

// Tolerates being loaded twice (a CMS or tag manager will do that), and defines nothing where there
// is no registry (a server or a worker importing the package).
if (typeof customElements !== 'undefined' && !customElements.get('encounter-survey')) customElements.define('encounter-survey', EncounterSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'encounter-survey': EncounterSurvey;
  }
}

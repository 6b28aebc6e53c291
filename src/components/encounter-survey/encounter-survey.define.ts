import { EncounterSurvey } from './encounter-survey.js';

// Tolerates being loaded twice (a CMS or tag manager will do that).
if (!customElements.get('encounter-survey')) customElements.define('encounter-survey', EncounterSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'encounter-survey': EncounterSurvey;
  }
}

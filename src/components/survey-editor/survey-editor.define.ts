import { SurveyEditor } from './survey-editor.js';

// Tolerates being loaded twice (a CMS or tag manager will do that), and defines nothing where there
// is no registry (a server or a worker importing the package).
if (typeof customElements !== 'undefined' && !customElements.get('survey-editor')) customElements.define('survey-editor', SurveyEditor);

declare global {
  interface HTMLElementTagNameMap {
    'survey-editor': SurveyEditor;
  }
}

// Every entry of the package, used as an app would, with the library's own .d.ts checked too
// (skipLibCheck: false). Compiled under the oldest supported TypeScript 5.x, 5.9, 6 and 7.
import { createOutbox, parseSurveyConfig, type SurveyConfigInput, SurveySubmitEvent } from 'encounter-survey';
import { parseSurveyConfig as parseInCore } from 'encounter-survey/core';
import 'encounter-survey/define';
import 'encounter-survey/encounter-survey/define';
import 'encounter-survey/support-type-selector/define';
import 'encounter-survey/survey-summary/define';
import 'encounter-survey/encounter-survey.js';

const config: SurveyConfigInput = {
  id: 'typed',
  version: 1,
  title: 'Typed',
  questions: [{ id: 'heard', type: 'single', label: 'Did you feel heard?', options: [{ value: 'yes', label: 'Yes' }] }],
};
parseSurveyConfig(config);
parseInCore(config);

const survey = document.createElement('encounter-survey');
survey.config = config;
survey.config = JSON.stringify(config);
survey.mode = 'kiosk';
survey.outbox = createOutbox({ endpoint: 'https://example.org/responses' });
survey.addEventListener('survey-submit', (event) => {
  const submitted: SurveySubmitEvent = event;
  submitted.detail.submission.answers;
});
survey.addEventListener('survey-delivered', (event) => event.detail.id.toUpperCase());
survey.addEventListener('survey-config-error', (event) => event.detail.issues.map((issue) => issue.path));

const selector = document.createElement('support-type-selector');
selector.value = ['emotional'];
selector.options = [{ value: 'peer', label: 'Peer support' }];
const summary = document.createElement('survey-summary');
summary.labels = { yes: 'Yes' };

/** @jsxImportSource preact */
// Preact's JSX, typed by encounter-survey/types/preact.
import type {} from 'encounter-survey/types/preact';
import type { SurveyConfigInput } from 'encounter-survey';

const config: SurveyConfigInput = { id: 'preact', version: '1', title: 'Preact', questions: [{ id: 'comment', type: 'text', label: 'Anything else?' }] };

export const Feedback = () => (
  <div>
    <encounter-survey config={config} endpoint="/api/responses" onsurvey-submit={(event) => console.log(event.detail.submission.id)} />
    <support-type-selector name="support" allow-other />
  </div>
);

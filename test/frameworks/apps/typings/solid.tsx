/** @jsxImportSource solid-js */
// Solid's JSX, typed by encounter-survey/types/solid.
import type {} from 'encounter-survey/types/solid';
import type { SurveyConfigInput } from 'encounter-survey';

const config: SurveyConfigInput = { id: 'solid', version: '1', title: 'Solid', questions: [{ id: 'comment', type: 'text', label: 'Anything else?' }] };

export const Feedback = () => (
  <div>
    <encounter-survey prop:config={config} endpoint="/api/responses" on:survey-submit={(event) => console.log(event.detail.submission.id)} />
    <support-type-selector name="support" allow-other />
  </div>
);

// The survey every app shows: a question to answer before and after the app renames the survey.
import type { SurveyConfigInput } from 'encounter-survey';

export const surveyConfig: SurveyConfigInput = {
  id: 'framework-app',
  version: '1',
  title: 'Framework app survey',
  questions: [
    {
      id: 'heard',
      type: 'single',
      label: 'Did you feel heard?',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    },
    { id: 'comment', type: 'text', label: 'Anything else?' },
  ],
};

/** Same questions, new title: answers given so far must stay. */
export const renamedTitle = 'Renamed by the app';

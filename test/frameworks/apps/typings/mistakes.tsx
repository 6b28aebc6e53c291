// Each line marked "mistake" must fail to compile, on every TypeScript version; no other line may.
import { EncounterSurvey, SupportTypeSelector } from 'encounter-survey/react';
import type {} from 'encounter-survey/types/react';
import { surveyConfig } from '../shared/survey';

const survey = document.createElement('encounter-survey');
survey.config = 42; // mistake: a config is an object or JSON text
survey.addEventListener('survey-delivered', (event) => event.detail.submission); // mistake: delivered carries { id, status, verified }

export const Wrapped = () => (
  <>
    <EncounterSurvey confg={surveyConfig} /> {/* mistake: misspelt property */}
    <EncounterSurvey mode="popup" /> {/* mistake: no such mode */}
    <EncounterSurvey onSurveySubmit={(event: MouseEvent) => event.button} /> {/* mistake: the handler expects a MouseEvent */}
    <EncounterSurvey onSurveyQueued={(event) => event.detail.nope} /> {/* mistake: no such detail */}
    <SupportTypeSelector min="one" /> {/* mistake: min is a number */}
  </>
);

export const Native = () => (
  <>
    <encounter-survey confg={surveyConfig} /> {/* mistake: misspelt property */}
    <encounter-survey config={42} /> {/* mistake: a config is an object or JSON text */}
    <encounter-survey onsurvey-submit={(event: MouseEvent) => event.button} /> {/* mistake: the handler expects a MouseEvent */}
    <support-type-selector allow-other="yes" /> {/* mistake: allow-other is a boolean */}
  </>
);

// encounter-survey/react: components made with @lit/react.
import { EncounterSurvey, SupportTypeSelector, SurveySummary, type EncounterSurveyProps } from 'encounter-survey/react';
import type { EncounterSurvey as EncounterSurveyElement, SurveyConfigInput } from 'encounter-survey';
import { useRef, type ComponentProps } from 'react';

const config: SurveyConfigInput = { id: 'wrapped', version: '1', title: 'Wrapped', questions: [{ id: 'comment', type: 'text', label: 'Anything else?' }] };
const props: EncounterSurveyProps = { config, endpoint: '/api/responses' };

export function Feedback() {
  const ref = useRef<EncounterSurveyElement>(null);
  const selectorProps: ComponentProps<typeof SupportTypeSelector> = { name: 'support', allowOther: true };
  return (
    <>
      <EncounterSurvey
        ref={ref}
        {...props}
        config={JSON.stringify(config)}
        className="survey"
        onSurveySubmit={(event) => console.log(event.detail.submission.answers)}
        onSurveyQueued={(event) => console.log(event.detail.pending)}
        onSurveyRejected={(event) => console.log(event.detail.reason)}
      />
      <SupportTypeSelector {...selectorProps} required onChange={(event) => console.log(event.type)} />
      <SurveySummary summary={null} showTable caption="Support received" />
    </>
  );
}

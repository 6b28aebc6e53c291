// Rendered on the server and hydrated in the browser, with encounter-survey/react's components.
import { useState } from 'react';
import { EncounterSurvey, SupportTypeSelector } from 'encounter-survey/react';
import type { SurveyConfigInput, SurveyDeliveredEvent, SurveySubmitEvent } from 'encounter-survey';
import { renamedTitle, surveyConfig } from '../../shared/survey';

export function App() {
  const [config, setConfig] = useState<SurveyConfigInput>(surveyConfig);
  const [submitted, setSubmitted] = useState<string[]>([]);
  const [delivered, setDelivered] = useState<string[]>([]);
  const [support, setSupport] = useState<string[] | null>(null);

  const onSubmit = (event: SurveySubmitEvent) => setSubmitted((ids) => [...ids, event.detail.submission.id]);
  const onDelivered = (event: SurveyDeliveredEvent) => setDelivered((ids) => [...ids, event.detail.id]);

  return (
    <main>
      <EncounterSurvey config={config} endpoint="/responses" onSurveySubmit={onSubmit} onSurveyDelivered={onDelivered} />
      <button type="button" onClick={() => setConfig({ ...config, title: renamedTitle })}>
        Rename survey
      </button>
      <p>Submitted: {submitted.join(', ') || 'none'}</p>
      <p>Delivered: {delivered.join(', ') || 'none'}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSupport(new FormData(event.currentTarget).getAll('support').map(String));
        }}
      >
        <SupportTypeSelector name="support" allowOther />
        <button>Save support</button>
      </form>
      <p>Support: {support ? support.join(', ') : 'not saved'}</p>
    </main>
  );
}

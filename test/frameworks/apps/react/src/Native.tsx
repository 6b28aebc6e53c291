// React 19's own custom-element support (no wrapper), typed by encounter-survey/types/react.
import type {} from 'encounter-survey/types/react';
import 'encounter-survey/define';
import { useState } from 'react';
import type { SurveyConfigInput } from 'encounter-survey';
import { renamedTitle, surveyConfig } from '../../shared/survey';

export function Native() {
  const [config, setConfig] = useState<SurveyConfigInput>(surveyConfig);
  const [submitted, setSubmitted] = useState<string[]>([]);
  return (
    <main>
      <encounter-survey
        config={config}
        endpoint="/responses"
        onsurvey-submit={(event) => setSubmitted((ids) => [...ids, event.detail.submission.id])}
      />
      <button type="button" onClick={() => setConfig({ ...config, title: renamedTitle })}>
        Rename survey
      </button>
      <p>Submitted: {submitted.join(', ') || 'none'}</p>
    </main>
  );
}

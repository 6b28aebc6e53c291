// React 19's own custom-element support, typed by encounter-survey/types/react.
import type {} from 'encounter-survey/types/react';
import type { SurveyConfigInput } from 'encounter-survey';
import 'encounter-survey/define';
import { useRef } from 'react';

const config: SurveyConfigInput = { id: 'jsx', version: '1', title: 'JSX', questions: [{ id: 'comment', type: 'text', label: 'Anything else?' }] };

export function Feedback() {
  const ref = useRef<HTMLElementTagNameMap['encounter-survey']>(null);
  return (
    <form>
      <encounter-survey
        ref={ref}
        config={config}
        endpoint="/api/responses"
        mode="inline"
        lang="es"
        className="survey"
        onsurvey-submit={(event) => console.log(event.detail.submission.id)}
        onsurvey-delivered={(event) => console.log(event.detail.status, event.currentTarget.config)}
      />
      <support-type-selector name="support" required allow-other descriptions min={1} onChange={() => undefined} />
      <survey-summary src="/summary?survey=jsx" show-table labels={{ yes: 'Yes' }} />
    </form>
  );
}

import { expect } from '@open-wc/testing';
import type { EncounterSurvey } from '../../src/components/encounter-survey/encounter-survey.js';
import { createTestCollector } from '../support/collector.js';
import { SurveyHarness, waitUntil } from '../support/survey-harness.js';

interface CspWindow extends Window {
  cspViolations: string[];
  surveyReady?: boolean;
}

describe('strict Content-Security-Policy', () => {
  it('renders and submits with zero CSP or Trusted Types violations', async () => {
    const collector = await createTestCollector();
    const frame = document.createElement('iframe');
    frame.src = `/test/security/csp/page.html?endpoint=${encodeURIComponent(collector.endpoint)}`;
    frame.style.cssText = 'width: 800px; height: 900px';
    document.body.append(frame);
    await waitUntil(() => (frame.contentWindow as CspWindow | null)?.surveyReady === true, 15_000, 'the CSP page');
    const win = frame.contentWindow as CspWindow;
    const survey = new SurveyHarness(win.document.getElementById('survey') as EncounterSurvey);
    await waitUntil(() => survey.root?.querySelector('[data-question]') != null, 10_000, 'the survey to render');
    await survey.choose(survey.visibleQuestionIds()[0]!, 'emotional');
    for (const id of survey.visibleQuestionIds()) {
      const radio = survey.question(id)!.querySelector<HTMLInputElement>('input[type="radio"]');
      if (radio) {
        radio.click();
        await survey.settle();
      }
    }
    await survey.submit();
    await collector.waitFor((state) => state.records.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.cspViolations, win.cspViolations.join('\n')).to.deep.equal([]);
    // The policy really was in force on that page: eval is refused there.
    expect(() => (win as unknown as { eval: (code: string) => unknown }).eval('1')).to.throw();
    frame.remove();
  });
});

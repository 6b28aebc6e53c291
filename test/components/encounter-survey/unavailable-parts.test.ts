import { expect } from '@open-wc/testing';
import { createTestCollector } from '../../support/collector.js';
import { renderSurvey, sampleConfig, waitUntil } from '../../support/survey-driver.js';

// The element and everything it loads on demand come from a path no earlier test file used: Firefox and
// WebKit would otherwise answer the "unreachable" parts from modules earlier pages already loaded.
await import(/* @vite-ignore */ `/__fresh/${crypto.randomUUID()}/src/components/encounter-survey/encounter-survey.define.ts`);

/** Makes files of the page unreachable (503) until called again with no patterns. */
const unavailable = (...patterns: string[]) =>
  fetch('/__unavailable', { method: 'POST', body: JSON.stringify({ patterns }) });

describe('<encounter-survey> when a part loaded on demand cannot load', () => {
  afterEach(() => unavailable());

  it('keeps every answer and says so', async () => {
    // Offline after the page loaded: validation and the outbox are not here yet.
    await unavailable('/src/core/config/parse\\.(js|ts)$', '/src/outbox/index\\.(js|ts)$');
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.choose('support', 'emotional', 'social');
    await survey.rate('helpful', 4);
    await survey.type('comment', 'kept words');
    await survey.submit();
    await waitUntil(() => survey.statusText().startsWith('Your answers are not saved yet'), 8000, 'the status to say so');
    expect(survey.input('support', 'emotional').checked).to.equal(true);
    expect(survey.input('helpful', '4').checked).to.equal(true);
    expect(survey.question('comment')!.querySelector('textarea')!.value).to.equal('kept words');
    expect(survey.button('submit-button')!.disabled).to.equal(false);
    expect(survey.root.querySelector('[part="thank-you"]')).to.equal(null);
    expect((await collector.state()).requests).to.have.length(0);
    await expect(survey.element).to.be.accessible();
  });

  it('says kiosk mode could not load, rather than showing a half-working kiosk', async () => {
    await unavailable('/src/controllers/kiosk-controller\\.(js|ts)$');
    const collector = await createTestCollector();
    const originalError = console.error;
    console.error = () => undefined;
    try {
      const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'kiosk' });
      expect(survey.root.querySelector('[part~="config-error"]')!.textContent).to.contain('The "kiosk" mode could not be loaded');
    } finally {
      console.error = originalError;
    }
  });
});

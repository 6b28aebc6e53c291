import { expect } from '@open-wc/testing';
import { createTestCollector } from '../../support/collector.js';
import { freshSurveyTag, networkOn, unreachable } from '../../support/network.js';
import { renderSurvey, sampleConfig } from '../../support/survey-driver.js';

describe('<encounter-survey> when a mode\'s file is missing on the server', () => {
  afterEach(() => networkOn());

  it('says which file is missing (404) rather than blaming the connection', async () => {
    // WebKit's failed import names no URL: there the message can only suggest the connection.
    const namesUrls = await import(/* @vite-ignore */ `/__missing-${crypto.randomUUID()}.js`).then(
      () => false,
      (error: Error) => /https?:\/\//.test(error.message),
    );
    const tag = await freshSurveyTag();
    await unreachable(['/src/controllers/kiosk-controller\\.(js|ts)$'], 404);
    const collector = await createTestCollector();
    const originalError = console.error;
    console.error = () => undefined;
    try {
      const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'kiosk', tag });
      const text = survey.root.querySelector('[part~="config-error"]')!.textContent!;
      expect(text).to.contain('The "kiosk" mode could not be loaded');
      if (namesUrls) {
        expect(text).to.contain('kiosk-controller.ts is missing on the server');
        expect(text).not.to.contain('connection');
      }
    } finally {
      console.error = originalError;
    }
  });
});

import { expect } from '@open-wc/testing';
import { createTestCollector } from '../../support/collector.js';
import { renderSurvey, sampleConfig, waitUntil } from '../../support/survey-harness.js';

// "What this survey sends" shows its summary at once; its body loads on demand (the warm-up, or opening it).
describe('<encounter-survey> "what this survey sends"', () => {
  it('opened at once, lists every field a response can contain, in the respondent\'s words', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig({ tags: { site: 'north' }, privacyUrl: 'https://example.org/privacy' }), collector.endpoint);
    const disclosure = await survey.openDisclosure();
    const items = [...disclosure.querySelectorAll('li')].map((item) => item.textContent!.trim());
    expect(items[0]).to.contain('a random number');
    expect(items).to.include('site: north (the same for everyone here)');
    expect(disclosure.textContent).to.contain('Each response contains only:');
    expect(disclosure.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/privacy');
    await expect(survey.element).to.be.accessible();
  });

  it('is ready before it is opened once the respondent touches the survey', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    const disclosure = survey.root.querySelector<HTMLDetailsElement>('[part="disclosure"]')!;
    survey.root.querySelector<HTMLInputElement>('input')!.focus();
    await waitUntil(() => disclosure.querySelector('li') !== null, 8000, 'the warm-up to bring the list');
    expect(disclosure.open).to.equal(false);
  });
});

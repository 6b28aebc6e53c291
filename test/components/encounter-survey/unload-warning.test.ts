import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { EncounterSurvey } from '../../../src/components/encounter-survey/encounter-survey.js';
import '../../../src/components/encounter-survey/encounter-survey.define.js';
import { createOutboxWith } from '../../../src/outbox/outbox.js';
import { createTestCollector } from '../../support/collector.js';
import { freshSurveyTag, networkOn, unreachable } from '../../support/network.js';
import { renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-driver.js';

/** Whether closing the page now would ask "Leave site?" (what a beforeunload listener decides). */
function asksBeforeLeaving() {
  const event = new Event('beforeunload', { cancelable: true });
  dispatchEvent(event);
  return event.defaultPrevented;
}

describe('<encounter-survey> asks before the page closes only while a response is in memory alone', function () {
  this.timeout(60_000);
  afterEach(() => networkOn());

  it('never asks while answering, nor once the response is saved on this device', async () => {
    const collector = await createTestCollector();
    await collector.script({ delayMs: 1500 });
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    expect(asksBeforeLeaving()).to.equal(false);
    await survey.choose('support', 'emotional');
    expect(asksBeforeLeaving()).to.equal(false, 'answers not yet submitted are not a response');
    await survey.submit();
    await waitUntil(() => survey.statusText().startsWith('Saved on this device'));
    expect(asksBeforeLeaving()).to.equal(false);
  });

  it('without IndexedDB: asks until the response is delivered', async () => {
    const collector = await createTestCollector();
    await collector.script({ delayMs: 1500 });
    const outbox = createOutboxWith(
      { endpoint: collector.endpoint, databaseName: `encounter-survey-test-${crypto.randomUUID()}` },
      { openStore: () => Promise.reject(new DOMException('blocked', 'InvalidStateError')) },
    );
    const element = await fixture<EncounterSurvey>(
      html`<encounter-survey .outbox=${outbox} .config=${sampleConfig()} endpoint=${collector.endpoint} lang="en"></encounter-survey>`,
    );
    const survey = new SurveyHarness(element);
    await survey.shown();
    await survey.choose('support', 'social');
    const delivered = oneEvent(element, 'survey-delivered');
    await survey.submit();
    expect(survey.statusText()).to.contain('Sending');
    expect(asksBeforeLeaving()).to.equal(true);
    await delivered;
    expect(asksBeforeLeaving()).to.equal(false);
    outbox.close();
  });

  it('asks while Submit could not store the response, and stops once it is stored', async () => {
    const tag = await freshSurveyTag();
    await unreachable(['/src/controllers/respond-chunk\\.(js|ts)(\\?.*)?$']);
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { tag });
    await survey.choose('support', 'emotional');
    await survey.submit();
    await waitUntil(() => survey.statusText().startsWith('Your answers are not saved yet'));
    expect(asksBeforeLeaving()).to.equal(true);
    const queued = oneEvent(survey.element, 'survey-queued');
    await networkOn();
    await queued;
    expect(asksBeforeLeaving()).to.equal(false);
  });
});

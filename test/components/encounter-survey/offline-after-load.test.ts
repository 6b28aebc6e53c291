import { expect, oneEvent } from '@open-wc/testing';
import type { SurveyQueuedEvent } from '../../../src/events/survey-queued.js';
import { createTestCollector } from '../../support/collector.js';
import { freshSurveyTag, networkOff, networkOn, networkQuiet, unreachable } from '../../support/network.js';
import { renderSurvey, sampleConfig, waitUntil, type SurveyHarness } from '../../support/survey-driver.js';

// Catalogue 47. Each test's element and what it loads on demand come from a path no earlier test used
// (see freshSurveyTag), so "unreachable" really means unreachable in every engine.

const SAVED = 'Saved on this device. It will be sent automatically.';
/**
 * The respondent reads for a few seconds without touching anything (the warm-up runs meanwhile;
 * the dev server sends each module as a file of its own, so let what it started arrive).
 */
async function reads() {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await networkQuiet();
}

async function answer(survey: SurveyHarness) {
  await survey.choose('support', 'emotional');
  await survey.rate('helpful', 4);
  await survey.type('comment', 'kept words');
}

function answersKept(survey: SurveyHarness) {
  expect(survey.input('support', 'emotional').checked).to.equal(true);
  expect(survey.input('helpful', '4').checked).to.equal(true);
  expect(survey.question('comment')!.querySelector('textarea')!.value).to.equal('kept words');
  expect(survey.root.querySelector('[part="thank-you"]')).to.equal(null);
}

/** A fresh survey, answered and submitted while what storing needs cannot load: it says so and keeps every answer. */
async function submitWithoutItsParts() {
  const collector = await createTestCollector();
  const survey = await renderSurvey(sampleConfig(), collector.endpoint, { tag: await freshSurveyTag() });
  await answer(survey);
  await survey.submit();
  await waitUntil(() => survey.statusText().startsWith('Your answers are not saved yet'), 8000, 'the status to say so');
  answersKept(survey);
  return { collector, survey };
}

describe('<encounter-survey> when the network drops after the page loaded', function () {
  this.timeout(90_000);
  afterEach(() => networkOn());

  it('stores the response, says it is saved on this device, and delivers it once when the network is back', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { tag: await freshSurveyTag() });
    await reads();
    await networkOff();
    await answer(survey);
    const queued = oneEvent(survey.element, 'survey-queued') as Promise<SurveyQueuedEvent>;
    await survey.submit();
    expect((await queued).detail.storage).to.equal('indexeddb');
    await survey.settle();
    expect(survey.statusText()).to.equal(SAVED);
    expect(survey.root.querySelector('[part="thank-you"]')).not.to.equal(null);
    expect((await collector.state()).requests).to.have.length(0);

    const delivered = oneEvent(survey.element, 'survey-delivered');
    await networkOn();
    await delivered;
    const state = await collector.state();
    expect(state.records).to.have.length(1);
    expect(state.requests.filter((request) => request.outcome === 'stored')).to.have.length(1);
    expect((state.records[0]!.body as { answers: Record<string, unknown> }).answers).to.deep.include({ support: ['emotional'], helpful: 4 });
  });

  for (const [part, pattern] of [
    ['validation', '/src/core/config/parse\\.(js|ts)$'],
    ['the payload builder', '/src/core/payload\\.(js|ts)$'],
    ['the outbox', '/src/outbox/index\\.(js|ts)$'],
  ] as const) {
    it(`with ${part} unreachable: keeps every answer, says they are not saved yet, and Submit still works`, async () => {
      await unreachable([pattern]);
      const { collector, survey } = await submitWithoutItsParts();
      expect(survey.button('submit-button')!.disabled).to.equal(false);
      expect((await collector.state()).requests).to.have.length(0);
      await expect(survey.element).to.be.accessible();
    });
  }
});

describe('<encounter-survey> when the part that stores responses cannot load', function () {
  this.timeout(90_000);
  afterEach(() => networkOn());
  const respondChunk = '/src/controllers/respond-chunk\\.(js|ts)(\\?.*)?$';

  it('keeps trying, with a fresh URL each time, and stores the response once the file is back', async () => {
    // The one file failed once (Firefox and Chromium keep a failed import for the page's life).
    await unreachable([respondChunk]);
    const { collector, survey } = await submitWithoutItsParts();

    const queued = oneEvent(survey.element, 'survey-queued') as Promise<SurveyQueuedEvent>;
    await networkOn();
    expect((await queued).detail.storage).to.equal('indexeddb');
    await waitUntil(() => survey.root.querySelector('[part="thank-you"]') !== null, 8000, 'the thank-you');
    await collector.waitFor((state) => state.records.length === 1, 30_000);
    expect((await collector.state()).requests.filter((request) => request.outcome === 'stored')).to.have.length(1);
  });

  it('names the missing file when the server says it does not exist (404), rather than blaming the connection', async () => {
    // WebKit's failed import names no URL, so there the file cannot be named: it says "not saved yet" and keeps trying.
    const namesUrls = await import(/* @vite-ignore */ `/__missing-${crypto.randomUUID()}.js`).then(
      () => false,
      (error: Error) => /https?:\/\//.test(error.message),
    );
    await unreachable([respondChunk], 404);
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { tag: await freshSurveyTag() });
    await answer(survey);
    const originalError = console.error;
    console.error = () => undefined;
    try {
      await survey.submit();
      if (namesUrls) await waitUntil(() => survey.statusText().includes('is missing'), 8000, 'the status to name the missing file');
      else await waitUntil(() => survey.statusText().startsWith('Your answers are not saved yet'), 8000, 'the status to say so');
    } finally {
      console.error = originalError;
    }
    if (namesUrls) expect(survey.statusText()).to.contain('respond-chunk');
    expect(survey.statusText()).not.to.contain('connection');
    answersKept(survey);
  });
});

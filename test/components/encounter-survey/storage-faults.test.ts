import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { EncounterSurvey } from '../../../src/components/encounter-survey/encounter-survey.js';
import type { SurveyStorageWarningEvent } from '../../../src/events/survey-storage-warning.js';
import { createOutboxWith } from '../../../src/outbox/outbox.js';
import { memoryRecordStore } from '../../../src/storage/memory-record-store.js';
import { createTestCollector } from '../../support/collector.js';
import { sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';

const databaseName = () => `encounter-survey-test-${crypto.randomUUID()}`;

async function surveyWith(outbox: ReturnType<typeof createOutboxWith>, endpoint: string) {
  const element = await fixture<EncounterSurvey>(
    html`<encounter-survey .outbox=${outbox} .config=${sampleConfig()} endpoint=${endpoint} lang="en"></encounter-survey>`,
  );
  const survey = new SurveyHarness(element);
  await survey.settle();
  return survey;
}

describe('<encounter-survey> when storage fails', () => {
  it('without IndexedDB: warns, never claims "saved on this device", and still delivers (14)', async () => {
    const collector = await createTestCollector();
    // The response must not reach the server before we have read the status line.
    await collector.script({ delayMs: 1500 });
    const outbox = createOutboxWith(
      { endpoint: collector.endpoint, databaseName: databaseName() },
      { openStore: () => Promise.reject(new DOMException('blocked', 'InvalidStateError')) },
    );
    const warning = oneEvent(document, 'survey-storage-warning') as Promise<SurveyStorageWarningEvent>;
    const survey = await surveyWith(outbox, collector.endpoint);
    await survey.choose('support', 'emotional');
    await survey.submit();
    expect((await warning).detail.code).to.be.a('string');
    expect(survey.statusText()).to.equal('Sending… please keep this page open for a moment.');
    expect(survey.text()).not.to.contain('Saved on this device');
    await collector.waitFor((state) => state.records.length === 1);
    await waitUntil(() => survey.statusText() === 'Your answers have been sent.');
    outbox.close();
  });

  it('on a full disk: the submit fails, says so, keeps the answers and is never shown as saved (15)', async () => {
    const collector = await createTestCollector();
    const full = { ...memoryRecordStore(), kind: 'indexeddb' as const, put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const outbox = createOutboxWith({ endpoint: collector.endpoint, databaseName: databaseName() }, { openStore: async () => full });
    const survey = await surveyWith(outbox, collector.endpoint);
    await survey.choose('support', 'social');
    const error = await survey.element.submit().catch((reason: unknown) => reason);
    expect((error as { code?: string }).code).to.equal('storage-full');
    await survey.settle();
    expect(survey.statusText()).to.contain('could not be saved');
    expect(survey.root.querySelector('[part="thank-you"]')).to.equal(null);
    expect(survey.input('support', 'social').checked).to.equal(true, 'the answers are still there to try again');
    expect((await collector.state()).requests).to.have.length(0);
    outbox.close();
  });
});

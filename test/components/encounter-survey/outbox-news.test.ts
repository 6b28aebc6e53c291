import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { EncounterSurvey } from '../../../src/components/encounter-survey/encounter-survey.js';
import type { SurveyStorageWarningEvent } from '../../../src/events/survey-storage-warning.js';
import { createOutboxWith } from '../../../src/outbox/outbox.js';
import type { Outbox } from '../../../src/outbox/index.js';
import { memoryRecordStore } from '../../../src/storage/memory-record-store.js';
import { createTestCollector } from '../../support/collector.js';
import { sampleConfig, SurveyHarness } from '../../support/survey-harness.js';

// The outbox's news is read by the respond chunk, which loads after the first question shows; a
// page-supplied outbox can speak before that. The first test of its file: nothing has loaded that chunk yet.
describe('<encounter-survey> with a page-supplied outbox', () => {
  it('passes on a storage warning the outbox gave before the respond chunk loaded', async () => {
    const collector = await createTestCollector();
    const real = createOutboxWith({ endpoint: collector.endpoint, databaseName: `encounter-survey-test-${crypto.randomUUID()}` }, { openStore: async () => memoryRecordStore() });
    const outbox: Outbox = {
      ...Object.fromEntries((['submit', 'flush', 'configureEndpoint', 'status', 'rejected', 'retryRejected', 'discardRejected', 'exportAll', 'importAll', 'close'] as const).map((name) => [name, (...args: never[]) => (real[name] as (...a: never[]) => unknown)(...args)])),
      ready: real.ready,
      subscribe(listener) {
        listener({ type: 'storage-warning', code: 'test-warning', message: 'told at once' });
        return real.subscribe(listener);
      },
    } as Outbox;
    const warning = oneEvent(document, 'survey-storage-warning') as Promise<SurveyStorageWarningEvent>;
    const element = await fixture<EncounterSurvey>(html`<encounter-survey .outbox=${outbox} .config=${sampleConfig()} endpoint=${collector.endpoint} lang="en"></encounter-survey>`);
    const survey = new SurveyHarness(element);
    await survey.shown();
    survey.root.querySelector<HTMLInputElement>('input')!.focus(); // the first touch loads what a response needs
    expect((await warning).detail).to.deep.equal({ code: 'test-warning', message: 'told at once' });
    real.close();
  });
});

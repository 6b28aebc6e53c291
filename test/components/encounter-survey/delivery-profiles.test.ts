// From a page on another origin than the receiver, configured by JSON alone (an inline
// <script type="application/json">, as the one-script-tag embed does): what the respondent reads
// and what `survey-delivered` says, per profile; and no promise of sending after a refusal.
import { expect } from '@open-wc/testing';
import type { EncounterSurvey } from '../../../src/components/encounter-survey/encounter-survey.js';
import type { SurveyDeliveredEvent } from '../../../src/events/survey-delivered.js';
import ar from '../../../src/i18n/survey/ar.js';
import en from '../../../src/i18n/survey/en.js';
import es from '../../../src/i18n/survey/es.js';
import fr from '../../../src/i18n/survey/fr.js';
import { getSharedOutbox } from '../../../src/outbox/index.js';
import { createTestCollector } from '../../support/collector.js';
import { createReceiver } from '../../support/receivers.js';
import { LONG_PRESS_MS } from '../../../src/controllers/staff-panel-controller.js';
import kioskEn from '../../../src/i18n/kiosk/en.js';
import { ManualClock } from '../../support/manual-clock.js';
import { renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';

const placed: HTMLElement[] = [];

/** An <encounter-survey> whose whole setup is the JSON inside it. */
async function surveyFromJson(config: Record<string, unknown>, lang = 'en') {
  const element = document.createElement('encounter-survey') as EncounterSurvey;
  element.setAttribute('lang', lang);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify({
    id: 'profiles',
    version: '1',
    title: 'How was today?',
    locales: ['en', 'es', 'fr', 'ar'],
    questions: [{ id: 'heard', type: 'single', label: 'Did you feel heard?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }],
    ...config,
  });
  element.append(script);
  document.body.append(element);
  placed.push(element);
  const survey = new SurveyHarness(element);
  await survey.shown();
  return survey;
}

async function answerAndSubmit(survey: SurveyHarness) {
  const delivered: Array<SurveyDeliveredEvent['detail']> = [];
  survey.element.addEventListener('survey-delivered', (event) => delivered.push(event.detail));
  await survey.choose('heard', 'yes');
  await survey.submit();
  return delivered;
}

describe('<encounter-survey>: delivery profiles set in the config', () => {
  afterEach(async () => {
    placed.splice(0).forEach((element) => element.remove());
    // Refused responses stay on the device for staff: leave none behind for later test files.
    const outbox = getSharedOutbox();
    for (const record of await outbox.rejected()) await outbox.discardRejected(record.id);
  });

  it('Apps Script ("simple"): one row, survey-delivered verified, "Sent"', async () => {
    const receiver = await createReceiver('apps-script');
    const survey = await surveyFromJson({ endpoint: receiver.endpoint, delivery: { profile: 'simple', redirectHosts: [receiver.otherHost] } });
    const delivered = await answerAndSubmit(survey);
    await waitUntil(() => delivered.length === 1, 8000, 'survey-delivered');
    expect(delivered[0]).to.include({ status: 200, verified: true });
    expect((await receiver.state()).rows.map((row) => (row['answers'] as Record<string, unknown>)['heard'])).to.deep.equal(['yes']);
    await waitUntil(() => survey.statusText() === en.statusSent, 8000, 'the status line to say Sent');
  });

  it('a catch hook without CORS ("no-cors"): survey-delivered says verified: false, and so does the status line', async () => {
    const receiver = await createReceiver('hook');
    const survey = await surveyFromJson({ endpoint: receiver.endpoint, delivery: { profile: 'no-cors' } });
    const delivered = await answerAndSubmit(survey);
    await waitUntil(() => delivered.length === 1, 8000, 'survey-delivered');
    expect(delivered[0]).to.include({ status: 0, verified: false });
    expect((await receiver.state()).rows).to.have.length(1);
    await waitUntil(() => survey.statusText() === en.statusSentUnverified, 8000, 'the status line to say sent, unconfirmed');
  });

  it('a config whose profile cannot send its headers is a setup problem with the path, before anyone answers', async () => {
    const receiver = await createReceiver('apps-script');
    const element = document.createElement('encounter-survey') as EncounterSurvey;
    const problems: string[] = [];
    element.addEventListener('survey-config-error', (event) => problems.push(...event.detail.issues.map((i) => i.path)));
    placed.push(element);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ id: 'p', version: '1', title: 'T', endpoint: receiver.endpoint, questions: [{ id: 'q', type: 'text', label: 'Q' }], delivery: { profile: 'simple', headers: { 'X-Key': 'k' } } });
    element.append(script);
    document.body.append(element);
    await waitUntil(() => problems.length > 0, 8000, 'survey-config-error');
    expect(problems).to.deep.equal(['delivery.headers']);
  });

  it('kiosk staff panel: the last send to a no-cors hook reads as sent but not confirmed', async () => {
    const receiver = await createReceiver('hook');
    const survey = await renderSurvey(sampleConfig({ delivery: { profile: 'no-cors' } }), receiver.endpoint, { mode: 'kiosk' });
    placed.push(survey.element);
    const clock = new ManualClock();
    survey.element.clock = clock;
    await survey.press('start-button');
    await survey.choose('support', 'emotional');
    await survey.submit();
    await receiver.waitFor((state) => state.rows.length === 1);
    clock.advance(8_000);
    await survey.settle();
    const corner = survey.button('staff-corner')!;
    corner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    clock.advance(LONG_PRESS_MS);
    await survey.settle();
    await waitUntil(() => survey.root.querySelector('[data-field="last-delivered"]')?.textContent?.includes(kioskEn.notConfirmed) === true, 8000, 'the staff panel to say not confirmed');
  });

  for (const strings of [en, es, fr, ar]) {
    it(`after a permanent refusal the respondent is not told it will be sent (${strings.$code})`, async () => {
      const collector = await createTestCollector();
      await collector.script({ status: 422, body: { error: 'answers.heard is not expected' } });
      const survey = await surveyFromJson({ endpoint: collector.endpoint }, strings.$code);
      const rejected: unknown[] = [];
      survey.element.addEventListener('survey-rejected', (event) => rejected.push(event.detail));
      await answerAndSubmit(survey);
      await waitUntil(() => rejected.length === 1, 8000, 'survey-rejected');
      await waitUntil(() => survey.statusText() === strings.statusNotAccepted, 8000, 'the status line to say it was not accepted');
      expect(survey.statusText()).not.to.equal(strings.statusSaved);
    });
  }
});

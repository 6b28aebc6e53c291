import { expect, oneEvent } from '@open-wc/testing';
import type { SurveyResetEvent } from '../../../src/events/survey-reset.js';
import { LONG_PRESS_MS } from '../../../src/controllers/staff-panel-controller.js';
import { DEFAULT_DATABASE_NAME } from '../../../src/storage/idb-record-store.js';
import { createTestCollector } from '../../support/collector.js';
import { ManualClock } from '../../support/manual-clock.js';
import { renderKiosk, renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';

const kioskConfig = (kiosk: Record<string, unknown> = {}) =>
  sampleConfig({
    kiosk: { idleSeconds: 60, warningSeconds: 20, thankYouSeconds: 8, ...kiosk },
    safety: { footer: 'This tablet is not monitored.', helplines: [{ name: 'Crisis line', phone: '988' }] },
  });

const kiosk = (kioskOptions: Record<string, unknown> = {}) => renderKiosk(kioskConfig(kioskOptions));

async function fillAndType(survey: SurveyHarness) {
  await survey.press('start-button');
  await survey.choose('support', 'emotional', 'other');
  await survey.typeOther('support', 'SECRET-OTHER');
  await survey.type('comment', 'SECRET-COMMENT');
}

/** True when no trace of the previous respondent's answers can be found in the element. */
function leavesNoTrace(survey: SurveyHarness) {
  const inputs = [...survey.root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')];
  const anyChecked = inputs.some((input) => (input as HTMLInputElement).checked);
  const anyValue = inputs.some((input) => input.type !== 'checkbox' && input.type !== 'radio' && input.value !== '');
  const html = survey.root.innerHTML;
  return !anyChecked && !anyValue && !html.includes('SECRET');
}

describe('<encounter-survey mode="kiosk">', () => {
  // The staff panel counts what waits in the page's shared outbox, whose database outlives a page: start
  // from an empty one, whatever earlier test files of this browser session left pending.
  before(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(DEFAULT_DATABASE_NAME);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );

  it('opens on an accessible start screen with large targets', async () => {
    const { survey } = await kiosk();
    expect(survey.button('start-button')).to.exist;
    expect(survey.question('support')).to.equal(null);
    await expect(survey.element).to.be.accessible();
    expect(survey.button('start-button')!.getBoundingClientRect().height).to.be.at.least(44);
    await survey.press('start-button');
    const option = survey.root.querySelector<HTMLElement>('[part="option"]')!;
    expect(option.getBoundingClientRect().height).to.be.at.least(44);
    expect(survey.input('support', 'emotional').getAttribute('autocomplete')).to.equal('off');
  });

  it('warns after the idle time, announces a countdown, and one tap keeps the answers', async () => {
    const { survey, clock } = await kiosk();
    await survey.press('start-button');
    await survey.choose('support', 'emotional');
    clock.advance(59_000);
    await survey.settle();
    expect(survey.root.querySelector('[part="idle-warning"]')).to.equal(null);
    clock.advance(1_000);
    await survey.settle();
    const warning = survey.root.querySelector('[part="idle-warning"]')!;
    expect(warning.getAttribute('role')).to.equal('alertdialog');
    expect(survey.root.activeElement).to.equal(survey.button('extend-button'), 'the warning takes focus, so it is announced');
    expect(warning.textContent).to.contain('20 seconds');
    clock.advance(5_000);
    await survey.settle();
    expect(warning.textContent).to.contain('15 seconds');
    await expect(survey.element).to.be.accessible();
    await survey.press('extend-button');
    expect(survey.root.querySelector('[part="idle-warning"]')).to.equal(null);
    expect(survey.input('support', 'emotional').checked).to.equal(true);
  });

  it('wipes everything and returns to the start when nobody answers the warning', async () => {
    const { survey, clock } = await kiosk();
    await fillAndType(survey);
    const reset = oneEvent(survey.element, 'survey-reset') as Promise<SurveyResetEvent>;
    clock.advance(80_000);
    expect((await reset).detail.reason).to.equal('idle');
    await survey.settle();
    expect(survey.button('start-button')).to.exist;
    expect(survey.root.activeElement).to.equal(survey.button('start-button'));
    await survey.press('start-button');
    expect(leavesNoTrace(survey)).to.equal(true);
    expect((survey.element as unknown as { flow: { answers: object } }).flow.answers).to.deep.equal({}, 'nothing held in memory');
  });

  it('submits once on idle when onIdle is "submit" and the required answers are there', async () => {
    const { survey, clock, collector } = await kiosk({ onIdle: 'submit' });
    await survey.press('start-button');
    await survey.choose('support', 'crisis');
    clock.advance(80_000);
    const state = await collector.waitFor((current) => current.records.length === 1);
    expect((state.records[0]!.body as { answers: object }).answers).to.deep.equal({ support: ['crisis'] });
    clock.advance(80_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await collector.state()).records).to.have.length(1);
  });

  it('discards on idle with onIdle "submit" when a required answer is missing', async () => {
    const { survey, clock, collector } = await kiosk({ onIdle: 'submit' });
    await survey.press('start-button');
    await survey.rate('helpful', 4);
    clock.advance(80_000);
    await survey.settle();
    expect(survey.button('start-button')).to.exist;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await collector.state()).requests).to.have.length(0);
  });

  it('shows the thank-you, then resets by itself; the next person finds nothing', async () => {
    const { survey, clock, collector } = await kiosk();
    await fillAndType(survey);
    await survey.submit();
    await collector.waitFor((current) => current.records.length === 1);
    expect(survey.root.querySelector('[part="thank-you"]')).to.exist;
    await expect(survey.element).to.be.accessible();
    clock.advance(8_000);
    await survey.settle();
    expect(survey.button('start-button')).to.exist;
    await survey.press('start-button');
    expect(leavesNoTrace(survey)).to.equal(true);
  });

  it('hands over with a screen that hides the last answers when passTheTablet is on', async () => {
    const { survey, clock, collector } = await kiosk({ passTheTablet: true });
    await fillAndType(survey);
    await survey.submit();
    await collector.waitFor((current) => current.records.length === 1);
    clock.advance(8_000);
    await survey.settle();
    expect(survey.root.querySelector('[part="handover"]')).to.exist;
    expect(survey.text()).to.contain('pass the tablet');
    expect(leavesNoTrace(survey)).to.equal(true);
    await survey.press('start-button');
    expect(survey.question('support')).to.exist;
    expect(leavesNoTrace(survey)).to.equal(true);
  });

  it('yields one response when Submit is mashed', async () => {
    const { survey, collector } = await kiosk();
    await survey.press('start-button');
    await survey.choose('support', 'emotional');
    const submit = survey.button('submit-button')!;
    for (let press = 0; press < 10; press++) submit.click();
    await collector.waitFor((current) => current.records.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await collector.state()).requests).to.have.length(1);
  });

  it('opens the staff panel only after a long press and the right PIN; Send now sends what waits', async () => {
    const { survey, clock, collector } = await kiosk({ staffPin: '2468' });
    // One response waits: the endpoint asked for a minute's pause.
    await collector.script({ status: 503, headers: { 'Retry-After': '60' } });
    await survey.press('start-button');
    await survey.choose('support', 'emotional');
    await survey.submit();
    await collector.waitFor((state) => state.requests.length === 1);
    clock.advance(8_000);
    await survey.settle();

    const corner = survey.button('staff-corner')!;
    corner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    clock.advance(LONG_PRESS_MS - 1000);
    corner.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    clock.advance(5000);
    await survey.settle();
    expect(survey.root.querySelector('[part="staff-panel"]')).to.equal(null);

    corner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    clock.advance(LONG_PRESS_MS);
    await survey.settle();
    const pin = survey.root.querySelector<HTMLInputElement>('#staff-pin')!;
    expect(pin).to.exist;
    expect(survey.root.querySelector('[data-field="pending"]')).to.equal(null);
    pin.value = '1111';
    pin.form!.requestSubmit();
    await survey.settle();
    expect(survey.text()).to.contain('That PIN is not right.');
    survey.root.querySelector<HTMLInputElement>('#staff-pin')!.value = '2468';
    survey.root.querySelector<HTMLInputElement>('#staff-pin')!.form!.requestSubmit();
    await survey.settle();
    expect(survey.root.querySelector('[data-field="pending"]')!.textContent).to.equal('1');
    await expect(survey.element).to.be.accessible();
    await survey.press('send-now');
    await collector.waitFor((state) => state.records.length === 1, 3000);
    await waitUntil(() => survey.root.querySelector('[data-field="pending"]')?.textContent === '0');
    expect(survey.button('export')).to.exist;
  });

  it('without a PIN the panel offers no export, and a panel left open closes by itself', async () => {
    const { survey, clock } = await kiosk();
    const corner = survey.button('staff-corner')!;
    corner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    clock.advance(LONG_PRESS_MS);
    await survey.settle();
    expect(survey.root.querySelector('[data-field="pending"]')).to.exist;
    expect(survey.button('export')).to.equal(null, 'export hands over every waiting response: PIN only');
    expect(survey.button('send-now')).to.exist;
    clock.advance(60_000);
    await survey.settle();
    expect(survey.root.querySelector('[part="staff-panel"]')).to.equal(null);
    expect(survey.button('start-button')).to.exist;
  });

  it('quick exit on a kiosk wipes back to the start screen instead of leaving the page', async () => {
    const collector = await createTestCollector();
    const config = { ...kioskConfig(), safety: { quickExit: { url: 'https://example.org/' } } };
    const survey = await renderSurvey(config, collector.endpoint, { mode: 'kiosk' });
    survey.element.clock = new ManualClock();
    await fillAndType(survey);
    const reset = oneEvent(survey.element, 'survey-reset') as Promise<SurveyResetEvent>;
    await survey.press('quick-exit');
    expect((await reset).detail.reason).to.equal('quick-exit');
    expect(location.href).not.to.contain('example.org');
    await survey.press('start-button');
    expect(leavesNoTrace(survey)).to.equal(true);
  });

  it('shows the safety footer and "what this survey sends" on every screen', async () => {
    const { survey } = await kiosk();
    expect(survey.text()).to.contain('This tablet is not monitored.');
    const tel = survey.root.querySelector<HTMLAnchorElement>('[part="helplines"] a')!;
    expect(tel.getAttribute('href')).to.equal('tel:988');
    const disclosure = await survey.openDisclosure();
    expect(disclosure.textContent).to.contain('What this survey sends');
    expect(disclosure.textContent).to.contain('site: test-site');
    await survey.press('start-button');
    expect(survey.text()).to.contain('This tablet is not monitored.');
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/survey-launcher/survey-launcher.define.js';
import type { SurveyLauncher } from '../../../src/components/survey-launcher/survey-launcher.js';
import type { SurveyCloseEvent } from '../../../src/events/survey-close.js';
import { createTestCollector } from '../../support/collector.js';
import { renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';

/** The engine can resize the viewport from a test (WebDriver cannot). */
const canResize = !/AppleWebKit/.test(navigator.userAgent) || /Chrome/.test(navigator.userAgent);

const frame = (survey: SurveyHarness) => survey.root.querySelector<HTMLElement>('dialog, [part~="slide-in"]')!;
const visible = (element: HTMLElement) => element.getBoundingClientRect().height > 0 && getComputedStyle(element).display !== 'none';

/** A button on the page that opens the survey, focused, as a person would start. */
async function opener(label: string) {
  const button = await fixture<HTMLButtonElement>(html`<button type="button">${label}</button>`);
  button.focus();
  return button;
}

describe('<encounter-survey mode="dialog">', () => {
  afterEach(() => localStorage.clear());

  it('opens as a modal with focus inside; Escape closes it, focus returns, and the answers wait for the next open', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'dialog' });
    const dialog = frame(survey) as HTMLDialogElement;
    expect(dialog.open).to.equal(false);
    expect(visible(dialog)).to.equal(false);
    const button = await opener('Tell us how it went');
    const opened = oneEvent(survey.element, 'survey-open');
    await survey.element.open();
    await opened;
    await survey.settle();
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.contains(survey.root.activeElement)).to.equal(true, 'focus moved into the dialog');
    await expect(survey.element).to.be.accessible();

    await survey.choose('support', 'emotional');
    const closed = oneEvent(survey.element, 'survey-close') as Promise<SurveyCloseEvent>;
    survey.input('support', 'emotional').focus();
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.reason).to.equal('escape');
    await survey.settle();
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(button, 'focus went back to what opened it');

    await survey.element.open();
    await survey.settle();
    expect(survey.input('support', 'emotional').checked).to.equal(true, 'answers kept in memory');
    await survey.submit();
    await collector.waitFor((state) => state.records.length === 1);
    expect(survey.root.querySelector('[part="thank-you"]')).to.exist;
    await survey.press('close-button');
    expect(dialog.open).to.equal(false);
    // After a response, the next open is a fresh survey.
    await survey.element.open();
    await survey.settle();
    expect(survey.input('support', 'emotional').checked).to.equal(false);
    expect((await collector.state()).requests).to.have.length(1);
    survey.element.close();
  });

  it('can be done with the keyboard alone', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig({ questions: [sampleConfig().questions[2]] }), collector.endpoint, { mode: 'dialog' });
    await opener('Feedback');
    await survey.element.open();
    await survey.settle();
    while (!survey.question('heard')!.contains(survey.root.activeElement)) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    while (survey.root.activeElement !== survey.button('submit-button')) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const state = await collector.waitFor((current) => current.records.length === 1);
    expect((state.records[0]!.body as { answers: object }).answers).to.deep.equal({ heard: 'yes' });
    survey.element.close();
  });
});

describe('<encounter-survey mode="slide-in">', () => {
  afterEach(async () => {
    localStorage.clear();
    if (canResize) await setViewport({ width: 800, height: 600 });
  });

  it('is a card in a corner that leaves the page usable, and Escape dismisses it', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    const card = frame(survey);
    expect(visible(card)).to.equal(false);
    const button = await opener('Page button');
    await survey.element.open();
    await survey.settle();
    expect(visible(card)).to.equal(true);
    expect(card.getAttribute('aria-modal')).to.equal('false');
    expect(card.contains(survey.root.activeElement)).to.equal(true);
    await expect(survey.element).to.be.accessible();
    // Not modal: the page's own controls still take focus and clicks.
    button.focus();
    expect(document.activeElement).to.equal(button);
    survey.button('close-button')!.focus();
    await sendKeys({ press: 'Escape' });
    await survey.settle();
    expect(visible(card)).to.equal(false);
  });

  it('mirrors its corner in right-to-left pages', async () => {
    const collector = await createTestCollector();
    const config = sampleConfig({ locales: ['ar', 'en'], title: { ar: 'كيف كانت زيارتك؟', en: 'How was it?' } });
    const survey = await renderSurvey(config, collector.endpoint, { mode: 'slide-in', lang: 'ar' });
    await survey.element.open();
    await survey.settle();
    const box = frame(survey).getBoundingClientRect();
    if (window.innerWidth > 640) expect(box.left).to.be.lessThan(window.innerWidth / 2, 'bottom-end is on the left in RTL');
    expect(box.bottom).to.be.closeTo(window.innerHeight, 40);
    survey.element.close();
  });

  it("never covers the page's own close button at the top of a phone screen", async function () {
    if (!canResize) this.skip();
    await setViewport({ width: 390, height: 844 });
    const collector = await createTestCollector();
    const pageClose = await fixture<HTMLButtonElement>(
      html`<button style="position: fixed; top: 8px; right: 8px; width: 44px; height: 44px">×</button>`,
    );
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    await survey.element.open();
    await survey.settle();
    const box = pageClose.getBoundingClientRect();
    expect(document.elementFromPoint(box.left + 22, box.top + 22)).to.equal(pageClose);
    expect(frame(survey).getBoundingClientRect().top).to.be.greaterThan(844 * 0.3);
    survey.element.close();
  });

  it('opens by itself only when the page asks (open-after, open-on), without taking focus', async () => {
    const collector = await createTestCollector();
    const timed = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    const button = await opener('Reading the page');
    timed.element.openAfter = '300ms';
    await oneEvent(timed.element, 'survey-open');
    await timed.settle();
    expect(visible(frame(timed))).to.equal(true);
    expect(document.activeElement).to.equal(button, 'an automatic prompt does not steal focus');
    timed.element.close();

    const spacer = await fixture<HTMLElement>(html`<div style="height: 3000px"></div>`);
    const scrolled = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    scrolled.element.openOn = 'scroll:50%';
    await scrolled.settle();
    expect(visible(frame(scrolled))).to.equal(false);
    const opened = oneEvent(scrolled.element, 'survey-open');
    window.scrollTo(0, document.documentElement.scrollHeight);
    await opened;
    scrolled.element.close();
    window.scrollTo(0, 0);
    spacer.remove();
  });

  it('"Don\'t ask me again" is off by default; when offered it keeps one date at day precision and quiets the triggers', async () => {
    const collector = await createTestCollector();
    const before = JSON.stringify({ ...localStorage });
    const plain = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    await plain.element.open();
    await plain.settle();
    expect(plain.button('dont-ask-again')).to.equal(null);
    plain.element.close();
    expect(JSON.stringify({ ...localStorage })).to.equal(before, 'nothing written unless the page enables it');

    const offered = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    offered.element.dontAskAgain = 30;
    await offered.element.open();
    await offered.settle();
    expect((await offered.openDisclosure()).textContent).to.contain('this device keeps one date');
    await offered.press('dont-ask-again');
    const keys = Object.keys(localStorage);
    expect(keys).to.deep.equal(['encounter-survey:dismissed-until:sample']);
    expect(localStorage.getItem(keys[0]!)).to.match(/^\d{4}-\d{2}-\d{2}$/);

    const again = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'dialog' });
    again.element.dontAskAgain = 30;
    again.element.openAfter = '100ms';
    await again.settle();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((frame(again) as HTMLDialogElement).open).to.equal(false, 'the trigger stays quiet');
    await again.element.open();
    expect((frame(again) as HTMLDialogElement).open).to.equal(true, 'the page can still open it');
    again.element.close();
  });
});

describe('<survey-launcher>', () => {
  it('opens its survey from a tab or a header button, says whether it is open, and works from the keyboard', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'dialog' });
    survey.element.id = 'launched';
    const launcher = await fixture<SurveyLauncher>(html`<survey-launcher for="launched"></survey-launcher>`);
    await waitUntil(() => launcher.shadowRoot!.querySelector('button') !== null, 5000, 'the launcher');
    const button = launcher.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Feedback');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await expect(launcher).to.be.accessible();
    expect(button.getBoundingClientRect().width).to.be.at.least(44);
    expect(getComputedStyle(launcher).position).to.equal('fixed');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (frame(survey) as HTMLDialogElement).open, 5000, 'the dialog to open');
    await launcher.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => button.getAttribute('aria-expanded') === 'false', 5000, 'aria-expanded to follow');
    expect(launcher.shadowRoot!.activeElement).to.equal(button, 'focus back on the launcher');

    const inline = await fixture<SurveyLauncher>(html`<survey-launcher for="launched" position="inline" label="Give feedback"></survey-launcher>`);
    await waitUntil(() => inline.shadowRoot!.querySelector('button') !== null);
    expect(getComputedStyle(inline).position).to.equal('static');
    expect(inline.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Give feedback');
  });
});

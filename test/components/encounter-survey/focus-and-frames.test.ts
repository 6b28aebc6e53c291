import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/survey-launcher/survey-launcher.define.js';
import type { SurveyLauncher } from '../../../src/components/survey-launcher/survey-launcher.js';
import { createTestCollector } from '../../support/collector.js';
import { renderKiosk, renderSurvey, sampleConfig, waitUntil, type SurveyHarness } from '../../support/survey-harness.js';

// WebKitGTK's MiniBrowser cannot be resized through WebDriver (as in modes.test.ts).
const canResize = !/AppleWebKit/.test(navigator.userAgent) || /Chrome/.test(navigator.userAgent);
const paged = () =>
  sampleConfig({ pages: [{ questions: ['support', 'helpful'] }, { questions: ['heard', 'why', 'comment'] }] });
const focused = (survey: SurveyHarness) => survey.root.activeElement as HTMLElement | null;

describe('Focus after Start and Next', () => {
  it('Next takes focus to the step line, which names where the respondent is', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(paged(), collector.endpoint);
    await survey.choose('support', 'emotional');
    await survey.next();
    await waitUntil(() => focused(survey)?.textContent === 'Step 2 of 2', 2000, 'focus on the step line');
    expect(focused(survey)!.closest('form') === null).to.equal(true, 'not an unnamed form');
  });

  it("Start on a kiosk takes focus to the first question's legend", async () => {
    const { survey } = await renderKiosk(sampleConfig());
    await survey.press('start-button');
    await waitUntil(() => focused(survey)?.closest('legend') != null, 2000, 'focus on the legend');
    expect(focused(survey)!.textContent).to.contain('Which kinds of support did you receive?');
  });
});

describe('A slide-in that opened by itself', () => {
  afterEach(async () => {
    if (canResize) await setViewport({ width: 800, height: 600 });
  });

  it('announces itself once, politely, and Escape returns focus to what had it before', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    const reading = await fixture<HTMLButtonElement>(html`<button type="button">Reading the page</button>`);
    reading.focus();
    survey.element.openAfter = '200ms';
    await oneEvent(survey.element, 'survey-open');
    await survey.settle();
    const regions = [...survey.root.querySelectorAll('[role="status"]')].filter((region) => region.textContent!.includes('A short survey opened'));
    expect(regions).to.have.length(1);
    expect(regions[0]!.textContent!.trim()).to.equal('A short survey opened: How was today?');
    expect(document.activeElement === reading).to.equal(true, 'it did not take focus');
    // The person moves into it, then dismisses it.
    survey.button('close-button')!.focus();
    await sendKeys({ press: 'Escape' });
    await survey.settle();
    expect(document.activeElement === reading).to.equal(true, 'back where they were, not on <body>');
    expect(regions[0]!.textContent!.trim()).to.equal('');
  });

  it('Close returns focus to its launcher when the page has one', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'slide-in' });
    survey.element.id = 'auto-slide';
    const launcher = await fixture<SurveyLauncher>(html`<survey-launcher for="auto-slide"></survey-launcher>`);
    await waitUntil(() => launcher.shadowRoot!.querySelector('button') !== null);
    (document.activeElement as HTMLElement | null)?.blur();
    survey.element.openAfter = '200ms';
    await oneEvent(survey.element, 'survey-open');
    await survey.settle();
    survey.button('close-button')!.focus();
    survey.button('close-button')!.click();
    await survey.element.updateComplete;
    // Compared as booleans: chai's message for two unequal elements would walk Lit's internals.
    expect(launcher.shadowRoot!.activeElement === launcher.shadowRoot!.querySelector('button')).to.equal(true, 'focus on the launcher');
  });

  it('on a phone: its title and Close share a row, and the Feedback tab docks as a 44px button in a bottom corner', async function () {
    if (!canResize) this.skip();
    await setViewport({ width: 390, height: 844 });
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig({ title: 'How was your visit to the drop-in centre today, all things considered?' }), collector.endpoint, {
      mode: 'slide-in',
    });
    survey.element.id = 'phone-slide';
    const launcher = await fixture<SurveyLauncher>(html`<survey-launcher for="phone-slide"></survey-launcher>`);
    await waitUntil(() => launcher.shadowRoot!.querySelector('button') !== null);
    const tab = launcher.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    expect(tab.height).to.be.closeTo(44, 1);
    expect(tab.bottom).to.be.closeTo(844, 16);
    expect(tab.right).to.be.closeTo(390, 16);
    await survey.element.open();
    await survey.settle();
    const title = survey.root.querySelector('[part~="title"]')!.getBoundingClientRect();
    const close = survey.button('close-button')!.getBoundingClientRect();
    expect(title.right).to.be.at.most(close.left + 1, 'the title never runs under Close');
    expect(title.top).to.be.below(close.bottom, 'same row');
    expect(close.top).to.be.below(title.bottom, 'same row');
    await expect(survey.element).to.be.accessible();
    survey.element.close();
  });
});

describe('Config text in another script', () => {
  it('an English helpline name, its number and hours are isolated in an Arabic survey', async () => {
    const collector = await createTestCollector();
    const config = sampleConfig({
      locales: ['ar'],
      safety: { helplines: [{ name: 'Crisis Text Line', phone: '+1 (800) 555-0100', hours: '24/7' }] },
    });
    const survey = await renderSurvey(config, collector.endpoint, { lang: 'ar' });
    const line = survey.root.querySelector('[part~="helplines"] li')!;
    expect(line.querySelector('.helpline-name')!.localName).to.equal('bdi');
    expect(line.querySelector('a[href^="tel:"]')!.closest('bdi')!.getAttribute('dir')).to.equal('ltr');
    expect([...line.querySelectorAll('bdi')].map((bdi) => bdi.textContent!.trim())).to.include('24/7');
  });
});

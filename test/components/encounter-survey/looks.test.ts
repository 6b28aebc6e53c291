import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { contrast, type Rgb } from '../../../src/core/contrast.js';
import type { SurveyConfigWarningEvent } from '../../../src/events/survey-config-warning.js';
import { createTestCollector } from '../../support/collector.js';
import { renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';

const isChromium = /Chrome/.test(navigator.userAgent);

/** A computed colour as numbers (every engine reports sRGB colours as rgb()/rgba()). */
function rgb(value: string): Rgb {
  const [r, g, b] = value.match(/[\d.]+/g)!.map(Number);
  return [r!, g!, b!];
}

const box = (element: Element) => element.getBoundingClientRect();

/** Whether the element's content fits without being cut off or scrolling sideways. */
function fits(element: HTMLElement) {
  return element.scrollWidth <= element.clientWidth + 1;
}

describe('<encounter-survey> looks', () => {
  it('draws choices as large cards that are wholly the label, and ratings as a row of large segments', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    for (const option of survey.root.querySelectorAll('[part="option"], [part="rating-point"]')) {
      expect(box(option).height, option.textContent!).to.be.at.least(44);
      expect(box(option).width).to.be.at.least(44);
    }
    // Clicking the words of a card ticks it.
    const card = survey.input('support', 'social').closest('label')!;
    card.querySelector<HTMLElement>('[part="option-description"]')!.click();
    await survey.settle();
    expect(survey.input('support', 'social').checked).to.equal(true);
    // A checked card differs by more than colour: a thicker border (and the native tick).
    const [checked, unchecked] = [card, survey.input('support', 'emotional').closest('label')!].map((label) => getComputedStyle(label));
    expect(checked.boxShadow).not.to.equal(unchecked.boxShadow);
    // The scale is a radio group whose end labels sit under its ends.
    const scale = survey.question('helpful')!;
    expect(scale.getAttribute('role')).to.equal('radiogroup');
    const points = [...scale.querySelectorAll('[part="rating-point"]')];
    const ends = [...scale.querySelectorAll('[part="scale-ends"] span')];
    expect(Math.abs(box(ends[0]!).left - box(points[0]!).left)).to.be.below(2);
    expect(Math.abs(box(ends[1]!).right - box(points[points.length - 1]!).right)).to.be.below(2);
    expect(new Set(points.map((point) => Math.round(box(point).top))).size).to.equal(1, 'one row');
    survey.input('helpful', '2').focus();
    await sendKeys({ press: 'ArrowRight' });
    await survey.settle();
    expect(survey.input('helpful', '3').checked).to.equal(true, 'arrow keys move along the scale');
    await expect(survey.element).to.be.accessible();
  });

  it('draws faces for a 3- or 5-point scale, each named for screen readers, and mirrors the scale right to left', async () => {
    const collector = await createTestCollector();
    const faces = { id: 'mood', type: 'rating', label: 'How do you feel?', display: 'faces', min: 1, max: 3 };
    const survey = await renderSurvey(sampleConfig({ questions: [faces] }), collector.endpoint);
    const radios = [...survey.question('mood')!.querySelectorAll('input')];
    expect(survey.question('mood')!.querySelectorAll('svg.face')).to.have.length(3);
    expect(radios.map((radio) => radio.getAttribute('aria-label'))).to.deep.equal(['1, Unhappy', '2, Neither happy nor unhappy', '3, Happy']);
    await expect(survey.element).to.be.accessible();

    const config = sampleConfig({ locales: ['ar', 'en'], questions: [{ ...faces, max: 5, label: { ar: 'كيف تشعر؟', en: 'How do you feel?' } }] });
    const arabic = await renderSurvey(config, collector.endpoint, { lang: 'ar' });
    const points = [...arabic.question('mood')!.querySelectorAll('[part="rating-point"]')];
    expect(box(points[0]!).left).to.be.greaterThan(box(points[4]!).left, 'the first point is on the right');
    expect(arabic.question('mood')!.querySelector('input')!.getAttribute('aria-label')).to.equal('1, غير راضٍ إطلاقًا');
  });

  it('shows progress as words and a bar', async () => {
    const collector = await createTestCollector();
    const config = sampleConfig({ pages: [{ questions: ['support', 'helpful'] }, { questions: ['heard', 'why', 'comment'] }] });
    const survey = await renderSurvey(config, collector.endpoint);
    const progress = survey.root.querySelector('[part="progress"]')!;
    expect(progress.textContent).to.contain('Step 1 of 2');
    expect(progress.querySelector('.fill')!.getAttribute('width')).to.equal('50%');
    await survey.choose('support', 'emotional');
    await survey.next();
    expect(survey.root.querySelector('[part="progress"] .fill')!.getAttribute('width')).to.equal('100%');
  });

  it('keeps text fields at 16 px or more (no zoom on iOS), and fits 320 px with WCAG text spacing', async () => {
    const collector = await createTestCollector();
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px; font-size: 14px"></div>`);
    const survey = await renderSurvey(sampleConfig({ safety: { footer: 'Not monitored.', helplines: [{ name: 'A line with a long name', phone: '+1 555 0100', url: 'https://example.org/a/very/long/path/to/help' }] } }), collector.endpoint);
    wrapper.append(survey.element);
    await survey.settle();
    for (const field of survey.root.querySelectorAll<HTMLElement>('textarea, input[type="text"]')) {
      expect(parseFloat(getComputedStyle(field).fontSize)).to.be.at.least(16);
    }
    // The WCAG 1.4.12 text-spacing bookmarklet, applied inside the shadow root where it cannot reach.
    const spacing = new CSSStyleSheet();
    spacing.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
    survey.root.adoptedStyleSheets = [...survey.root.adoptedStyleSheets, spacing];
    await survey.settle();
    const base = survey.root.querySelector<HTMLElement>('[part~="base"]')!;
    expect(box(base).width).to.be.at.most(320);
    for (const element of survey.root.querySelectorAll<HTMLElement>('[part~="base"] *:not(.visually-hidden)')) {
      if (getComputedStyle(element).overflow !== 'visible' && element.localName !== 'svg' && element.localName !== 'textarea') {
        expect(fits(element), `${element.localName}.${element.className}`).to.equal(true);
      }
      if (element.localName !== 'svg' && !element.closest('svg')) expect(box(element).right, element.localName).to.be.at.most(box(base).right + 1);
    }
  });

  it('has one footer heading, never repeating "If you need help now"', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig({ safety: { footer: 'This survey is not monitored.', helplines: [{ name: 'Line', phone: '988' }] } }), collector.endpoint);
    const footer = survey.root.querySelector('[part="footer"]')!;
    expect(footer.querySelectorAll('h1, h2, h3, h4, h5, h6')).to.have.length(1);
    expect(footer.querySelector('[part="safety-heading"]')!.textContent).to.equal('Need help now?');
    expect(footer.textContent!.match(/help now/gi)).to.have.length(1);
  });
});

describe('<encounter-survey> themes', () => {
  const themed = async (theme: string, extra: Record<string, unknown> = {}) => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(extra), collector.endpoint);
    survey.element.setAttribute('theme', theme);
    await survey.settle();
    return survey;
  };

  /** Text, muted text, links and buttons against their backgrounds; borders of controls at 3:1. */
  function checkContrast(survey: SurveyHarness) {
    const base = getComputedStyle(survey.root.querySelector('[part~="base"]')!);
    const background = rgb(base.backgroundColor);
    const style = (selector: string) => getComputedStyle(survey.root.querySelector(selector)!);
    expect(contrast(rgb(base.color), background), 'text').to.be.at.least(4.5);
    expect(contrast(rgb(style('.optional').color), background), 'muted').to.be.at.least(4.5);
    const submit = style('[part~="submit-button"]');
    expect(contrast(rgb(submit.color), rgb(submit.backgroundColor)), 'primary button').to.be.at.least(4.5);
    expect(contrast(rgb(style('[part~="disclosure"] summary').color), background), 'link').to.be.at.least(4.5);
    expect(contrast(rgb(style('[part="option"]').borderTopColor), background), 'card border').to.be.at.least(3);
  }

  for (const theme of ['light', 'dark', 'high-contrast']) {
    it(`${theme}: every colour pair is readable, and axe finds nothing`, async () => {
      const survey = await themed(theme);
      checkContrast(survey);
      await survey.press('submit-button');
      await expect(survey.element).to.be.accessible();
    });
  }

  it('auto follows the device', async function () {
    if (!isChromium) this.skip(); // WebDriver and WebDriver BiDi cannot emulate it
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const survey = await themed('auto');
      const background = rgb(getComputedStyle(survey.root.querySelector('[part~="base"]')!).backgroundColor);
      expect(contrast(background, [0, 0, 0])).to.be.below(2, 'a dark background');
      checkContrast(survey);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('adjusts a brand colour that is too faint, and tells the page author which colour', async () => {
    const collector = await createTestCollector();
    const element = document.createElement('encounter-survey');
    element.config = sampleConfig({ theme: { accent: '#ffe066' } });
    element.setAttribute('endpoint', collector.endpoint);
    const warned = oneEvent(element, 'survey-config-warning') as Promise<SurveyConfigWarningEvent>;
    const original = console.warn;
    console.warn = () => undefined;
    try {
      document.body.append(element);
      const { detail } = await warned;
      expect(detail.issues[0]!.path).to.equal('theme.accent');
      expect(detail.issues[0]!.message).to.contain('#ffe066').and.contain('4.5:1');
      const survey = new SurveyHarness(element);
      await survey.shown();
      checkContrast(survey);
      await survey.choose('support', 'emotional');
      const card = getComputedStyle(survey.input('support', 'emotional').closest('label')!);
      expect(contrast(rgb(card.borderTopColor), [255, 255, 255])).to.be.at.least(3);
    } finally {
      console.warn = original;
      element.remove();
    }
  });

  it('takes the brand colour from --es-accent too, and leaves a readable one alone', async () => {
    const collector = await createTestCollector();
    const wrapper = await fixture<HTMLElement>(html`<div style="--es-accent: #6b2fa3"></div>`);
    let warned = false;
    wrapper.addEventListener('survey-config-warning', () => (warned = true));
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    wrapper.append(survey.element);
    survey.element.refreshTheme();
    await waitUntil(() => getComputedStyle(survey.button('submit-button')!).backgroundColor === 'rgb(107, 47, 163)', 5000, 'the brand colour');
    expect(warned).to.equal(false);
  });

  it('keeps every primary button label visible in forced colours', async function () {
    if (!isChromium) this.skip(); // only Playwright can emulate forced colours
    await emulateMedia({ forcedColors: 'active' });
    try {
      const collector = await createTestCollector();
      const survey = await renderSurvey(sampleConfig({ pages: [{ questions: ['support'] }, { questions: ['helpful', 'heard', 'why', 'comment'] }] }), collector.endpoint);
      for (const part of ['next-button']) {
        const button = getComputedStyle(survey.button(part)!);
        expect(button.color, part).not.to.equal(button.backgroundColor);
        expect(contrast(rgb(button.color), rgb(button.backgroundColor)), part).to.be.at.least(4.5);
      }
      const kiosk = await renderSurvey(sampleConfig(), collector.endpoint, { mode: 'kiosk' });
      const start = getComputedStyle(kiosk.button('start-button')!);
      expect(contrast(rgb(start.color), rgb(start.backgroundColor)), 'start-button').to.be.at.least(4.5);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});

// One test per defect the independent accessibility audit found (axe was clean for all of them).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/survey-summary/survey-summary.define.js';
import type { SurveySummary } from '../../../src/components/survey-summary/survey-summary.js';
import { parseSurveyConfig } from '../../../src/core/config/parse.js';
import { createTestCollector } from '../../support/collector.js';
import { renderKiosk, renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';

const kioskConfig = (kiosk: Record<string, unknown> = {}) => sampleConfig({ kiosk: { staffPin: '2468', ...kiosk } });

const kiosk = (kioskOptions: Record<string, unknown> = {}) => renderKiosk(kioskConfig(kioskOptions));

/** Ctrl+Alt+S as real key presses; WebDriver can only press one key, so WebKit gets the event itself. */
async function pressStaffShortcut(survey: SurveyHarness) {
  if (/AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent)) {
    active(survey)!.dispatchEvent(new KeyboardEvent('keydown', { key: 's', code: 'KeyS', ctrlKey: true, altKey: true, bubbles: true, composed: true }));
    return;
  }
  await sendKeys({ down: 'Control' });
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: 'KeyS' });
  await sendKeys({ up: 'Alt' });
  await sendKeys({ up: 'Control' });
}

const active = (survey: SurveyHarness) => survey.root.activeElement as HTMLElement | null;

describe('accessibility audit: kiosk', () => {
  it('keeps the staff corner out of the Tab order and the accessibility tree; staff use Ctrl+Alt+S', async () => {
    const { survey } = await kiosk();
    const corner = survey.root.querySelector<HTMLElement>('[part="staff-corner"]')!;
    expect(corner.tabIndex).to.equal(-1);
    expect(corner.getAttribute('aria-hidden')).to.equal('true');
    expect(corner.matches('button, a, [role]')).to.equal(false);
    // Tab from the start button never lands on the corner.
    survey.button('start-button')!.focus();
    for (let press = 0; press < 8; press++) {
      await sendKeys({ press: 'Tab' });
      expect(active(survey)).not.to.equal(corner);
    }
    survey.button('start-button')!.focus();
    await pressStaffShortcut(survey);
    await survey.settle();
    expect(survey.root.querySelector('[part="staff-panel"]')).to.exist;
  });

  it('gives at least 20 seconds to answer "Are you still there?", and refuses less', () => {
    expect(parseSurveyConfig(sampleConfig()).kiosk.warningSeconds).to.equal(20);
    expect(() => parseSurveyConfig(sampleConfig({ kiosk: { warningSeconds: 0 } }))).to.throw(/kiosk.warningSeconds: Must be at least 20/);
  });

  it('never leaves focus on the page body: panel, PIN, Close, Escape, "I\'m still here", hand-over', async () => {
    const { survey, clock, collector } = await kiosk({ passTheTablet: true });
    // Opening the panel puts focus on the PIN; the right PIN, on the panel's heading.
    survey.element.dispatchEvent(new KeyboardEvent('keydown', { key: 's', code: 'KeyS', ctrlKey: true, altKey: true, bubbles: true, composed: true }));
    await survey.settle();
    expect(active(survey)!.id).to.equal('staff-pin');
    const pin = active(survey) as HTMLInputElement;
    pin.value = '2468';
    pin.form!.requestSubmit();
    await survey.settle();
    expect(active(survey)!.id).to.equal('staff-title');
    // Escape closes it, and focus returns to the screen beneath.
    await sendKeys({ press: 'Escape' });
    await survey.settle();
    expect(survey.root.querySelector('[part="staff-panel"]')).to.equal(null);
    expect(active(survey)).to.equal(survey.button('start-button'));

    await survey.press('start-button');
    expect(active(survey)?.closest('legend') != null).to.equal(true, "the first question's legend, not an unnamed form");
    survey.input('support', 'emotional').focus();
    clock.advance(60_000);
    await survey.settle();
    expect(active(survey)).to.equal(survey.button('extend-button'));
    await survey.press('extend-button');
    expect(active(survey)).to.equal(survey.input('support', 'emotional'), 'back where the respondent was');

    await survey.choose('support', 'emotional');
    await survey.submit();
    await collector.waitFor((state) => state.records.length === 1);
    expect(active(survey)?.getAttribute('part')).to.equal('thank-you');
    clock.advance(8_000);
    await survey.settle();
    expect(survey.root.querySelector('[part="handover"]')).to.exist;
    expect(active(survey)).to.equal(survey.button('start-button'), 'the hand-over screen takes focus');
  });
});

describe('accessibility audit: questions and errors', () => {
  it('exposes required questions as required', async () => {
    const collector = await createTestCollector();
    const config = sampleConfig({
      questions: [
        { id: 'support', type: 'support-types', label: 'Support', required: true },
        { id: 'heard', type: 'single', label: 'Heard?', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
        { id: 'helpful', type: 'rating', label: 'Helpful?', required: true },
        { id: 'words', type: 'text', label: 'Words', required: true },
      ],
    });
    const survey = await renderSurvey(config, collector.endpoint);
    expect(survey.question('heard')!.getAttribute('aria-required')).to.equal('true');
    expect(survey.question('helpful')!.getAttribute('aria-required')).to.equal('true');
    expect(survey.question('words')!.querySelector('input')!.required).to.equal(true);
    // A checkbox group has no programmatic "required": its name says it.
    expect(survey.question('support')!.querySelector('legend')!.textContent!.replace(/\s+/g, ' ')).to.contain('Support, required');
  });

  it('names the real problem, and announces the summary again on a second Submit', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig({ questions: [{ id: 'note', type: 'text', label: 'Note', maxLength: 5 }] }), collector.endpoint);
    const field = survey.question('note')!.querySelector('input')!;
    expect(field.maxLength).to.equal(5);
    // A script (or a paste where maxlength is not enforced) can put more in: the count says how many too many.
    field.value = 'too many words';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await survey.settle();
    expect(survey.question('note')!.querySelector('[part="character-count"]')!.textContent).to.contain('9 characters too many');
    await survey.press('submit-button');
    const summary = survey.root.querySelector('[part="error-summary"]')!;
    expect(summary.textContent).not.to.contain('needs an answer');
    expect(survey.question('note')!.textContent).to.contain('Please keep this under 5 characters.');
    const first = summary.querySelector('p');
    await survey.press('submit-button');
    expect(summary.querySelector('p')).not.to.equal(first, 'a new message node, so the alert is read again');
  });

  it('reads labels and markers with a space between, and never "(optional) (optional)"', async () => {
    const collector = await createTestCollector();
    const preset = await fixture<HTMLElement>(html`<encounter-survey endpoint=${collector.endpoint} lang="en"></encounter-survey>`);
    const survey = new SurveyHarness(preset as never);
    await waitUntil(() => survey.question('comment') !== null, 8000, 'the default preset');
    const text = survey.root.textContent!.replace(/\s+/g, ' ');
    expect(text).not.to.contain('(optional) (optional)');
    expect(survey.question('heard')!.querySelector('legend')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Did you feel heard? (optional)');
  });

  it('speaks Arabic support types in Arabic, and marks text that falls back to another language', async () => {
    const collector = await createTestCollector();
    const config = sampleConfig({
      locales: ['en', 'ar'],
      title: { ar: 'كيف كان يومك؟', en: 'How was today?' },
      questions: [
        { id: 'support', type: 'support-types', label: { ar: 'ما أنواع الدعم؟', en: 'Which support?' } },
        { id: 'heard', type: 'single', label: { ar: 'هل شعرت بأنك مسموع؟', en: 'Heard?' }, options: [{ value: 'yes', label: { en: 'Yes', ar: 'نعم' } }, { value: 'no', label: { en: 'No' } }] },
      ],
    });
    const survey = await renderSurvey(config, collector.endpoint, { lang: 'ar' });
    expect(survey.input('support', 'emotional').closest('label')!.textContent).to.contain('الدعم العاطفي');
    const english = survey.input('heard', 'no').closest('label')!.querySelector('[lang]')!;
    expect(english.getAttribute('lang')).to.equal('en');
    expect(english.textContent).to.equal('No');
    expect(survey.input('heard', 'yes').closest('label')!.querySelector('[lang]')).to.equal(null);
  });
});

describe('accessibility audit: <survey-summary>', () => {
  it('does not scroll sideways at 320 px (the hidden table used to keep its width)', async function () {
    // Only a 320 px viewport shows it; WebDriver cannot resize from a test.
    if (/AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent)) this.skip();
    await setViewport({ width: 320, height: 700 });
    try {
      const summary = await fixture<SurveySummary>(html`<survey-summary></survey-summary>`);
      summary.labels = { a: 'A very long answer label that a table cannot squeeze narrower than its words', b: 'Another long answer label' };
      const count = (n: number | null) => ({ count: n, display: n === null ? '<11' : String(n) });
      summary.question = 'q';
      summary.summary = {
        format: 'encounter-survey/summary@2',
        survey: 's',
        title: 'S',
        k: 11,
        rounding: 5,
        unit: 'month',
        range: { start: '2026-10-01', end: '2026-11-01' },
        filters: {},
        total: count(40),
        series: [],
        open: { start: '2026-11-01', end: '2026-12-01', total: count(null) },
        questions: [
          {
            id: 'q',
            kind: 'single',
            label: 'Q',
            answered: count(40),
            cells: [
              { value: 'a', label: 'a', ...count(20), percent: 50 },
              { value: 'b', label: 'b', ...count(null), percent: null },
            ],
          },
        ],
      };
      await waitUntil(() => summary.shadowRoot!.querySelector('[part="table"]') !== null);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

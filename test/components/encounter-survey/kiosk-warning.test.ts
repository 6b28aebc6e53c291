import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { renderKiosk, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';
import type { ManualClock } from '../../support/manual-clock.js';

// Catalogue 51 and 52: the kiosk's idle warning and its thank-you.
const config = (overrides: Record<string, unknown> = {}) =>
  sampleConfig({ kiosk: { idleSeconds: 60, warningSeconds: 20, thankYouSeconds: 30 }, ...overrides });

/** Answers everything required, leaves focus on a checkbox, and lets the idle warning come up. */
async function warningOver(survey: SurveyHarness, clock: ManualClock) {
  await survey.press('start-button');
  await survey.choose('support', 'emotional');
  const left = survey.input('support', 'emotional');
  left.focus();
  clock.advance(60_000);
  await survey.settle();
  expect(survey.root.querySelector('[part="idle-warning"]')).not.to.equal(null);
  expect(survey.root.activeElement).to.equal(survey.button('extend-button'));
  return left;
}

/** The centre of an element, in the page's coordinates (what a finger touches). */
function centre(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('<encounter-survey mode="kiosk"> "Are you still there?"', function () {
  this.timeout(30_000);

  for (const [how, act] of [
    ['Enter', () => sendKeys({ press: 'Enter' })],
    ['Space', () => sendKeys({ press: ' ' })],
    ['a tap', (survey: SurveyHarness) => sendMouse({ type: 'click', position: centre(survey.button('extend-button')!) })],
  ] as const) {
    it(`${how} on "I'm still here" extends, submits nothing, and hands focus back to the control it left`, async () => {
      const { survey, clock, collector } = await renderKiosk(config());
      const left = await warningOver(survey, clock);
      let submitted = 0;
      survey.element.addEventListener('survey-submit', () => submitted++);
      await act(survey);
      await survey.settle();
      await waitUntil(() => survey.root.activeElement === left, 2000, 'focus to return to the checkbox');
      expect(survey.root.querySelector('[part="idle-warning"]')).to.equal(null);
      expect(submitted).to.equal(0);
      expect(survey.button('submit-button')).not.to.equal(null, 'still answering');
      expect(survey.root.querySelector('[part="thank-you"]')).to.equal(null);
      expect(left.checked).to.equal(true);
      expect((await collector.state()).requests).to.have.length(0);
      // The wait starts again: no warning until another full idle time has passed.
      clock.advance(59_000);
      await survey.settle();
      expect(survey.root.querySelector('[part="idle-warning"]')).to.equal(null);
    });
  }

  it('ignores other keys and touches while it shows: only its button ends it', async () => {
    const { survey, clock } = await renderKiosk(config());
    await warningOver(survey, clock);
    await sendKeys({ press: 'Shift' });
    await sendMouse({ type: 'click', position: [5, 5] });
    await survey.settle();
    expect(survey.root.querySelector('[part="idle-warning"]')).not.to.equal(null);
  });

  it('is a centred overlay that dims the form, in view on a tall form', async () => {
    const { survey, clock } = await renderKiosk(config());
    await warningOver(survey, clock);
    const card = survey.root.querySelector('[part="idle-warning"]')!.getBoundingClientRect();
    const overlay = survey.root.querySelector('.idle-overlay')!;
    const cover = overlay.getBoundingClientRect();
    // The viewport without scrollbars (Firefox counts them in innerWidth).
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    expect(cover.width).to.be.closeTo(width, 1);
    expect(cover.height).to.be.closeTo(height, 1);
    expect(getComputedStyle(overlay).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    expect(Math.abs(card.x + card.width / 2 - width / 2)).to.be.below(2);
    expect(Math.abs(card.y + card.height / 2 - height / 2)).to.be.below(2);
    await expect(survey.element).to.be.accessible();
  });
});

describe('<encounter-survey mode="kiosk"> thank-you', function () {
  this.timeout(30_000);

  it('offline: the heading is a neutral "Thank you." and nothing says "Sent"', async () => {
    const { survey, collector } = await renderKiosk(config({ thankYou: undefined }));
    await collector.script({ status: 503 }, { status: 503 }, { status: 503 });
    await survey.press('start-button');
    await survey.choose('support', 'emotional');
    await survey.submit();
    await waitUntil(() => survey.statusText() !== '');
    expect(survey.root.querySelector('[part="thank-you"] h2')!.textContent).to.equal('Thank you.');
    expect(survey.statusText()).to.equal('Saved on this device. It will be sent automatically.');
    expect(survey.text()).not.to.contain('Sent');
  });

  it('online: says sent once delivered, and never says anything twice', async () => {
    const { survey } = await renderKiosk(config({ thankYou: undefined }));
    await survey.press('start-button');
    await survey.choose('support', 'emotional');
    const delivered = oneEvent(survey.element, 'survey-delivered');
    await survey.submit();
    await delivered;
    await survey.settle();
    expect(survey.root.querySelector('[part="thank-you"] h2')!.textContent).to.equal('Thank you.');
    expect(survey.statusText()).to.equal('Your answers have been sent.');
    expect(survey.text().match(/Thank you/g)).to.have.length(1);
  });

  for (const [lang, heading] of [['es', 'Gracias.'], ['fr', 'Merci.'], ['ar', 'شكرًا لك.']] as const) {
    it(`in ${lang}: the neutral heading is "${heading}"`, async () => {
      const { survey, collector } = await renderKiosk(config({ thankYou: undefined, locales: [lang] }));
      await collector.script({ status: 503 });
      // Kiosk strings in another language load on demand.
      await waitUntil(() => survey.button('start-button') !== null, 8000, 'the start screen');
      await survey.press('start-button');
      await survey.choose('support', 'emotional');
      await survey.submit();
      expect(survey.root.querySelector('[part="thank-you"] h2')!.textContent).to.equal(heading);
    });
  }
});

// Visual regression in Chromium: every question type, in each theme and each embed mode, at a phone
// and a desktop width, compared with the committed baselines (a small per-pixel tolerance).
// `npm run test:update-screenshots` accepts intended changes; look at the images before committing.
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { createTestCollector } from '../support/collector.js';
import { renderSurvey, sampleConfig, SurveyHarness } from '../support/survey-harness.js';

const isChromium = /Chrome/.test(navigator.userAgent);

/** One page with every question type: support types, single, multiple, a numbered scale, faces, text. */
const everyType = () =>
  sampleConfig({
    intro: 'Anonymous, and about a minute.',
    pages: [{ questions: ['support', 'helpful', 'mood', 'heard', 'topics', 'comment'] }, { questions: ['why'] }],
    questions: [
      { id: 'support', type: 'support-types', label: 'Which kinds of support did you receive?', required: true, allowOther: true, options: ['emotional', 'social', 'practical', 'other'] },
      { id: 'helpful', type: 'rating', label: 'How helpful was it?', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very' },
      { id: 'mood', type: 'rating', label: 'How do you feel now?', display: 'faces', min: 1, max: 5 },
      { id: 'heard', type: 'single', label: 'Did you feel heard?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
      { id: 'topics', type: 'multiple', label: 'What did you talk about?', options: [{ value: 'housing', label: 'Housing', description: 'A place to live' }, { value: 'work', label: 'Work' }] },
      { id: 'comment', type: 'text', label: 'Anything else?', multiline: true, maxLength: 300 },
      { id: 'why', type: 'text', label: 'Why?' },
    ],
    safety: { footer: 'This survey is not monitored.', helplines: [{ name: 'Crisis line', phone: '988' }] },
  });

async function answerSome(survey: SurveyHarness) {
  await survey.choose('support', 'emotional', 'other');
  await survey.typeOther('support', 'A walk');
  await survey.rate('helpful', 4);
  await survey.rate('mood', 5);
  await survey.choose('heard', 'yes');
  (survey.root.activeElement as HTMLElement | null)?.blur();
}

describe('visual regression (Chromium)', function () {
  this.timeout(120_000);
  before(function () {
    if (!isChromium) this.skip();
    document.body.style.fontFamily = '"DejaVu Sans", sans-serif';
    document.body.style.margin = '0';
    document.body.style.background = '#e9edec';
  });
  after(async () => {
    if (isChromium) await setViewport({ width: 800, height: 600 });
  });

  for (const width of [390, 1280]) {
    for (const theme of ['light', 'dark', 'high-contrast']) {
      for (const mode of ['inline', 'dialog', 'slide-in']) {
        it(`${mode}, ${theme}, ${width} px`, async () => {
          await setViewport({ width, height: 900 });
          const collector = await createTestCollector();
          const survey = await renderSurvey(everyType(), collector.endpoint, { mode });
          survey.element.setAttribute('theme', theme);
          if (mode !== 'inline') await survey.element.open();
          await survey.settle();
          await answerSome(survey);
          await survey.settle();
          const target = mode === 'inline' ? survey.element : survey.root.querySelector<HTMLElement>('dialog, [part~="slide-in"]')!;
          if (mode !== 'inline') target.scrollTop = 0;
          await visualDiff(target, `${mode}-${theme}-${width}`);
          if (mode !== 'inline') survey.element.close();
          survey.element.remove();
        });
      }
    }
  }

  it('before and after: the default survey', async () => {
    await setViewport({ width: 720, height: 900 });
    const collector = await createTestCollector();
    const survey = await renderSurvey(everyType(), collector.endpoint);
    await survey.press('next-button');
    await visualDiff(survey.element, 'inline-light-errors');
    survey.element.remove();
  });
});

import { expect } from '@open-wc/testing';
import '../../../src/components/encounter-survey/encounter-survey.define.js';
import type { Submission } from '../../../src/core/submission-schema.js';
import { createTestCollector } from '../../support/collector.js';
import { renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-driver.js';

/** Issue #22: what in a free-text answer could identify someone is pointed out (or redacted) on the device. */
describe('<encounter-survey> free-text guard (privacy.freeText)', function () {
  this.timeout(60_000);

  // What a test queued is delivered before the next file runs: the outbox's database outlives the page,
  // and a record left pending would be counted by the next file's kiosk staff panel.
  let last: { queued: Submission[]; delivered: unknown[] } | null = null;
  afterEach(async () => {
    const done = last;
    last = null;
    if (done?.queued.length) await waitUntil(() => done.delivered.length >= done.queued.length, 8000, 'what was queued to be delivered');
  });

  async function start(privacy?: { freeText: string }, options: { lang?: string } = {}, overrides: Record<string, unknown> = {}) {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig({ ...(privacy ? { privacy } : {}), ...overrides }), collector.endpoint, options);
    const queued: Submission[] = [];
    const submitted: Submission[] = [];
    survey.element.addEventListener('survey-queued', () => queued.push(submitted.at(-1)!));
    survey.element.addEventListener('survey-submit', (event) => submitted.push((event as CustomEvent<{ submission: Submission }>).detail.submission));
    const delivered: unknown[] = [];
    survey.element.addEventListener('survey-delivered', (event) => delivered.push(event));
    last = { queued, delivered };
    await survey.choose('support', 'emotional');
    return { survey, queued, submitted };
  }

  const notice = (survey: SurveyHarness, id = 'comment') => survey.question(id)?.querySelector<HTMLElement>('[part~="free-text-notice"]') ?? null;
  const noticeText = (survey: SurveyHarness, id = 'comment') => notice(survey, id)?.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const field = (survey: SurveyHarness) => survey.question('comment')!.querySelector('textarea')!;
  const submitted = async (survey: SurveyHarness, list: Submission[]) => {
    await survey.press('submit-button');
    await waitUntil(() => list.length > 0, 8000, 'the response to be submitted');
    return list.at(-1)!;
  };

  it('warn (the default): a phone number being typed is pointed out, gently, before anything is queued', async () => {
    const { survey, queued } = await start();
    await survey.type('comment', 'It helped. Call me on 07700 900123 if you want.');
    await waitUntil(() => noticeText(survey) !== '', 8000, 'the notice');
    expect(noticeText(survey)).to.contain('a phone number').and.contain('anonymous');
    expect(queued).to.have.length(0);
    const [remove, keep] = notice(survey)!.querySelectorAll('button');
    expect(remove!.textContent!.trim()).to.equal('Remove it');
    expect(keep!.textContent!.trim()).to.equal('Keep it');
    await expect(survey.element).to.be.accessible();
  });

  it('Submit stops for it, even before typing pauses; "Remove it" takes it out and the rest is sent', async () => {
    const { survey, queued, submitted: list } = await start();
    await survey.type('comment', 'Thank you. Email sam@example.org please');
    await survey.press('submit-button');
    await waitUntil(() => noticeText(survey) !== '', 8000, 'the notice');
    expect(noticeText(survey)).to.contain('an email address');
    expect(queued).to.have.length(0, 'nothing is queued while the respondent decides');
    expect(list).to.have.length(0);
    notice(survey)!.querySelector<HTMLButtonElement>('[part~="free-text-remove"]')!.click();
    await survey.settle();
    expect(field(survey).value).to.equal('Thank you. Email please');
    expect(survey.root.activeElement).to.equal(field(survey), 'focus goes back to the text box');
    expect(noticeText(survey)).to.equal('');
    const submission = await submitted(survey, list);
    expect(submission.answers['comment']).to.equal('Thank you. Email please');
  });

  it('"Keep it" keeps it: no second question, and it is sent as typed', async () => {
    const { survey, submitted: list } = await start();
    await survey.type('comment', 'My number is 07700 900123');
    await waitUntil(() => noticeText(survey) !== '', 8000, 'the notice');
    notice(survey)!.querySelector<HTMLButtonElement>('[part~="free-text-keep"]')!.click();
    await survey.settle();
    expect(noticeText(survey)).to.equal('');
    expect(survey.root.activeElement).to.equal(field(survey));
    const submission = await submitted(survey, list);
    expect(submission.answers['comment']).to.equal('My number is 07700 900123');
  });

  it('points out an e-mail address in an "Other" box too', async () => {
    const { survey } = await start();
    await survey.choose('support', 'other');
    await survey.typeOther('support', 'write to me: sam@example.org');
    await waitUntil(() => noticeText(survey, 'support') !== '', 8000, 'the notice');
    expect(noticeText(survey, 'support')).to.contain('an email address');
  });

  it('redact: the response carries "[phone]", and nothing is shown', async () => {
    const { survey, submitted: list } = await start({ freeText: 'redact' });
    await survey.type('comment', 'Call me on 07700 900123');
    const submission = await submitted(survey, list);
    expect(submission.answers['comment']).to.equal('Call me on [phone]');
    expect(survey.text()).not.to.contain('phone number');
  });

  it('off: nothing is shown and the text is sent as typed', async () => {
    const { survey, submitted: list } = await start({ freeText: 'off' });
    await survey.type('comment', 'Call me on 07700 900123');
    const submission = await submitted(survey, list);
    expect(submission.answers['comment']).to.equal('Call me on 07700 900123');
    expect(survey.text()).not.to.contain('phone number');
  });

  it('an ordinary sentence goes through without a word', async () => {
    const { survey, submitted: list } = await start();
    await survey.type('comment', 'I felt listened to for the first time in 3 years, thank you.');
    const submission = await submitted(survey, list);
    expect(submission.answers['comment']).to.equal('I felt listened to for the first time in 3 years, thank you.');
    expect(noticeText(survey)).to.equal('');
  });

  it('Arabic, with Arabic-Indic digits: told in Arabic', async () => {
    const { survey, queued } = await start(undefined, { lang: 'ar' }, { locales: ['ar', 'en'] });
    await survey.type('comment', 'اتصلوا بي على ٠٧٧٠٠ ٩٠٠١٢٣ من فضلكم');
    await survey.press('submit-button');
    await waitUntil(() => noticeText(survey) !== '', 8000, 'the notice');
    expect(noticeText(survey)).to.contain('رقم هاتف', 'in Arabic from its first word');
    expect(notice(survey)!.querySelector('[part~="free-text-remove"]')!.textContent!.trim()).to.equal('إزالته');
    expect(queued).to.have.length(0);
    await expect(survey.element).to.be.accessible();
  });
});

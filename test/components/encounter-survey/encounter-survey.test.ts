import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EncounterSurvey } from '../../../src/components/encounter-survey/encounter-survey.js';
import type { SurveyResetEvent } from '../../../src/events/survey-reset.js';
import type { SurveyConfigErrorEvent } from '../../../src/events/survey-config-error.js';
import { createTestCollector } from '../../support/collector.js';
import { renderSurvey, sampleConfig, SurveyHarness, waitUntil } from '../../support/survey-harness.js';

describe('<encounter-survey>', () => {
  it('renders the first page accessibly, with every question type as native inputs', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await expect(survey.element).to.be.accessible();
    expect(survey.visibleQuestionIds()).to.deep.equal(['support', 'helpful', 'heard', 'comment']);
    expect(survey.root.querySelectorAll('[data-question="support"] input[type="checkbox"]').length).to.be.greaterThan(5);
    expect(survey.root.querySelectorAll('[data-question="helpful"] input[type="radio"]').length).to.equal(5);
    expect(survey.question('support')!.tagName).to.equal('FIELDSET');
    expect(survey.question('comment')!.querySelector('textarea')).to.exist;
  });

  it('submits an anonymous response that the endpoint stores exactly once, and says it was sent', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    const events: string[] = [];
    for (const type of ['survey-submit', 'survey-queued', 'survey-delivered']) {
      survey.element.addEventListener(type, () => events.push(type));
    }
    await survey.choose('support', 'emotional', 'social');
    await survey.rate('helpful', 5);
    await survey.choose('heard', 'yes');
    await survey.type('comment', '  Thank you 🌱  ');
    await survey.submit();
    const state = await collector.waitFor((current) => current.records.length === 1);
    const body = state.records[0]!.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).to.deep.equal(['answers', 'id', 'locale', 'submittedAt', 'survey', 'tags']);
    expect(body.answers).to.deep.equal({ support: ['emotional', 'social'], helpful: 5, heard: 'yes', comment: 'Thank you 🌱' });
    expect(body.tags).to.deep.equal({ site: 'test-site' });
    expect(state.records[0]!.key).to.equal(body.id);
    await waitUntil(() => events.includes('survey-delivered'));
    expect(events).to.deep.equal(['survey-submit', 'survey-queued', 'survey-delivered']);
    await waitUntil(() => survey.statusText() === 'Your answers have been sent.', 8000, 'the status line to say Sent');
    expect(survey.text()).to.contain('Thank you for telling us.');
    expect(survey.root.activeElement).to.equal(survey.root.querySelector('[part="thank-you"]'), 'focus moves to the thank-you');
    await expect(survey.element).to.be.accessible();
  });

  it('blocks a submission with missing answers, announces it and focuses the first problem', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.rate('helpful', 3);
    await survey.press('submit-button');
    await survey.settle();
    const summary = survey.root.querySelector('[part="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent).to.contain('Please look again at 1 question');
    expect(survey.question('support')!.getAttribute('aria-invalid')).to.equal('true');
    expect(survey.question('support')!.textContent).to.contain('Please answer this question.');
    expect(survey.root.activeElement).to.equal(survey.input('support', 'emotional'));
    // Nothing the respondent gave is lost.
    expect(survey.input('helpful', '3').checked).to.equal(true);
    await expect(survey.element).to.be.accessible();
    expect((await collector.state()).requests).to.have.length(0);
  });

  it('applies showIf live', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    expect(survey.question('why')).to.equal(null);
    await survey.choose('heard', 'no');
    expect(survey.question('why')).to.exist;
    await survey.choose('heard', 'yes');
    expect(survey.question('why')).to.equal(null);
  });

  it('sends only questions that were shown', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.choose('support', 'practical');
    await survey.choose('heard', 'no');
    await survey.type('why', 'More time');
    await survey.choose('heard', 'yes');
    await survey.submit();
    const state = await collector.waitFor((current) => current.records.length === 1);
    expect((state.records[0]!.body as { answers: object }).answers).to.deep.equal({ support: ['practical'], heard: 'yes' });
  });

  it('moves through pages with Back and Next, keeping answers', async () => {
    const collector = await createTestCollector();
    const config = sampleConfig({ pages: [{ questions: ['support', 'helpful'] }, { questions: ['heard', 'why', 'comment'] }] });
    const survey = await renderSurvey(config, collector.endpoint);
    expect(survey.text()).to.contain('Step 1 of 2');
    await survey.next();
    expect(survey.visibleQuestionIds()).to.deep.equal(['support', 'helpful'], 'Next is blocked by the required question');
    await survey.choose('support', 'emotional');
    await survey.next();
    expect(survey.text()).to.contain('Step 2 of 2');
    expect(survey.visibleQuestionIds()).to.deep.equal(['heard', 'comment']);
    await expect(survey.element).to.be.accessible();
    await survey.press('back-button');
    expect(survey.input('support', 'emotional').checked).to.equal(true);
  });

  it('sends one response however often Submit is pressed', async () => {
    const collector = await createTestCollector();
    await collector.script({ delayMs: 300 });
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.choose('support', 'emotional');
    const submit = survey.button('submit-button')!;
    submit.click();
    submit.click();
    survey.element.submit();
    submit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await collector.waitFor((current) => current.records.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const state = await collector.state();
    expect(state.records).to.have.length(1);
    expect(new Set(state.requests.map((request) => request.key)).size).to.equal(1);
  });

  it('lets the page cancel survey-submit and handle the payload itself', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    survey.element.addEventListener('survey-submit', (event) => event.preventDefault());
    await survey.choose('support', 'emotional');
    const result = await survey.element.submit();
    expect(result).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await collector.state()).requests).to.have.length(0);
  });

  it('sends free text with emoji, right-to-left text and lone surrogates intact, counted in code points', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.choose('support', 'other');
    await survey.typeOther('support', 'مساعدة 👩🏽‍🤝‍👩🏻');
    await survey.type('comment', 'שלום 🌍 \uD800 end');
    expect(survey.question('comment')!.textContent).to.contain(`${500 - [...'שלום 🌍 \uD800 end'].length} of 500`);
    await survey.submit();
    const state = await collector.waitFor((current) => current.records.length === 1);
    const answers = (state.records[0]!.body as { answers: Record<string, unknown> }).answers;
    expect(answers['support.other']).to.equal('مساعدة 👩🏽‍🤝‍👩🏻');
    // A lone surrogate cannot travel in UTF-8; JSON carries it as U+FFFD, never dropping the rest.
    expect(String(answers.comment).startsWith('שלום 🌍 ')).to.equal(true);
    expect(String(answers.comment).endsWith(' end')).to.equal(true);
  });

  it('renders hostile config strings as inert text', async () => {
    const collector = await createTestCollector();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></script>\u202Eevil';
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const config = sampleConfig({
      title: hostile,
      intro: hostile,
      questions: [
        {
          id: 'q',
          type: 'single',
          label: hostile,
          help: hostile,
          options: [{ value: 'a', label: hostile }],
        },
      ],
      thankYou: hostile,
    });
    const survey = await renderSurvey(config, collector.endpoint);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(survey.root.querySelector('img')).to.equal(null);
    expect(survey.root.querySelector('[part~="base"] script')).to.equal(null);
    expect(survey.root.querySelector('[part="title"]')!.textContent).to.equal(hostile);
    expect(survey.root.querySelector('[part="option-label"]')!.textContent).to.equal(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows config problems to the page author and fires survey-config-error without throwing', async () => {
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const element = document.createElement('encounter-survey') as EncounterSurvey;
      element.config = { id: 'x', version: '1', title: 'T', questions: [{ id: 'a', type: 'single', label: 'A', options: [] }] };
      const event = oneEvent(element, 'survey-config-error') as Promise<SurveyConfigErrorEvent>;
      document.body.append(element);
      const { detail } = await event;
      await element.updateComplete;
      expect(detail.issues.some((issue) => issue.path === 'questions[0].options')).to.equal(true);
      const box = element.shadowRoot!.querySelector('[part~="config-error"]')!;
      expect(box.textContent).to.contain('questions[0].options');
      expect(errors).to.have.length(1);
      await expect(element).to.be.accessible();
      element.remove();
    } finally {
      console.error = originalError;
    }
  });

  it('reports a missing or insecure endpoint as a setup problem, and accepts a relative one', async () => {
    const originalError = console.error;
    console.error = () => undefined;
    try {
      for (const [endpoint, expected] of [
        ['', 'No endpoint to send responses to'],
        ['http://collector.example.org/responses', 'https'],
        ['javascript:alert(1)', 'Unsafe link'],
      ] as const) {
        const element = document.createElement('encounter-survey') as EncounterSurvey;
        element.config = sampleConfig();
        if (endpoint) element.setAttribute('endpoint', endpoint);
        const event = oneEvent(element, 'survey-config-error') as Promise<SurveyConfigErrorEvent>;
        document.body.append(element);
        const { detail } = await event;
        expect(detail.issues[0]!.path).to.equal('endpoint');
        expect(detail.issues[0]!.message).to.contain(expected);
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('[part~="config-error"]')!.textContent).to.contain(expected);
        element.remove();
      }
    } finally {
      console.error = originalError;
    }
    const collector = await createTestCollector();
    const relative = new URL(collector.endpoint).pathname;
    const survey = await renderSurvey(sampleConfig(), relative);
    await survey.choose('support', 'emotional');
    await survey.submit();
    await collector.waitFor((state) => state.records.length === 1);
  });

  it('reads config from inline JSON, then src, then the preset', async () => {
    const collector = await createTestCollector();
    const inline = await fixture<EncounterSurvey>(html`<encounter-survey endpoint=${collector.endpoint}>
      <script type="application/json">
        {"id":"inline","version":"1","title":"From inline JSON","questions":[{"id":"q","type":"text","label":"Say something"}]}
      </script>
    </encounter-survey>`);
    await inline.updateComplete;
    expect(inline.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('From inline JSON');

    const fromSrc = await fixture<EncounterSurvey>(
      html`<encounter-survey endpoint=${collector.endpoint} src="/test/components/encounter-survey/fixtures/survey.json"></encounter-survey>`,
    );
    await waitUntil(() => fromSrc.shadowRoot!.querySelector('[part="title"]') !== null);
    expect(fromSrc.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('From a JSON file');

    const missing = await fixture<EncounterSurvey>(
      html`<encounter-survey endpoint=${collector.endpoint} src="/test/components/encounter-survey/fixtures/missing.json"></encounter-survey>`,
    );
    await waitUntil(() => missing.shadowRoot!.querySelector('[part~="config-error"]') !== null);
    expect(missing.shadowRoot!.textContent).to.contain('HTTP 404');

    const html404 = await fixture<EncounterSurvey>(
      html`<encounter-survey endpoint=${collector.endpoint} src="/test/components/encounter-survey/fixtures/not-json.html"></encounter-survey>`,
    );
    await waitUntil(() => html404.shadowRoot!.querySelector('[part~="config-error"]') !== null);
    expect(html404.shadowRoot!.textContent).to.contain('Config from "/test/components/encounter-survey/fixtures/not-json.html" is not JSON');

    // Presets load on demand.
    const preset = await fixture<EncounterSurvey>(html`<encounter-survey endpoint=${collector.endpoint}></encounter-survey>`);
    await waitUntil(() => preset.shadowRoot!.querySelector('[data-question]') !== null, 8000, 'the default preset');
  });

  it('speaks Spanish and French, and lays out Arabic right to left', async () => {
    const collector = await createTestCollector();
    const multilingual = sampleConfig({ locales: ['en', 'es', 'fr', 'ar'] });
    const es = await renderSurvey(multilingual, collector.endpoint, { lang: 'es-MX' });
    expect(es.button('submit-button')!.textContent!.trim()).to.equal('Enviar');
    expect(es.root.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('es');
    const fr = await renderSurvey(multilingual, collector.endpoint, { lang: 'fr' });
    expect(fr.button('submit-button')!.textContent!.trim()).to.equal('Envoyer');
    const ar = await renderSurvey(multilingual, collector.endpoint, { lang: 'ar' });
    const base = ar.root.querySelector('[part="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(ar.button('submit-button')!).direction).to.equal('rtl');
    await expect(ar.element).to.be.accessible();
    // A language the survey does not offer: its own default, so text, buttons and lang agree.
    const de = await renderSurvey(sampleConfig(), collector.endpoint, { lang: 'de' });
    expect(de.root.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
    expect(de.button('submit-button')!.textContent!.trim()).to.equal('Submit');
  });

  it('can be completed with the keyboard alone', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    survey.input('support', 'emotional').focus();
    await sendKeys({ press: ' ' }); // tick emotional support
    // Tab through the remaining support options to the rating scale.
    while (!survey.question('helpful')!.contains(survey.root.activeElement)) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' }); // rating 2
    await sendKeys({ press: 'Tab' }); // to "Did you feel heard?"
    await sendKeys({ press: ' ' }); // yes
    while (survey.root.activeElement !== survey.button('submit-button')) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const state = await collector.waitFor((current) => current.records.length === 1);
    const answers = (state.records[0]!.body as { answers: Record<string, unknown> }).answers;
    expect(answers.support).to.deep.equal(['emotional']);
    expect(answers.helpful).to.equal(2);
    expect(answers.heard).to.equal('yes');
  });

  it('shows a fresh survey when the page comes back from the back/forward cache after a response', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.choose('support', 'emotional');
    await survey.submit();
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await survey.settle();
    expect(survey.input('support', 'emotional').checked).to.equal(false);
    expect(survey.root.querySelector('[part="thank-you"]')).to.equal(null);
  });

  it('gives two surveys on one page distinct ids over one shared queue', async () => {
    const collector = await createTestCollector();
    const first = await renderSurvey(sampleConfig(), collector.endpoint);
    const second = await renderSurvey(sampleConfig(), collector.endpoint);
    await first.choose('support', 'emotional');
    await second.choose('support', 'social');
    await Promise.all([first.submit(), second.submit()]);
    const state = await collector.waitFor((current) => current.records.length === 2);
    expect(new Set(state.records.map((record) => record.key)).size).to.equal(2);
    expect(state.requests.length).to.equal(2);
  });

  it('renders a very large config (200 questions × 50 options) completely', async function () {
    // 10,000 native checkboxes: WebKitGTK under Xvfb needs seconds when three engines share 2 cores.
    this.timeout(90_000);
    const collector = await createTestCollector();
    const questions = Array.from({ length: 200 }, (_, index) => ({
      id: `q${index}`,
      type: 'multiple',
      label: `Question ${index}`,
      options: Array.from({ length: 50 }, (_, option) => ({ value: `o${option}`, label: `Option ${option}` })),
    }));
    const survey = await renderSurvey(sampleConfig({ questions }), collector.endpoint);
    expect(survey.visibleQuestionIds()).to.have.length(200);
    expect(survey.root.querySelectorAll('input[type="checkbox"]')).to.have.length(10_000);
    await survey.choose('q199', 'o49');
    expect(survey.input('q199', 'o49').checked).to.equal(true);
  });

  it('keeps the answers when moved in the page or handed an equal config object', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.choose('support', 'emotional');
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(survey.element);
    survey.element.config = sampleConfig();
    await survey.settle();
    expect(survey.input('support', 'emotional').checked).to.equal(true);
    elsewhere.remove();
  });

  it('reset() clears every answer and fires survey-reset', async () => {
    const collector = await createTestCollector();
    const survey = await renderSurvey(sampleConfig(), collector.endpoint);
    await survey.choose('support', 'emotional');
    await survey.type('comment', 'private words');
    const event = oneEvent(survey.element, 'survey-reset') as Promise<SurveyResetEvent>;
    survey.element.reset();
    expect((await event).detail.reason).to.equal('reset');
    await survey.settle();
    expect(survey.input('support', 'emotional').checked).to.equal(false);
    expect(survey.question('comment')!.querySelector('textarea')!.value).to.equal('');
  });
});

export { SurveyHarness };

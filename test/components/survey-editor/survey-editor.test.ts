// <survey-editor> in real browsers: starting, editing every question type with undo, validation by
// path, the privacy check, translations (Arabic right to left), export only when valid, the draft
// kept in IndexedDB across a new element, the preview that never posts, and keyboard-only authoring.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SurveyEditor } from '../../../src/components/survey-editor/survey-editor.js';
import { safeParseSurveyConfig } from '../../../src/core/config/parse.js';
import { configJson } from '../../../src/core/editor/snippets.js';
import type { SurveyEditorChangeEvent } from '../../../src/events/survey-editor-change.js';
import { getPreset } from '../../../src/presets/index.js';
import { editorStrings } from '../../../src/i18n/editor/index.js';
import '../../../src/components/survey-editor/survey-editor.define.js';

const root = (el: SurveyEditor) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: SurveyEditor, selector: string) => root(el).querySelector<T>(selector);
const active = (el: SurveyEditor) => root(el).activeElement as HTMLElement | null;
const key = () => `test-${crypto.randomUUID()}`;

async function editor(value?: object): Promise<SurveyEditor> {
  const el = await fixture<SurveyEditor>(html`<survey-editor lang="en" draft-key=${key()} .value=${value ?? null}></survey-editor>`);
  if (!value) await waitUntil(() => $(el, '#start-blank'), 'no start screen');
  await el.updateComplete;
  return el;
}

/** Types into a field the way a person does: focus, select what is there, type. */
async function typeInto(el: SurveyEditor, selector: string, text: string) {
  const input = $<HTMLInputElement>(el, selector)!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

/** A blank survey made valid: a title, the question and its two answers. */
async function validBlank(): Promise<SurveyEditor> {
  const el = await editor();
  $(el, '#start-blank')!.click();
  await el.updateComplete;
  await typeInto(el, '#f-title', 'After today');
  await typeInto(el, '#f-questions-0-label', 'Did you feel heard?');
  await typeInto(el, '#f-questions-0-options-0-label', 'Yes');
  await typeInto(el, '#f-questions-0-options-1-label', 'No');
  return el;
}

const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent);

/**
 * A key with modifiers held. WebKit's WebDriver can only press one key or type text, so there the
 * same keydown is dispatched on the focused control (what the editor listens to).
 */
async function chord(el: SurveyEditor, modifiers: Array<'Alt' | 'Control' | 'Shift'>, key: string) {
  if (isWebKit) {
    const init = { key, bubbles: true, composed: true, cancelable: true, altKey: modifiers.includes('Alt'), ctrlKey: modifiers.includes('Control'), shiftKey: modifiers.includes('Shift') };
    (active(el) ?? el).dispatchEvent(new KeyboardEvent('keydown', init));
    return el.updateComplete;
  }
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of [...modifiers].reverse()) await sendKeys({ up: modifier });
}

/** Presses Tab (at most 150 times) until the element with this id has focus. */
async function tabTo(el: SurveyEditor, id: string) {
  for (let i = 0; i < 150 && active(el)?.id !== id; i += 1) await sendKeys({ press: 'Tab' });
  expect(active(el)?.id, `reached #${id} by Tab`).to.equal(id);
}

describe('<survey-editor>', function () {
  // axe over the whole editor (every panel, and the preview's survey) takes seconds on a busy machine.
  this.timeout(60_000);

  it('starts from a blank survey or a preset; the start screen and the editor are accessible', async () => {
    const el = await editor();
    await expect(el).to.be.accessible();
    expect([...root(el).querySelectorAll('.starts button')].map((button) => button.textContent!.trim())).to.include('From the preset “How was your peer support today?”');
    $(el, '#start-peer-support-encounter')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(getPreset('peer-support-encounter'));
    expect(el.valid).to.equal(true);
    expect(active(el)?.id).to.equal('f-title');
    await expect(el).to.be.accessible();
  });

  it('validates as you type with parseSurveyConfig: each problem next to its field and in the summary; no export until none is left', async () => {
    const el = await editor();
    $(el, '#start-blank')!.click();
    await el.updateComplete;
    const title = $<HTMLInputElement>(el, '#f-title')!;
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${title.getAttribute('aria-describedby')}`)!.textContent).to.equal('Must not be blank');
    const summary = [...root(el).querySelectorAll('.summary li')].map((item) => item.textContent!.trim());
    const expected = (safeParseSurveyConfig(el.value) as { error: { issues: Array<{ path: string; message: string }> } }).error.issues;
    expect(summary).to.deep.equal(expected.map((issue) => `${issue.path}: ${issue.message}`));
    expect($(el, '#export-blocked')).to.exist;
    expect($(el, '#copy-json')).to.equal(null);
    await expect(el).to.be.accessible();
    // A link in the summary moves focus to its field.
    [...root(el).querySelectorAll<HTMLAnchorElement>('.summary a')].find((link) => link.textContent === 'questions[0].label')!.click();
    expect(active(el)?.id).to.equal('f-questions-0-label');

    await typeInto(el, '#f-title', 'After today');
    expect(title.hasAttribute('aria-invalid')).to.equal(false);
    await typeInto(el, '#f-questions-0-label', 'Did you feel heard?');
    await typeInto(el, '#f-questions-0-options-0-label', 'Yes');
    await typeInto(el, '#f-questions-0-options-1-label', 'No');
    expect(el.valid).to.equal(true);
    expect($(el, '#issues-heading')!.textContent).to.equal('No problems: the survey is ready to export.');
    expect($<HTMLTextAreaElement>(el, '#json-out')!.value).to.equal(configJson(el.value!));
    await expect(el).to.be.accessible();
  });

  it('takes a value the page set before the element was defined (the one-file build defines it on demand)', async () => {
    const early = document.createElement('survey-editor-early') as HTMLElement & { value?: unknown };
    early.setAttribute('draft-key', key());
    early.value = getPreset('group-session');
    document.body.append(early);
    const { SurveyEditor } = await import('../../../src/components/survey-editor/survey-editor.js');
    customElements.define('survey-editor-early', class extends SurveyEditor {});
    try {
      const el = early as unknown as SurveyEditor;
      await el.updateComplete;
      expect(el.value).to.deep.equal(getPreset('group-session'));
      expect($(el, '#f-title')).to.exist;
    } finally {
      early.remove();
    }
  });

  it('a setting the config leaves out shows the default the survey uses', async () => {
    const el = await editor(getPreset('peer-support-encounter'));
    expect(el.value!.timeBucket).to.equal(undefined);
    expect($<HTMLSelectElement>(el, '#f-timeBucket')!.value).to.equal('day');
    expect($<HTMLInputElement>(el, '#f-kiosk-passTheTablet')!.checked).to.equal(false);
  });

  it('change events carry the config; a page setting value fires none', async () => {
    const events: SurveyEditorChangeEvent[] = [];
    const el = await editor(getPreset('group-session'));
    el.addEventListener('change', (event) => events.push(event as SurveyEditorChangeEvent));
    el.value = getPreset('crisis-follow-up');
    await el.updateComplete;
    expect(events).to.have.length(0);
    await typeInto(el, '#f-title', 'Our group');
    const last = events.at(-1)!;
    expect((last.value!.title as Record<string, string>).en).to.equal('Our group');
    expect(last.value).to.deep.equal(el.value);
    expect(last.valid).to.equal(true);
  });

  it('adds every type, duplicates, moves by button and by Alt+Arrow, deletes with undo; focus follows', async () => {
    const el = await validBlank();
    for (const type of ['multiple', 'rating', 'text', 'support-types']) {
      const select = $<HTMLSelectElement>(el, '#new-type')!;
      select.value = type;
      select.dispatchEvent(new Event('change'));
      $(el, '#add-question')!.click();
      await el.updateComplete;
      const index = el.value!.questions.length - 1;
      expect(el.value!.questions[index]!.type).to.equal(type);
      expect(active(el)?.id, `focus on the new ${type} question`).to.equal(`f-questions-${index}-label`);
    }
    await expect(el).to.be.accessible();
    const ids = () => el.value!.questions.map((question) => question.id);
    expect(ids()).to.deep.equal(['q1', 'q2', 'q3', 'q4', 'q5']);

    $(el, '#copy-0')!.click();
    await el.updateComplete;
    expect(ids()).to.deep.equal(['q1', 'q6', 'q2', 'q3', 'q4', 'q5']);
    expect(el.value!.questions[1]!.label).to.deep.equal(el.value!.questions[0]!.label);

    $(el, '#down-0')!.focus();
    $(el, '#down-0')!.click();
    await el.updateComplete;
    expect(ids()).to.deep.equal(['q6', 'q1', 'q2', 'q3', 'q4', 'q5']);
    expect(active(el)?.id, 'focus moves with the question').to.equal('down-1');
    await chord(el, ['Alt'], 'ArrowDown');
    await el.updateComplete;
    expect(ids()).to.deep.equal(['q6', 'q2', 'q1', 'q3', 'q4', 'q5']);
    expect(active(el)?.id).to.equal('down-2');
    await chord(el, ['Alt'], 'ArrowUp');
    await el.updateComplete;
    expect(ids()).to.deep.equal(['q6', 'q1', 'q2', 'q3', 'q4', 'q5']);

    $(el, '#delete-3')!.click();
    await el.updateComplete;
    expect(ids()).to.deep.equal(['q6', 'q1', 'q2', 'q4', 'q5']);
    expect(active(el)?.id, 'focus on Undo').to.equal('undo-delete');
    expect($(el, '.announce')!.textContent).to.contain('Deleted');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ids()).to.deep.equal(['q6', 'q1', 'q2', 'q3', 'q4', 'q5']);
    expect(active(el)?.id, 'focus on the question that came back').to.equal('qh-3');
  });

  it('undo and redo (Ctrl+Z, Ctrl+Shift+Z): typing in one field is one step', async () => {
    const el = await editor(getPreset('peer-support-encounter'));
    await typeInto(el, '#f-questions-2-label', 'Listened?');
    await typeInto(el, '#f-thankYou', 'Thanks!');
    await chord(el, ['Control'], 'z');
    await el.updateComplete;
    expect((el.value!.thankYou as Record<string, string>).en).to.equal('Thank you. Your answers help us support people better.');
    expect((el.value!.questions[2]!.label as Record<string, string>).en).to.equal('Listened?');
    await chord(el, ['Control'], 'z');
    await el.updateComplete;
    expect((el.value!.questions[2]!.label as Record<string, string>).en).to.equal('Did you feel heard?');
    await chord(el, ['Control', 'Shift'], 'z');
    await el.updateComplete;
    expect((el.value!.questions[2]!.label as Record<string, string>).en).to.equal('Listened?');
    expect($<HTMLInputElement>(el, '#f-questions-2-label')!.value).to.equal('Listened?');
  });

  it('keeps the draft in IndexedDB: a new editor with the same draft key carries on', async () => {
    const draftKey = key();
    const first = await fixture<SurveyEditor>(html`<survey-editor lang="en" draft-key=${draftKey}></survey-editor>`);
    await waitUntil(() => $(first, '#start-group-session'), 'no start screen');
    $(first, '#start-group-session')!.click();
    await first.updateComplete;
    await typeInto(first, '#f-title', 'Tuesday group');
    const saved = structuredClone(first.value);
    first.remove();
    const again = await fixture<SurveyEditor>(html`<survey-editor lang="en" draft-key=${draftKey}></survey-editor>`);
    await waitUntil(() => again.value !== null, 'the draft did not come back');
    expect(again.value).to.deep.equal(saved);
    expect($(again, '.announce')!.textContent).to.contain('Your draft from this device is back.');
  });

  it('translations side by side: Arabic typed right to left, missing ones flagged', async () => {
    const el = await editor(getPreset('peer-support-encounter'));
    const arabic = $<HTMLInputElement>(el, '#locale-ar')!;
    arabic.click();
    await el.updateComplete;
    expect(el.value!.locales).to.deep.equal(['en', 'es', 'fr', 'ar']);
    const cell = $<HTMLInputElement>(el, '#t-ar-title')!;
    expect(cell.getAttribute('dir')).to.equal('rtl');
    expect(cell.getAttribute('lang')).to.equal('ar');
    expect(cell.parentElement!.querySelector('.missing')!.textContent).to.equal('Missing');
    const count = () => Number(/\d+/.exec($(el, '#translations-heading + [role="status"]')!.textContent!)?.[0] ?? 0);
    const before = count();
    expect(before).to.be.above(0);
    // Set as an input method would (WebKit's driver drops spaces from Arabic text it types).
    cell.value = 'كيف كان دعم الأقران اليوم؟';
    cell.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect((el.value!.title as Record<string, string>).ar).to.equal('كيف كان دعم الأقران اليوم؟');
    expect(count()).to.equal(before - 1);
    await expect(el).to.be.accessible();
  });

  it('the privacy check explains, in plain words, what could point to a person', async () => {
    const el = await editor({ ...getPreset('peer-support-encounter'), timeBucket: 'hour', tags: { staffName: 'Sam' } });
    const codes = [...root(el).querySelectorAll('.lint li')].map((item) => item.getAttribute('data-code'));
    expect(codes).to.include.members(['free-text', 'other-text', 'tag-varies', 'fine-time']);
    const text = $(el, '.lint [data-code="fine-time"]')!.textContent!;
    expect(text).to.contain('Each response keeps the hour it was sent.');
    await expect(el).to.be.accessible();
  });

  it('the preview is the real survey, and submitting it posts nothing', async () => {
    const requests: string[] = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => {
      requests.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    try {
      const el = await editor(getPreset('group-session'));
      const survey = await waitUntil(() => $(el, '.preview encounter-survey'), 'no preview').then(() => $(el, '.preview encounter-survey')!);
      await waitUntil(() => survey.shadowRoot?.querySelector('[part~="submit-button"]'), 'preview never rendered', { timeout: 15_000 });
      let queued = false;
      survey.addEventListener('survey-queued', () => (queued = true));
      (survey as unknown as { submit(): Promise<unknown> }).submit();
      await waitUntil(() => $(el, '.preview [role="status"]')!.textContent!.includes('Preview only'), 'no preview note', { timeout: 15_000 });
      expect(queued).to.equal(false);
      expect(requests.filter((url) => !url.includes('/src/') && !url.includes('node_modules'))).to.deep.equal([]);
    } finally {
      window.fetch = fetch;
    }
  });

  it('previews as a kiosk, a dialog and at phone width; each state axe-clean', async () => {
    const el = await editor(getPreset('peer-support-encounter'));
    const radio = (name: string, label: string) =>
      [...root(el).querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].find((input) => input.parentElement!.textContent!.trim() === label)!;
    radio('preview-mode', 'Kiosk').click();
    await el.updateComplete;
    const survey = $(el, '.preview encounter-survey')!;
    expect(survey.getAttribute('mode')).to.equal('kiosk');
    await waitUntil(() => survey.shadowRoot?.querySelector('[part~="start-button"]'), 'no kiosk start screen', { timeout: 15_000 });
    await expect(el).to.be.accessible();
    radio('preview-mode', 'Dialog').click();
    radio('preview-width', 'Phone').click();
    await el.updateComplete;
    expect($(el, '.frame')!.classList.contains('phone')).to.equal(true);
    expect($(el, '#open-preview')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('embed snippets paste and work: the inline one carries the config, and text cannot close its script tag', async () => {
    const config = getPreset('peer-support-encounter');
    (config.title as Record<string, string>).en = 'Feedback </script><b>x</b>';
    const el = await editor(config);
    const inline = $<HTMLTextAreaElement>(el, '#snippet-inline')!.value;
    const doc = new DOMParser().parseFromString(inline, 'text/html');
    expect(doc.querySelector('script[type="module"]')!.getAttribute('src')).to.match(/encounter-survey\.js$/);
    expect(JSON.parse(doc.querySelector('encounter-survey > script[type="application/json"]')!.textContent!)).to.deep.equal(el.value);
    expect(doc.querySelector('b')).to.equal(null);
    const launcher = new DOMParser().parseFromString($<HTMLTextAreaElement>(el, '#snippet-launcher')!.value, 'text/html');
    expect(launcher.querySelector('survey-launcher')!.getAttribute('for')).to.equal(launcher.querySelector('encounter-survey')!.id);
    expect(new DOMParser().parseFromString($<HTMLTextAreaElement>(el, '#snippet-kiosk')!.value, 'text/html').querySelector('encounter-survey')!.getAttribute('mode')).to.equal('kiosk');
    // React and Vue: the same config as an object literal (JSON, `<` escaped so it cannot end a <script> block).
    for (const kind of ['react', 'vue']) {
      const code = $<HTMLTextAreaElement>(el, `#snippet-${kind}`)!.value;
      const literal = /const config: SurveyConfigInput = ([\s\S]*?});\n/.exec(code)![1]!;
      expect(JSON.parse(literal), kind).to.deep.equal(el.value);
      expect(code, kind).not.to.contain('</script><b>');
    }
    expect($<HTMLTextAreaElement>(el, '#snippet-react')!.value).to.contain("import { EncounterSurvey } from 'encounter-survey/react';");
    expect($<HTMLTextAreaElement>(el, '#snippet-vue')!.value).to.contain('<encounter-survey :config="config"></encounter-survey>');
  });

  it('keyboard only: a three-question survey with a condition, from a blank one', async () => {
    const el = await editor();
    await tabTo(el, 'start-blank');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('f-title');
    await sendKeys({ type: 'Drop-in' });
    const question = async (n: number, label: string) => {
      await tabTo(el, `f-questions-${n}-label`);
      await sendKeys({ type: label });
      await tabTo(el, `f-questions-${n}-options-0-label`);
      await sendKeys({ type: 'Yes' });
      await tabTo(el, `f-questions-${n}-options-1-label`);
      await sendKeys({ type: 'No' });
    };
    // One word each, no letter twice in a row: WebKit's WebDriver drops some spaces and repeated letters.
    await question(0, 'Visit?');
    for (const n of [1, 2]) {
      await tabTo(el, 'add-question');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(active(el)?.id, 'focus on the new question').to.equal(`f-questions-${n}-label`);
      await question(n, n === 1 ? 'Heard?' : 'Again?');
    }
    await tabTo(el, 'f-questions-2-showIf-question');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value!.questions[2]!.showIf).to.deep.equal({ question: 'q1', equals: 'yes' });
    expect(el.valid, JSON.stringify(root(el).querySelector('.summary')?.textContent)).to.equal(true);
    expect(el.value!.questions.map((q) => q.label)).to.deep.equal(['Visit?', 'Heard?', 'Again?']);
    await expect(el).to.be.accessible();
  });

  it('every language has every string of the editor, nested ones too, none blank', async () => {
    const shape = (value: unknown): unknown =>
      value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, shape(inner)])) : typeof value;
    const english = await editorStrings.load('en');
    for (const code of ['es', 'fr', 'ar']) {
      const strings = await editorStrings.load(code);
      expect(editorStrings.languageOf(code)).to.equal(code);
      expect(shape(strings), code).to.deep.equal(shape(english));
      const texts = (value: unknown): string[] =>
        typeof value === 'string' ? [value] : typeof value === 'function' ? [String((value as (...args: unknown[]) => string)('x', 2))] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
      for (const text of texts(strings)) expect(text.trim(), code).not.to.equal('');
    }
  });

  for (const [lang, heading] of [
    ['es', 'Editor de encuestas'],
    ['fr', 'Éditeur d’enquêtes'],
    ['ar', 'محرر الاستبيانات'],
  ] as const) {
    it(`${lang}: its own words${lang === 'ar' ? ', right to left' : ''}, axe-clean`, async () => {
      const el = await fixture<SurveyEditor>(html`<survey-editor lang=${lang} draft-key=${key()} .value=${getPreset('peer-support-encounter')}></survey-editor>`);
      await waitUntil(() => $(el, 'h1')?.textContent === heading, 'strings never loaded');
      expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
    });
  }
});

import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { safeParseSurveyConfig } from '../../core/config/parse.js';
import type { ConfigIssue } from '../../core/config/errors.js';
import type { LocalizedText } from '../../core/config/schema.js';
import * as edits from '../../core/editor/edits.js';
import type { EditableConfig, QuestionKind } from '../../core/editor/edits.js';
import { reidentificationLint } from '../../core/editor/lint.js';
import { configJson } from '../../core/editor/snippets.js';
import { localize } from '../../core/text.js';
import { SurveyEditorChangeEvent } from '../../events/survey-editor-change.js';
import { editorStrings, type EditorStrings } from '../../i18n/editor/index.js';
import { getPreset, presets } from '../../presets/index.js';
import { staffFormStyles } from '../shared/staff-form.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { loadDraft, saveDraft } from './draft-store.js';
import { idFor, type FieldContext } from './fields.js';
import { exportPanel, issueSummary, languageName, privacyPanel, settingsPanel, translationsPanel } from './panels.js';
import { previewPanel, type PreviewState } from './preview.js';
import { History } from './history.js';
import { questionActions } from './question-actions.js';
import { questionList } from './question-editor.js';
import { surveyEditorStyles } from './survey-editor.styles.js';

/**
 * Writes a survey config without touching JSON: start from a blank survey or a preset; add,
 * duplicate, reorder (buttons, or Alt + Arrow keys) and delete questions of every type, with undo
 * and redo; texts in en/es/fr/ar side by side; every problem `parseSurveyConfig` finds shown next to
 * its field and in a summary, as you type; a plain-words check of what could point to a person; a
 * live preview of the real `<encounter-survey>` that never posts; and, once the survey has no
 * problems, its JSON and embed snippets. The draft is kept on the device (IndexedDB) so a reload
 * loses nothing. Not on any respondent's path: the one-file build loads it only on a page that has it.
 *
 * @summary A survey editor: build, translate, check, preview and export a survey config.
 * @tag survey-editor
 *
 * @event change - The person changed the survey (an edit, undo or redo; never a programmatic `value`). `event.value` is the config, `event.valid` whether it has no problems.
 *
 * @csspart base - The editor's container.
 * @csspart toolbar - Undo, redo and start again.
 *
 * @cssproperty --es-accent - The one brand colour the editor's buttons derive from.
 * @cssproperty --es-font-family - Font (a system sans-serif stack by default).
 * @cssproperty --es-spacing - Base spacing unit.
 * @cssproperty --es-radius - Corner radius.
 * @cssproperty --es-target-size - Minimum size of every control (44px).
 */
export class SurveyEditor extends LitElement {
  static override styles = [themeStyles, staffFormStyles, surveyEditorStyles];

  static override properties = {
    draftKey: { attribute: 'draft-key' },
    scriptUrl: { attribute: 'script-src' },
    locale: { attribute: 'lang' },
  };

  /** Which draft this editor keeps on the device (one per key). Default `default`. */
  declare draftKey: string;
  /** Where embed snippets load the one-file build from. Default: `encounter-survey.js` next to this file. */
  declare scriptUrl: string;
  /** Language of the editor's own words (`lang`); otherwise the closest `[lang]`. */
  declare locale: string | null;

  #value: EditableConfig | null = null;
  #setByPage = false;
  #history = new History<EditableConfig | null>();
  #issues: readonly ConfigIssue[] = [];
  #valid = false;
  #newType: QuestionKind = 'single';
  #announce = '';
  #deleted: { label: string; index: number } | null = null;
  #exportMessage = '';
  #preview: PreviewState = { config: null, stale: false, mode: 'inline', locale: 'en', width: 'desktop', message: '' };
  #draftLoaded = false;

  constructor() {
    super();
    this.draftKey = 'default';
    this.scriptUrl = new URL(/* @vite-ignore */ 'encounter-survey.js', import.meta.url).href;
    this.locale = null;
    // A page may set `value` before this element's chunk has loaded (the one-file build loads it on
    // demand): that set an own property over the accessor. Take it, and let the accessor have it.
    if (Object.hasOwn(this, 'value')) {
      const early = (this as unknown as { value: EditableConfig | null }).value;
      delete (this as unknown as { value?: unknown }).value;
      this.value = early;
    }
  }

  /** The survey config being written (plain JSON, valid or not); null before one is started. */
  get value(): EditableConfig | null {
    return this.#value;
  }
  set value(next: EditableConfig | null) {
    this.#setByPage = true;
    this.#history.clear();
    this.#adopt(next === null ? null : structuredClone(next));
  }

  /** Whether the current survey has no problems (it can be exported). */
  get valid(): boolean {
    return this.#valid;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!this.#draftLoaded) void this.#restoreDraft();
  }

  async #restoreDraft() {
    this.#draftLoaded = true;
    const draft = await loadDraft(this.draftKey);
    if (!draft || this.#setByPage) return;
    this.#adopt(draft.value);
    this.#announce = this.#strings().draftRestored;
  }

  #lang() {
    return this.locale ?? this.closest('[lang]')?.getAttribute('lang') ?? 'en';
  }

  #strings(): EditorStrings {
    return editorStrings.get(this.#lang()) ?? editorStrings.get('en')!;
  }

  protected override willUpdate(_changed: PropertyValues<this>) {
    const lang = this.#lang();
    if (!editorStrings.get(lang)) void editorStrings.load(lang).then(() => this.requestUpdate());
  }

  /** Takes a config as the current one: validation, the preview, the request to render. */
  #adopt(next: EditableConfig | null) {
    this.#value = next;
    if (next === null) {
      this.#issues = [];
      this.#valid = false;
    } else {
      const result = safeParseSurveyConfig(next);
      this.#valid = result.success;
      this.#issues = result.success ? [] : result.error.issues;
      if (result.success) this.#preview = { ...this.#preview, config: structuredClone(next), stale: false };
      else this.#preview = { ...this.#preview, stale: this.#preview.config !== null };
      const locales = next.locales ?? ['en'];
      if (!locales.includes(this.#preview.locale)) this.#preview = { ...this.#preview, locale: locales[0] ?? 'en' };
    }
    this.requestUpdate();
  }

  /** An edit by the person: one undo step (typing in one field coalesces), the draft, `change`. */
  #commit(next: EditableConfig | null, { coalesce = null as string | null } = {}) {
    this.#history.push(this.#value, coalesce);
    this.#apply(next);
  }

  #apply(next: EditableConfig | null) {
    this.#deleted = null;
    this.#announce = '';
    this.#exportMessage = '';
    this.#adopt(next);
    void saveDraft(this.draftKey, next, Date.now());
    const change = new SurveyEditorChangeEvent(next, this.#valid);
    this.dispatchEvent(change);
  }

  /** Undo (Ctrl+Z): back one step; focus stays where it was, or goes to what came back. */
  undo() {
    const previous = this.#history.undo(this.#value);
    if (previous === undefined) return;
    const restored = this.#deleted;
    this.#apply(previous);
    this.#announce = this.#strings().undone;
    if (restored) void this.#focusLater('#qh-' + restored.index);
  }

  redo() {
    const next = this.#history.redo(this.#value);
    if (next === undefined) return;
    this.#apply(next);
    this.#announce = this.#strings().redone;
  }

  async #focusLater(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #context(t: EditorStrings): FieldContext {
    const config = this.#value!;
    return {
      t,
      config,
      issues: this.#issues,
      set: (path, value, options) => this.#commit(edits.setAt(config, path, value), { coalesce: options?.coalesce ? edits.pathKey(path) : null }),
      setText: (path, locale, text) => {
        const current = edits.getAt(config, path) as LocalizedText | undefined;
        this.#commit(edits.setAt(config, path, edits.withText(current, locale, text, config.locales ?? ['en'])), { coalesce: `${edits.pathKey(path)}/${locale}` });
      },
    };
  }

  #questionActions(t: EditorStrings) {
    return questionActions(t, {
      config: () => this.#value!,
      commit: (next) => this.#commit(next),
      announce: (text) => (this.#announce = text),
      deleted: (deleted) => (this.#deleted = deleted),
      focused: () => (this.renderRoot as ShadowRoot).activeElement?.id ?? '',
      focus: (selector) => void this.#focusLater(selector),
    });
  }

  #toggleLocale(code: string, on: boolean) {
    const config = this.#value!;
    const locales = config.locales ?? ['en'];
    const next = on ? [...locales.filter((locale) => locale !== code), code] : locales.filter((locale) => locale !== code);
    if (next.length === 0) return;
    this.#commit({ ...config, locales: next });
  }

  /** Focus on the field a path names, or on the nearest one above it that is on screen. */
  #goTo(path: string) {
    const parts = path.split(/[.[\]]+/).filter(Boolean);
    for (let end = parts.length; end > 0; end -= 1) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(idFor(parts.slice(0, end)))}`);
      if (target) return target.focus();
      if (parts[0] === 'questions' && end === 2) return this.renderRoot.querySelector<HTMLElement>(`#qh-${parts[1]}`)?.focus();
    }
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || this.#value === null) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) this.undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') this.redo();
    else return;
    event.preventDefault();
  };

  #start(config: EditableConfig | null) {
    this.#commit(config);
    void this.#focusLater(config ? '#f-title' : '#start-heading');
  }

  #copy(text: string) {
    const t = this.#strings();
    navigator.clipboard?.writeText(text).then(
      () => ((this.#exportMessage = t.copied), this.requestUpdate()),
      () => ((this.#exportMessage = t.copyFailed), this.requestUpdate()),
    ) ?? ((this.#exportMessage = t.copyFailed), this.requestUpdate());
  }

  #download() {
    const config = this.#value!;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([configJson(config)], { type: 'application/json' }));
    link.download = `${String(config.id || 'survey')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  override render() {
    const t = editorStrings.get(this.#lang());
    if (!t) return nothing;
    const lang = this.#lang();
    const status = html`<p class="announce" role="status">${this.#announce}${this.#deleted
      ? html`${t.deleted(this.#deleted.label)} <button type="button" id="undo-delete" class="quiet" @click=${() => this.undo()}>${t.undo}</button>`
      : nothing}</p>`;
    const body = this.#value === null ? this.#startScreen(t, lang) : this.#editor(t, lang);
    return html`<div part="base" class="editor" dir=${t.$dir} @keydown=${this.#onKeydown}>
      <h1>${t.heading}</h1>
      ${this.#value === null
        ? nothing
        : html`<div part="toolbar" class="toolbar row" role="toolbar" aria-label=${t.heading}>
            <button type="button" class="quiet" id="undo" aria-disabled=${this.#history.canUndo ? 'false' : 'true'} aria-keyshortcuts="Control+Z" @click=${() => this.undo()}>${t.undo}</button>
            <button type="button" class="quiet" id="redo" aria-disabled=${this.#history.canRedo ? 'false' : 'true'} aria-keyshortcuts="Control+Shift+Z" @click=${() => this.redo()}>${t.redo}</button>
            <button type="button" class="quiet" id="start-again" @click=${() => this.#start(null)}>${t.startAgain}</button>
          </div>`}
      ${status} ${body}
    </div>`;
  }

  #startScreen(t: EditorStrings, lang: string) {
    return html`<section class="panel start" aria-labelledby="start-heading">
      <h2 id="start-heading" tabindex="-1">${t.startHeading}</h2>
      <ul class="starts">
        <li><button type="button" id="start-blank" @click=${() => this.#start(edits.blankSurvey())}>${t.startBlank}</button></li>
        ${Object.keys(presets).map(
          (name) => html`<li><button type="button" id=${`start-${name}`} @click=${() => this.#start(getPreset(name)!)}>${t.startPreset(localize(presets[name as keyof typeof presets].title, lang, 'en'))}</button></li>`,
        )}
      </ul>
    </section>`;
  }

  #editor(t: EditorStrings, lang: string) {
    const context = this.#context(t);
    const goTo = (path: string) => this.#goTo(path);
    return html`
      ${issueSummary(t, this.#issues, goTo)}
      <div class="columns">
        <div class="edit">
          ${settingsPanel(context, lang, (code, on) => this.#toggleLocale(code, on))}
          ${questionList(context, this.#questionActions(t), { value: this.#newType, set: (type) => ((this.#newType = type), this.requestUpdate()) })}
          ${translationsPanel(context, lang)}
          ${privacyPanel(t, reidentificationLint(this.#value!), goTo)}
          ${exportPanel(context, {
            valid: this.#valid,
            json: this.#valid ? configJson(this.#value!) : '',
            scriptUrl: this.scriptUrl,
            copy: (text) => this.#copy(text),
            download: () => this.#download(),
            message: this.#exportMessage,
          })}
        </div>
        <div class="side">
          ${previewPanel({
            ...this.#preview,
            t,
            locales: this.#value!.locales ?? ['en'],
            languageName: (code) => languageName(code, lang),
            change: (update) => {
              this.#preview = { ...this.#preview, ...update };
              this.requestUpdate();
            },
          })}
        </div>
      </div>
    `;
  }
}

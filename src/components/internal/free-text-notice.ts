import { html, nothing, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Answers } from '../../core/answers.js';
import type { Question, SurveyConfig } from '../../core/config/schema.js';
import { findIdentifiers, type Finding, type FindingKind } from '../../core/free-text-guard.js';
import { languageOf } from '../../core/locale.js';
import { freeTextStrings } from '../../i18n/free-text/index.js';

/** What the guard needs from the survey's flow (the answers, and how to change one). */
export interface GuardedFlow {
  answers: Answers;
  generation: number;
  readonly pages: Question[][];
  readonly page: number;
  guard?: () => boolean;
  setAnswer: (question: Question, value: string | undefined) => void;
  setOtherText: (question: Question, text: string) => void;
}

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment; readonly surveyConfig: SurveyConfig | undefined };

/** The answer key a question's free text is stored under, or null when it has none. */
const keyOf = (question: Question) =>
  question.type === 'text' ? question.id : 'allowOther' in question && question.allowOther ? `${question.id}.other` : null;

/**
 * The on-device free-text guard with privacy.freeText "warn" (issue #22): a moment after typing
 * stops, and again before Submit, it tells the respondent what in their text could identify
 * someone, with "Remove it" and "Keep it". Nothing leaves the device either way. Comes with the
 * respond chunk (after the first question shows, or on the first focus) and listens to the text
 * boxes itself, so the first question's code carries only the two hooks on the flow.
 */
export class FreeTextGuard implements ReactiveController {
  /** The finds on show, by answer key. */
  private readonly found = new Map<string, { question: Question; finds: Array<{ kind: FindingKind; value: string }> }>();
  /** What the respondent chose to keep, by answer key: never asked about again in that box. */
  private readonly kept = new Map<string, Set<string>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private generation: number;

  constructor(
    private readonly host: Host,
    private readonly flow: GuardedFlow,
    private readonly locale: () => string,
  ) {
    this.generation = flow.generation;
    host.addController(this);
    flow.guard = () => this.on() && !this.clear(flow.pages[flow.page] ?? []);
    // The respondent's language is ready before anything is found.
    void freeTextStrings.load(locale()).then(() => host.requestUpdate());
    host.renderRoot.addEventListener('input', (event) => {
      const name = (event.composedPath()[0] as HTMLInputElement).name;
      const question = flow.pages.flat().find((candidate) => keyOf(candidate) === name);
      if (question) this.typed(question, name);
    });
    // Typed before this loaded.
    for (const question of flow.pages.flat()) {
      const key = keyOf(question);
      if (key && this.text(key)) this.typed(question, key);
    }
  }

  /** privacy.freeText "warn" (the default); "redact" and "off" show nothing here. */
  private on() {
    return (this.host.surveyConfig?.privacy?.freeText ?? 'warn') === 'warn';
  }

  /** Text was typed: look again once typing pauses (about 400 ms). */
  typed(question: Question, key: string) {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.look(question, key), 400));
  }

  /** Before Submit: looks at every free text on the page now. True when there is nothing to ask about. */
  clear(questions: readonly Question[]): boolean {
    let first: string | undefined;
    for (const question of questions) {
      const key = keyOf(question);
      if (key && this.look(question, key)) first ??= key;
    }
    if (!first) return true;
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>(`[data-notice="${CSS.escape(first)}"] p`)?.focus(),
    );
    return false;
  }

  /** Finds what the respondent has not already kept; shows it. True when something was found. */
  private look(question: Question, key: string): boolean {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.forgetOldRespondent();
    // A change of language: the note waits for its strings.
    if (!freeTextStrings.get(this.locale())) void freeTextStrings.load(this.locale()).then(() => this.host.requestUpdate());
    const findings = this.findings(key);
    const text = this.text(key);
    const finds = findings.map(({ kind, start, end }) => ({ kind, value: text.slice(start, end) }));
    if (findings.length > 0) this.found.set(key, { question, finds });
    else this.found.delete(key);
    this.host.requestUpdate();
    return findings.length > 0;
  }

  private findings(key: string): Finding[] {
    const text = this.text(key);
    const kept = this.kept.get(key);
    return findIdentifiers(text).filter((finding) => !kept?.has(text.slice(finding.start, finding.end)));
  }

  private text(key: string): string {
    const value = this.flow.answers[key];
    return typeof value === 'string' ? value : '';
  }

  /** A new respondent (after Submit or a reset) starts with nothing kept and nothing on show. */
  private forgetOldRespondent() {
    if (this.generation === this.flow.generation) return;
    this.generation = this.flow.generation;
    this.found.clear();
    this.kept.clear();
  }

  private remove(key: string) {
    const entry = this.found.get(key);
    if (!entry) return;
    const text = this.text(key);
    let left = '';
    let at = 0;
    for (const finding of this.findings(key)) {
      left += text.slice(at, finding.start);
      at = finding.end;
    }
    left = (left + text.slice(at)).replace(/[ \t]{2,}/g, ' ').trim();
    this.found.delete(key);
    if (key === entry.question.id) this.flow.setAnswer(entry.question, left || undefined);
    else this.flow.setOtherText(entry.question, left);
    this.refocus(key);
  }

  private keep(key: string) {
    const text = this.text(key);
    const kept = this.kept.get(key) ?? new Set();
    for (const finding of this.findings(key)) kept.add(text.slice(finding.start, finding.end));
    this.kept.set(key, kept);
    this.found.delete(key);
    this.refocus(key);
  }

  /** The buttons are gone: back to the text box the respondent was writing in. */
  private refocus(key: string) {
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`)?.focus(),
    );
  }

  /**
   * Puts a notice box under each text box on show (and the "Other" boxes), outside the survey's
   * templates: Lit leaves nodes it did not make, and drops them with the page or the box they
   * follow. Each box's live region is there, empty, before anything is found, so it is announced.
   */
  hostUpdated() {
    if (!this.on()) return;
    const keys = new Set(this.flow.pages.flat().map(keyOf));
    for (const field of this.host.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]')) {
      const key = field.name;
      if (!keys.has(key)) continue;
      const other = field.closest('.other');
      let box = (other ? other.nextElementSibling : field.parentElement?.lastElementChild) as HTMLElement | null;
      if (!box?.matches('[data-notice]')) {
        box = document.createElement('div');
        box.dataset['notice'] = key;
        box.className = 'free-text-notice';
        box.setAttribute('part', 'free-text-notice');
        if (other) other.after(box);
        else field.parentElement?.append(box);
      }
      render(this.notice(key), box);
    }
  }

  private notice(key: string) {
    this.forgetOldRespondent();
    const entry = this.found.get(key);
    const locale = this.locale();
    // Until the respondent's language is here (a moment), the live region stays empty: no English first.
    const t = freeTextStrings.get(locale);
    const language = freeTextStrings.languageOf(locale);
    const lang = language === languageOf(locale) ? undefined : language;
    const text = this.text(key);
    // Gone from the text (edited away, or a new respondent): nothing to say.
    const findings = (t && entry?.finds.filter((find) => text.includes(find.value))) || [];
    const kinds = [...new Set(findings.map((finding) => finding.kind))].map((kind) => t!.kinds[kind]);
    const what = new Intl.ListFormat(language, { type: 'conjunction' }).format(kinds);
    return html`<div role="status" lang=${ifDefined(lang)}>
        ${findings.length > 0 ? html`<p class="help" tabindex="-1">${t!.found(what)} ${t!.why}</p>` : nothing}
      </div>
      ${findings.length > 0
        ? html`<div class="actions" lang=${ifDefined(lang)}>
            <button type="button" part="free-text-remove" @click=${() => this.remove(key)}>${t!.remove}</button>
            <button type="button" part="free-text-keep" @click=${() => this.keep(key)}>${t!.keep}</button>
          </div>`
        : nothing}`;
  }
}

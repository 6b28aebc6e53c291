import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { validateAnswer, type AnswerProblem, type Answers } from '../../core/answers.js';
import type { Question, SurveyConfig } from '../../core/config/schema.js';
import { buildSubmission } from '../../core/payload.js';
import type { AnswerValue, Submission } from '../../core/submission-schema.js';
import { localize, matchLocale } from '../../core/text.js';
import { ConfigController, type ConfigState } from '../../controllers/config-controller.js';
import { DeliveryController } from '../../controllers/delivery-controller.js';
import { SurveyConfigErrorEvent } from '../../events/survey-config-error.js';
import { SurveyResetEvent } from '../../events/survey-reset.js';
import { SurveySubmitEvent } from '../../events/survey-submit.js';
import { translationFor, type Translation } from '../../i18n/index.js';
import type { Outbox } from '../../outbox/index.js';
import { renderQuestion } from './question-templates.js';
import { renderConfigError, renderStatus } from './survey-templates.js';
import { resolveEndpoint } from './endpoint.js';
import { visiblePages } from './pages.js';
import { questionStyles } from '../shared/question.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { encounterSurveyStyles } from '../encounter-survey/encounter-survey.styles.js';

/** `start` and `handover` are kiosk screens. */
export type Phase = 'start' | 'answering' | 'done' | 'handover';

/**
 * The survey itself: config, pages, validation, submission and the status line. Not public API:
 * `<encounter-survey>` (which adds kiosk mode and the safety footer) is.
 */
export class SurveyBase extends LitElement {
  static override styles = [themeStyles, questionStyles, encounterSurveyStyles];

  static override properties: PropertyDeclarations = {
    config: { attribute: false },
    src: { reflect: true },
    preset: { reflect: true },
    endpoint: {},
    locale: { attribute: 'lang' },
    mode: { reflect: true },
    outbox: { attribute: false },
    answers: { state: true, attribute: false },
    page: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
  };

  /** Survey config object (or JSON text). Wins over inline JSON, `src` and `preset`. */
  declare config: unknown;
  /** URL of a JSON config file, fetched without credentials. */
  declare src: string | null;
  /** Name of a built-in preset, used when no other config is given. Default `peer-support-encounter`. */
  declare preset: string | null;
  /** Where responses are sent; overrides the config's `endpoint`. https, or http on localhost. */
  declare endpoint: string | null;
  /** The `lang` attribute: language of the survey and of the built-in UI strings. */
  declare locale: string | null;
  /** `inline` (default) or `kiosk` for shared tablets. */
  declare mode: 'inline' | 'kiosk';
  /**
   * The queue responses go through. Default: the page's shared outbox (`getSharedOutbox()`), one per
   * database, so several surveys never send a response twice. Set one from `createOutbox()` for
   * another database name or delivery options.
   */
  declare outbox: Outbox | undefined;

  declare protected answers: Answers;
  declare protected page: number;
  declare protected problems: ReadonlyMap<string, AnswerProblem>;
  declare protected phase: Phase;
  declare protected submitting: boolean;

  protected readonly configSource = new ConfigController(this, (state) => this.configResolved(state));
  protected readonly delivery = new DeliveryController(
    this,
    () => {
      const config = this.surveyConfig;
      if (!config) return undefined;
      // The first survey on the page sets up the shared outbox; with its endpoint, records held
      // behind an endpoint error move to a corrected same-origin endpoint on the next load.
      return {
        endpoint: this.endpointUrl(),
        timeoutMs: config.delivery.timeoutMs,
        headers: config.delivery.headers,
        persist: this.mode === 'kiosk' || config.delivery.persist,
      };
    },
    () => this.outbox,
  );
  /** Bumped on every reset so Lit rebuilds the form from scratch: no input keeps an old value. */
  private generation = 0;
  /** The setup problems last reported, so each distinct list is reported (event + console) once. */
  private reportedSetup = '';
  private resolvedConfigJson = '';

  constructor() {
    super();
    this.config = undefined;
    this.src = null;
    this.preset = null;
    this.endpoint = null;
    this.locale = null;
    this.mode = 'inline';
    this.outbox = undefined;
    this.answers = {};
    this.page = 0;
    this.problems = new Map();
    this.phase = 'answering';
    this.submitting = false;
  }

  /** The parsed config, once resolved. */
  get surveyConfig(): SurveyConfig | undefined {
    return this.configSource.state.status === 'ready' ? this.configSource.state.config : undefined;
  }

  /** Clears every answer and returns to the first page. */
  reset() {
    this.clearAnswers();
    this.dispatchEvent(new SurveyResetEvent({ reason: 'reset' }));
  }

  /**
   * Validates, builds the anonymous payload, stores it and hands it to the outbox.
   * Resolves with the submission (or `null` when validation failed or `survey-submit` was
   * cancelled); rejects when the response could not be stored.
   */
  async submit(): Promise<Submission | null> {
    const config = this.surveyConfig;
    if (!config || this.submitting || this.phase !== 'answering') return null;
    const pages = visiblePages(config, this.answers);
    if (!this.validate(pages.flat())) return null;
    this.submitting = true;
    try {
      const submission = buildSubmission(config, this.answers, {
        now: () => Date.now(),
        randomId: () => crypto.randomUUID(),
        locale: this.activeLocale,
      });
      if (!this.dispatchEvent(new SurveySubmitEvent({ submission }))) return null;
      const endpoint = resolveEndpoint(this.endpoint, config, document.baseURI);
      if (!endpoint.ok) throw new Error(`encounter-survey: ${endpoint.message}`);
      await this.delivery.submit(submission, endpoint.url);
      this.afterSubmit();
      return submission;
    } finally {
      this.submitting = false;
    }
  }

  private endpointUrl(): string | undefined {
    const endpoint = this.surveyConfig ? resolveEndpoint(this.endpoint, this.surveyConfig, document.baseURI) : null;
    return endpoint?.ok ? endpoint.url : undefined;
  }

  /** Extension point for kiosk mode: what happens once a response is stored. */
  protected afterSubmit() {
    this.answers = {};
    this.problems = new Map();
    this.generation++;
    this.phase = 'done';
    // The focused Submit button is gone: take focus to the thank-you so it is read out.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="thank-you"]')?.focus());
  }

  protected clearAnswers() {
    this.answers = {};
    this.page = 0;
    this.problems = new Map();
    this.phase = 'answering';
    this.generation++;
    this.delivery.clear();
  }

  /**
   * One of the survey's own locales, so its text, the built-in strings and `lang` (which picks a
   * screen reader's voice) always agree: the `lang` attribute, else the browser's first language
   * the survey offers (es-MX finds es), else the survey's default.
   */
  protected get activeLocale(): string {
    const config = this.surveyConfig;
    if (!config) return this.locale ?? navigator.language;
    if (this.locale) return matchLocale(this.locale, config.locales);
    const language = (tag: string) => tag.toLowerCase().split('-')[0];
    for (const tag of navigator.languages) {
      const offered =
        config.locales.find((locale) => locale.toLowerCase() === tag.toLowerCase()) ??
        config.locales.find((locale) => language(locale) === language(tag));
      if (offered) return offered;
    }
    return config.locales[0]!;
  }

  protected get t(): Translation {
    return translationFor(this.activeLocale);
  }

  protected text(value: Parameters<typeof localize>[0]): string {
    return localize(value, this.activeLocale, this.surveyConfig?.locales[0] ?? 'en');
  }

  override connectedCallback() {
    super.connectedCallback();
    // A back/forward-cache restore must show a fresh survey, never the last person's answers.
    window.addEventListener('pageshow', this.onPageShow);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.onPageShow);
  }

  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && (this.mode === 'kiosk' || this.phase === 'done')) this.clearAnswers();
  };

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    this.configSource.update({
      config: this.config,
      inlineJson: this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null,
      src: this.src,
      preset: this.preset,
    });
    this.reportSetup();
  }

  /** Problems with the config or with where responses go, for the page author; empty when ready. */
  protected setupIssues(): ReadonlyArray<{ path: string; message: string }> {
    const state = this.configSource.state;
    if (state.status === 'error') return state.issues;
    if (state.status === 'loading') return [];
    const endpoint = resolveEndpoint(this.endpoint, state.config, document.baseURI);
    return endpoint.ok ? [] : [{ path: 'endpoint', message: endpoint.message }];
  }

  private reportSetup() {
    const issues = this.setupIssues();
    const report = issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n');
    if (report === this.reportedSetup) return;
    this.reportedSetup = report;
    if (!report) return;
    this.dispatchEvent(new SurveyConfigErrorEvent({ issues }));
    console.error(`encounter-survey: the setup has problems:\n${report}`);
  }

  private configResolved(state: ConfigState) {
    if (state.status !== 'ready') return;
    // A framework re-render that passes an equal config object must not wipe the respondent's answers.
    const json = JSON.stringify(state.config);
    if (json === this.resolvedConfigJson) return;
    this.resolvedConfigJson = json;
    this.clearAnswers();
  }

  private validate(questions: Question[]): boolean {
    const problems = new Map<string, AnswerProblem>();
    for (const question of questions) {
      const problem = validateAnswer(question, this.answers[question.id]);
      if (problem) problems.set(question.id, problem);
    }
    this.problems = problems;
    if (problems.size === 0) return true;
    void this.updateComplete.then(() => {
      const first = this.renderRoot.querySelector<HTMLElement>(
        `[data-question="${[...problems.keys()][0]}"] input, [data-question="${[...problems.keys()][0]}"] textarea`,
      );
      first?.focus();
    });
    return false;
  }

  private onValue = (question: Question, value: AnswerValue | undefined) => {
    const answers = { ...this.answers };
    if (value === undefined) delete answers[question.id];
    else answers[question.id] = value;
    if (Array.isArray(value) ? !value.includes('other') : value !== 'other') delete answers[`${question.id}.other`];
    this.answers = answers;
    if (this.problems.has(question.id)) {
      const problems = new Map(this.problems);
      const problem = validateAnswer(question, value);
      if (problem) problems.set(question.id, problem);
      else problems.delete(question.id);
      this.problems = problems;
    }
  };

  private onOtherText = (question: Question, text: string) => {
    const answers = { ...this.answers };
    if (text.trim() === '') delete answers[`${question.id}.other`];
    else answers[`${question.id}.other`] = text;
    this.answers = answers;
  };

  private go(step: number, pages: Question[][]) {
    if (step > 0 && !this.validate(pages[this.page] ?? [])) return;
    this.problems = new Map();
    this.page = Math.min(Math.max(this.page + step, 0), pages.length - 1);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="form"]')?.focus());
  }

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.submit().catch(() => {
      /* the status line already tells the respondent; the caller of submit() gets the error */
    });
  };

  protected override render() {
    const state = this.configSource.state;
    const t = this.t;
    if (state.status === 'loading') return html`<div part="base" aria-busy="true">${t.loading}</div>`;
    const issues = this.setupIssues();
    if (state.status === 'error' || issues.length > 0) return renderConfigError(issues, t);
    const config = state.config;
    // One status element for every phase, so screen readers announce its change of text.
    return html`<div part="base" lang=${this.activeLocale} dir=${t.$dir}>
      ${this.renderBody(config, t)} ${renderStatus(this.delivery.status, t)} ${this.renderFooter(config, t)}
    </div>`;
  }

  /** The screen for the current phase; kiosk mode adds its own screens. */
  protected renderBody(config: SurveyConfig, t: Translation) {
    if (this.phase === 'done') return this.renderThankYou(config, t);
    return this.renderForm(config, t);
  }

  /** Safety footer etc.; kiosk and safety features render here. */
  protected renderFooter(_config: SurveyConfig, _t: Translation): unknown {
    return nothing;
  }

  private renderThankYou(config: SurveyConfig, t: Translation) {
    return html`<section part="thank-you" tabindex="-1">
      <h2>${config.thankYou ? this.text(config.thankYou) : t.statusSent}</h2>
    </section>`;
  }

  private renderForm(config: SurveyConfig, t: Translation) {
    const pages = visiblePages(config, this.answers);
    const page = Math.min(this.page, pages.length - 1);
    const last = page >= pages.length - 1;
    const questions = pages[page] ?? [];
    return html`
      <h2 part="title">${this.text(config.title)}</h2>
      ${config.intro && page === 0 ? html`<p part="intro">${this.text(config.intro)}</p>` : nothing}
      ${pages.length > 1 ? html`<p class="progress" part="progress">${t.stepOf(page + 1, pages.length)}</p>` : nothing}
      <div role="alert" part="error-summary">${this.problems.size > 0 ? t.problemsFound(this.problems.size) : nothing}</div>
      ${keyed(
        this.generation,
        html`<form part="form" tabindex="-1" autocomplete="off" novalidate @submit=${this.onSubmit}>
          ${questions.map((question) =>
            renderQuestion(question, {
              locale: this.activeLocale,
              fallbackLocale: config.locales[0]!,
              t,
              value: this.answers[question.id],
              otherText: String(this.answers[`${question.id}.other`] ?? ''),
              problem: this.problems.get(question.id) ?? null,
              onValue: this.onValue,
              onOtherText: this.onOtherText,
            }),
          )}
          <div class="actions">
            ${page > 0
              ? html`<button type="button" part="back-button" @click=${() => this.go(-1, pages)}>${t.back}</button>`
              : nothing}
            ${last
              ? html`<button type="submit" class="primary" part="submit-button" ?disabled=${this.submitting}>
                  ${this.submitting ? t.submitting : t.submit}
                </button>`
              : html`<button type="button" class="primary" part="next-button" @click=${() => this.go(1, pages)}>
                  ${t.next}
                </button>`}
          </div>
        </form>`,
      )}
    `;
  }
}

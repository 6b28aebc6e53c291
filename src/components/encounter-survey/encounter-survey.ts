import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Answers } from '../../core/answers.js';
import type { LocalizedText, SurveyConfig, SurveyConfigInput } from '../../core/config/schema.js';
import { bestLocale } from '../../core/locale.js';
import { buildSubmission } from '../../core/payload.js';
import type { Submission } from '../../core/submission-schema.js';
import { localize } from '../../core/text.js';
import { afterPaint } from '../../controllers/after-paint.js';
import { realClock, type Clock } from '../../controllers/clock.js';
import { ConfigController, PartUnavailableError } from '../../controllers/config-controller.js';
import { DeliveryController } from '../../controllers/delivery-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import type { KioskController } from '../../controllers/kiosk-controller.js';
import { SurveyConfigErrorEvent } from '../../events/survey-config-error.js';
import { SurveySubmitEvent } from '../../events/survey-submit.js';
import { surveyStrings } from '../../i18n/index.js';
import type { Outbox } from '../../outbox/index.js';
import { resolveEndpoint } from '../internal/endpoint.js';
import { renderSafety } from '../internal/safety-templates.js';
import { questionStyles } from '../shared/question.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { encounterSurveyStyles } from './encounter-survey.styles.js';
import { renderConfigError, renderForm, renderStatus, renderThankYou } from './survey-templates.js';

/** After the first question shows, the outbox loads on the first touch, or after this long anyway. */
const PREPARE_AFTER_MS = 2000;

/**
 * An anonymous post-encounter survey. Every response is stored on the device first, then sent
 * to the configured endpoint exactly once.
 *
 * @summary Anonymous post-encounter survey with an offline-first, exactly-once outbox.
 * @tag encounter-survey
 *
 * @event survey-submit - Before a response is queued; cancelable. `detail.submission` is the anonymous payload.
 * @event survey-queued - The response is stored and waiting to be sent. `detail: { id, pending, storage }`.
 * @event survey-delivered - The endpoint acknowledged a response from this element. `detail: { id, status }`.
 * @event survey-rejected - The endpoint refused a response for good; it is kept for staff. `detail: { id, status, reason }`.
 * @event survey-config-error - The config could not be used. `detail.issues: { path, message }[]`.
 * @event survey-reset - All answers were cleared. `detail.reason`.
 * @event survey-storage-warning - Responses cannot be kept on this device, or waited too long. `detail: { code, message }`.
 * @event survey-status - The shared queue changed. `detail.status` is the outbox status.
 *
 * @slot - An optional `<script type="application/json">` holding the survey config.
 *
 * @csspart base - The survey's container.
 * @csspart title - The survey title.
 * @csspart intro - The introduction text.
 * @csspart form - The form holding the current page's questions.
 * @csspart question - One question (a fieldset, or a wrapper for text questions).
 * @csspart label - A question's label text.
 * @csspart optional - The "(optional)" marker.
 * @csspart help - A question's help text.
 * @csspart error - A question's validation message.
 * @csspart error-summary - The announced summary of problems on the page.
 * @csspart options - The list of options of a choice question.
 * @csspart option - One option (label wrapping its input).
 * @csspart option-label - An option's text.
 * @csspart option-description - An option's description (support types).
 * @csspart other - The "Other" free text field.
 * @csspart scale - The points of a rating question.
 * @csspart rating-point - One point of a rating scale.
 * @csspart scale-ends - The labels under a rating scale's ends.
 * @csspart text-input - A text question's input or textarea.
 * @csspart character-count - The characters-left counter.
 * @csspart progress - "Step n of m".
 * @csspart back-button - The Back button.
 * @csspart next-button - The Next button.
 * @csspart submit-button - The Submit button.
 * @csspart thank-you - The thank-you screen.
 * @csspart status - The calm delivery status line.
 * @csspart config-error - The box listing config problems (for page authors).
 * @csspart footer - Safety footer: helplines, quick exit, "what this survey sends".
 * @csspart safety-message - The organisation's safety message.
 * @csspart helplines - The list of helplines.
 * @csspart quick-exit - The "Leave this page" button.
 * @csspart disclosure - "What this survey sends".
 * @csspart start - Kiosk start screen.
 * @csspart start-message - Kiosk start screen message.
 * @csspart start-button - Kiosk start / "I'm ready" button.
 * @csspart handover - Kiosk "pass the tablet" screen.
 * @csspart idle-warning - Kiosk "Still there?" warning.
 * @csspart extend-button - "I'm still here".
 * @csspart staff-corner - The corner staff hold for 3 seconds to open their panel (not a Tab stop; Ctrl+Alt+S from a keyboard).
 * @csspart staff-panel - Kiosk staff panel.
 * @csspart send-now - Staff panel "Send now".
 * @csspart export - Staff panel "Export responses".
 *
 * @cssproperty --es-color-text - Text colour.
 * @cssproperty --es-color-muted - Secondary text colour.
 * @cssproperty --es-color-background - Background colour.
 * @cssproperty --es-color-surface - Colour of raised surfaces.
 * @cssproperty --es-color-border - Border colour.
 * @cssproperty --es-color-accent - Buttons, links and checked inputs.
 * @cssproperty --es-color-accent-text - Text on accent-coloured buttons.
 * @cssproperty --es-color-danger - Validation messages.
 * @cssproperty --es-color-focus - Focus ring.
 * @cssproperty --es-font-family - Font (inherits the page's by default).
 * @cssproperty --es-font-size - Base font size.
 * @cssproperty --es-radius - Corner radius.
 * @cssproperty --es-spacing - Base spacing unit.
 * @cssproperty --es-max-width - Maximum width of the survey.
 * @cssproperty --es-target-size - Minimum size of every control (24px; 44px in kiosk mode).
 */
export class EncounterSurvey extends LitElement {
  static override styles = [themeStyles, questionStyles, encounterSurveyStyles];

  static override properties: PropertyDeclarations = {
    config: { attribute: false },
    src: { reflect: true },
    preset: { reflect: true },
    endpoint: {},
    locale: { attribute: 'lang' },
    mode: { reflect: true },
    outbox: { attribute: false },
    clock: { attribute: false },
  };

  /**
   * Survey config object (or JSON text). Wins over inline JSON, `src` and `preset`. Compared by
   * content: a fresh copy with the same content changes nothing, and a changed config keeps the
   * answers to questions that still exist with the same type and choices.
   */
  declare config: SurveyConfigInput | string | undefined;
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
  /** Time source for kiosk timers; tests replace it with one they advance by hand. */
  declare clock: Clock;

  private readonly configSource = new ConfigController(this, (state) => {
    if (state.status === 'ready') this.flow.adopt(state.config);
  });
  private readonly flow = new FlowController(this, {
    settings: () => ({ kiosk: this.mode === 'kiosk', passTheTablet: this.surveyConfig?.kiosk.passTheTablet ?? false }),
    store: (answers) => this.store(answers),
  });
  private readonly delivery = new DeliveryController(this, {
    outboxOptions: () => {
      const config = this.surveyConfig;
      if (!config) return undefined;
      // The first survey on the page sets up the shared outbox; with its endpoint, records held
      // behind an endpoint error move to a corrected same-origin endpoint on the next load.
      const endpoint = resolveEndpoint(this.endpoint, config, document.baseURI);
      return {
        endpoint: endpoint.ok ? endpoint.url : undefined,
        timeoutMs: config.delivery.timeoutMs,
        headers: config.delivery.headers,
        persist: this.mode === 'kiosk' || config.delivery.persist,
      };
    },
    supplied: () => this.outbox,
  });
  /** Kiosk mode's controller, loaded (a chunk of its own) only in kiosk mode. */
  private kiosk?: KioskController;
  private kioskProblem = false;
  /** The setup problems last reported, so each distinct list is reported (event + console) once. */
  private reportedSetup = '';
  private preparing = false;

  constructor() {
    super();
    this.config = undefined;
    this.src = null;
    this.preset = null;
    this.endpoint = null;
    this.locale = null;
    this.mode = 'inline';
    this.outbox = undefined;
    this.clock = realClock;
  }

  /** The config, once resolved (before validation has finished, the quick read of it). */
  get surveyConfig(): SurveyConfig | undefined {
    return this.configSource.state.status === 'ready' ? this.configSource.state.config : undefined;
  }

  /** Clears every answer and returns to the first page (the start screen in kiosk mode). */
  reset() {
    this.delivery.clear();
    this.flow.reset('reset');
  }

  /**
   * Validates, builds the anonymous payload, stores it and hands it to the outbox.
   * Resolves with the submission (or `null` when validation failed or `survey-submit` was
   * cancelled); rejects when the response could not be stored.
   */
  submit(): Promise<Submission | null> {
    return this.flow.submit();
  }

  /**
   * One of the survey's own locales, so its text, the built-in strings and `lang` (which picks a
   * screen reader's voice) always agree: the `lang` attribute, else the browser's first language
   * the survey offers (es-MX finds es), else the survey's default.
   */
  private get activeLocale(): string {
    const config = this.surveyConfig;
    if (!config) return this.locale ?? navigator.language;
    return bestLocale(this.locale ? [this.locale] : navigator.languages, config.locales) ?? config.locales[0]!;
  }

  private text = (value: LocalizedText | undefined): string =>
    localize(value, this.activeLocale, this.surveyConfig?.locales[0] ?? 'en');

  /** Everything Submit does once the answers are complete (the flow controller calls it). */
  private async store(answers: Answers): Promise<Submission | null> {
    let config: SurveyConfig;
    try {
      config = await this.configSource.validated();
    } catch (error) {
      if (error instanceof PartUnavailableError) this.delivery.unavailable();
      throw error;
    }
    const submission = buildSubmission(config, answers, {
      now: () => Date.now(),
      randomId: () => crypto.randomUUID(),
      locale: this.activeLocale,
    });
    if (!this.dispatchEvent(new SurveySubmitEvent({ submission }))) return null;
    const endpoint = resolveEndpoint(this.endpoint, config, document.baseURI);
    if (!endpoint.ok) throw new Error(`encounter-survey: ${endpoint.message}`);
    await this.delivery.submit(submission, endpoint.url);
    return submission;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.configSource.update({
      config: this.config,
      inlineJson: this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null,
      src: this.src,
      preset: this.preset,
    });
    if (changed.has('mode')) this.applyMode();
    if (!surveyStrings.get(this.activeLocale)) void surveyStrings.load(this.activeLocale).then(() => this.requestUpdate());
    this.reportSetup();
  }

  protected override updated() {
    if (!this.preparing && this.surveyConfig) {
      // The first question is on screen: the outbox can load now without delaying it.
      this.preparing = true;
      const prepare = () => this.delivery.prepare();
      this.addEventListener('focusin', prepare, { once: true });
      this.addEventListener('pointerdown', prepare, { once: true });
      void afterPaint().then(() => setTimeout(prepare, PREPARE_AFTER_MS));
    }
  }

  /** A fresh start in the new mode; kiosk mode's part loads when first needed. */
  private applyMode() {
    if (this.mode === 'kiosk' && !this.kiosk) void this.loadKiosk();
    if (this.mode !== 'kiosk' && this.kiosk) {
      this.kiosk.detach();
      this.kiosk = undefined;
    }
    this.flow.reset(null);
  }

  private async loadKiosk() {
    try {
      const { KioskController } = await import('../../controllers/kiosk-controller.js');
      if (this.mode !== 'kiosk' || this.kiosk) return;
      this.kiosk = new KioskController(this, {
        flow: this.flow,
        delivery: this.delivery,
        config: () => this.surveyConfig,
        clock: () => this.clock,
        locale: () => this.activeLocale,
        text: this.text,
      });
      this.kioskProblem = false;
    } catch {
      this.kioskProblem = true;
    }
    this.requestUpdate();
  }

  /** Problems with the setup, for the page author; empty when the survey can be shown. */
  private setupIssues(): ReadonlyArray<{ path: string; message: string }> {
    const state = this.configSource.state;
    if (state.status === 'error') return state.issues;
    if (this.kioskProblem) return [{ path: 'mode', message: 'Kiosk mode could not be loaded; check the connection and reload the page.' }];
    // Until validation has its verdict, what the quick read found is not yet worth reporting.
    if (state.status === 'loading' || !state.validated) return [];
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

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.submit().catch(() => {
      /* the status line already tells the respondent; the caller of submit() gets the error */
    });
  };

  private readonly onQuickExit = (url: string) => {
    // On a shared tablet, leaving the page would strand the kiosk on another site for everyone after.
    if (this.kiosk) return this.kiosk.quickExit();
    this.delivery.clear();
    this.flow.reset('quick-exit');
    // replace(): Back must not return to the survey.
    location.replace(url);
  };

  protected override render() {
    const locale = this.activeLocale;
    const t = surveyStrings.get(locale);
    const state = this.configSource.state;
    const waiting = state.status === 'loading' || (this.mode === 'kiosk' && !this.kiosk && !this.kioskProblem);
    if (!t || waiting) return html`<div part="base" aria-busy="true">${t?.loading ?? nothing}</div>`;
    const issues = this.setupIssues();
    if (state.status === 'error' || issues.length > 0) return renderConfigError(issues, t);
    const config = state.config;
    const survey = () =>
      this.flow.phase === 'done'
        ? renderThankYou(config.thankYou ? this.text(config.thankYou) : t.statusSent)
        : renderForm({ config, flow: this.flow, t, locale, text: this.text, onSubmit: this.onSubmit });
    const footer =
      this.kiosk && !this.kiosk.showsFooter ? nothing : renderSafety({ config, locale, t, onQuickExit: this.onQuickExit });
    // One status element for every phase, so screen readers announce its change of text.
    return html`<div part="base" lang=${locale} dir=${t.$dir}>
      ${this.kiosk ? this.kiosk.render(survey) : survey()} ${renderStatus(this.delivery.status, t)} ${footer}
    </div>`;
  }
}

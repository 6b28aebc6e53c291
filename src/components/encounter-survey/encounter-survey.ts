import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Answers } from '../../core/answers.js';
import type { LocalizedText, SurveyConfig, SurveyConfigInput } from '../../core/config/schema.js';
import { surveyLocale } from '../../core/locale.js';
import type { Submission } from '../../core/submission-schema.js';
import { localize } from '../../core/text.js';
import { realClock, type Clock } from '../../controllers/clock.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { DeliveryController } from '../../controllers/delivery-controller.js';
import { FlowController } from '../../controllers/flow-controller.js';
import { loadRespondParts } from '../../controllers/load-part.js';
import { ModeController } from '../../controllers/mode-controller.js';
import { SubmitRetryController } from '../../controllers/submit-retry-controller.js';
import { leaveNow } from '../../controllers/unload-guard.js';
import { ThemeController } from '../../controllers/theme-controller.js';
import { WarmUpController } from '../../controllers/warm-up-controller.js';
import { surveyStrings } from '../../i18n/index.js';
import type { Outbox } from '../../outbox/index.js';
import { loadDisclosure } from '../internal/safety-templates.js';
import { questionStyles } from '../shared/question.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { encounterSurveyStyles } from './encounter-survey.styles.js';
import { SetupReporter, setupIssues, storeResponse } from './setup.js';
import { renderConfigError, surveyParts } from './survey-templates.js';

/**
 * An anonymous post-encounter survey. Every response is stored on the device first, then sent
 * to the configured endpoint exactly once.
 *
 * @summary Anonymous post-encounter survey with an offline-first, exactly-once outbox.
 * @tag encounter-survey
 *
 * @event survey-submit - Before a response is queued; cancelable. `detail.submission` is the anonymous payload.
 * @event survey-queued - The response is stored and waiting to be sent. `detail: { id, pending, storage }`.
 * @event survey-delivered - A response from this element was sent. `detail: { id, status, verified }`: `verified` is false when the receiver's answer could not be read (`delivery.profile` "no-cors", or a redirect to a host not in `delivery.redirectHosts`).
 * @event survey-rejected - The endpoint refused a response for good; it is kept for staff. `detail: { id, status, reason }`.
 * @event survey-config-error - The config could not be used. `detail.issues: { path, message }[]`.
 * @event survey-reset - All answers were cleared. `detail.reason`.
 * @event survey-storage-warning - Responses cannot be kept on this device, or waited too long. `detail: { code, message }`.
 * @event survey-status - The shared queue changed. `detail.status` is the outbox status.
 * @event survey-open - A dialog or slide-in survey opened.
 * @event survey-close - A dialog or slide-in survey closed; the answers so far are kept in memory. `detail.reason`.
 * @event survey-config-warning - The theme was adjusted to stay readable (a brand colour with too little contrast). `detail.issues: { path, message }[]`.
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
 * @csspart progress - "Step n of m" and its bar.
 * @csspart progress-bar - The bar showing how far through the pages the respondent is.
 * @csspart back-button - The Back button.
 * @csspart next-button - The Next button.
 * @csspart submit-button - The Submit button.
 * @csspart free-text-notice - Under a text box (privacy.freeText "warn"): what in the text could identify someone, and why it matters.
 * @csspart free-text-remove - Its "Remove it" button (takes the found parts out of the text).
 * @csspart free-text-keep - Its "Keep it" button.
 * @csspart thank-you - The thank-you screen.
 * @csspart status - The calm delivery status line.
 * @csspart config-error - The box listing config problems (for page authors).
 * @csspart footer - Safety footer: helplines, quick exit, "what this survey sends".
 * @csspart safety-heading - The footer's one heading ("Need help now?").
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
 * @csspart dialog - `mode="dialog"`: the native modal dialog.
 * @csspart slide-in - `mode="slide-in"`: the card in a corner of the page.
 * @csspart close-button - Close, in a dialog or slide-in.
 * @csspart dont-ask-again - "Don't ask me again", when the page enables it.
 *
 * @cssproperty --es-color-text - Text colour.
 * @cssproperty --es-color-muted - Secondary text colour.
 * @cssproperty --es-color-background - Background colour.
 * @cssproperty --es-color-surface - Colour of raised surfaces.
 * @cssproperty --es-color-border - Border colour.
 * @cssproperty --es-accent - The one brand colour; buttons, links, checked cards and the focus ring derive from it (contrast is checked and adjusted).
 * @cssproperty --es-color-accent - Buttons, links and checked inputs (overrides `--es-accent` as is, unchecked).
 * @cssproperty --es-color-accent-text - Text on accent-coloured buttons.
 * @cssproperty --es-color-danger - Validation messages.
 * @cssproperty --es-color-focus - Focus ring.
 * @cssproperty --es-font-family - Font (inherits the page's by default).
 * @cssproperty --es-font-size - Base font size.
 * @cssproperty --es-radius - Corner radius.
 * @cssproperty --es-spacing - Base spacing unit.
 * @cssproperty --es-max-width - Maximum width of the survey.
 * @cssproperty --es-target-size - Minimum size of every control (44px).
 * @cssproperty --es-slide-in-offset - Distance of the slide-in card from the page edges (1rem).
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
    theme: { reflect: true },
    position: { reflect: true },
    openAfter: { attribute: 'open-after' },
    openOn: { attribute: 'open-on' },
    dontAskAgain: { attribute: 'dont-ask-again', type: Number },
    outbox: { attribute: false },
    clock: { attribute: false },
  };

  /**
   * Survey config object (or JSON text). Wins over inline JSON, `src` and `preset`. Compared by
   * content: a fresh copy with the same content changes nothing, and a changed config keeps the
   * answers to questions that still exist with the same type and choices.
   */
  config: SurveyConfigInput | string | undefined = undefined;
  /** URL of a JSON config file, fetched without credentials. */
  src: string | null = null;
  /** Name of a built-in preset, used when no other config is given. Default `peer-support-encounter`. */
  preset: string | null = null;
  /** Where responses are sent; overrides the config's `endpoint`. https, or http on localhost. */
  endpoint: string | null = null;
  /** The `lang` attribute: language of the survey and of the built-in UI strings. */
  locale: string | null = null;
  /**
   * `inline` (default), `kiosk` for shared tablets, `dialog` (a modal) or `slide-in` (a card in a
   * corner; when it opens by itself it is announced once, politely, without taking focus).
   */
  mode: 'inline' | 'kiosk' | 'dialog' | 'slide-in' = 'inline';
  /** `light` (default), `dark`, `auto` (follows the device) or `high-contrast`. */
  theme: 'light' | 'dark' | 'auto' | 'high-contrast' = 'light';
  /** Slide-in only: `bottom-end` (default), `bottom-start`, `top-end` or `top-start` (logical: mirrors in RTL). */
  position: 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start' = 'bottom-end';
  /** Dialog and slide-in: open by itself after this long on the page, e.g. `30s` or `2m`. Off by default. */
  openAfter: string | null = null;
  /** Dialog and slide-in: open by itself once the page is scrolled this far, e.g. `scroll:60%`. Off by default. */
  openOn: string | null = null;
  /**
   * Dialog and slide-in: offer "Don't ask me again", which keeps one date on the device (this many
   * days ahead, day precision) so the automatic triggers stay quiet until then. Off by default.
   */
  dontAskAgain: number | null = null;
  /**
   * The queue responses go through. Default: the page's shared outbox (`getSharedOutbox()`), one per
   * database, so several surveys never send a response twice. Set one from `createOutbox()` for
   * another database name or delivery options.
   */
  outbox: Outbox | undefined = undefined;
  /** Time source for kiosk timers; tests replace it with one they advance by hand. */
  clock: Clock = realClock;

  private readonly configSource = new ConfigController(this, (state) => {
    if (state.status === 'ready') this.flow.adopt(state.config);
  });
  private readonly flow = new FlowController(this, {
    settings: () => ({ kiosk: this.mode === 'kiosk', passTheTablet: this.surveyConfig?.kiosk.passTheTablet ?? false }),
    store: (answers) => this.store(answers),
  });
  private readonly delivery = new DeliveryController(this, {
    config: () => this.surveyConfig,
    endpoint: () => this.endpoint,
    kiosk: () => this.mode === 'kiosk',
    supplied: () => this.outbox,
  });
  private readonly modes = new ModeController(this, {
    flow: this.flow,
    delivery: this.delivery,
    config: () => this.surveyConfig,
    clock: () => this.clock,
    locale: () => this.activeLocale,
    text: (value) => this.text(value),
  });
  private readonly setup = new SetupReporter(this);
  private readonly retry = new SubmitRetryController(this);
  private readonly themeCheck = new ThemeController(this, () => this.surveyConfig?.theme?.accent);

  constructor() {
    super();
    // What storing a response needs (validation, the payload builder, the outbox) loads after the first question shows.
    new WarmUpController(this, {
      ready: () => this.surveyConfig !== undefined,
      warm: () => {
        this.configSource.prepare();
        this.delivery.prepare();
        return Promise.all([loadRespondParts().then((parts) => new parts.FreeTextGuard(this, this.flow, () => this.activeLocale)), this.showDisclosure()]);
      },
    });
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

  /** Dialog and slide-in: shows the survey (focus moves in). Answers given earlier are still there. */
  async open() {
    await this.updateComplete;
    this.modes.current?.open?.();
  }

  /** Dialog and slide-in: hides the survey; the answers so far stay in memory for the next `open()`. */
  close() {
    this.modes.current?.close?.();
  }

  /** Checks the brand colour's contrast again: call it after changing `--es-accent` while the page runs. */
  refreshTheme() {
    this.themeCheck.recheck();
  }

  private get activeLocale(): string {
    const config = this.surveyConfig;
    return config ? surveyLocale(this.locale, navigator.languages, config.locales) : (this.locale ?? navigator.language);
  }

  private text(value: LocalizedText | undefined): string {
    return localize(value, this.activeLocale, this.surveyConfig?.locales[0] ?? 'en');
  }

  /** Everything Submit does once the answers are complete (the flow controller calls it). */
  private store(answers: Answers): Promise<Submission | null> {
    return storeResponse(answers, {
      host: this,
      config: this.configSource,
      delivery: this.delivery,
      locale: this.activeLocale,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.configSource.update({
      config: this.config,
      inlineJson: this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null,
      src: this.src,
      preset: this.preset,
    });
    if (changed.has('mode')) {
      this.modes.set(this.mode);
      // A fresh start in the new mode (a kiosk opens on its start screen).
      this.flow.reset(null);
    }
    if (!surveyStrings.get(this.activeLocale)) void surveyStrings.load(this.activeLocale).then(() => this.requestUpdate());
    this.setup.report(this.issues());
  }

  private issues() {
    return setupIssues(this.configSource.state, this.modes.problem, (config) => this.delivery.resolve(config));
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.submitAndRetry();
  };

  /** Submit pressed: if part of the page could not load, the response is stored once it does (same answers, same person). */
  private submitAndRetry() {
    const generation = this.flow.generation;
    // The status line already tells the respondent what happened.
    this.submit().catch((error: unknown) =>
      this.retry.failed(error, () => (this.flow.generation === generation && this.flow.phase === 'answering' ? this.submit() : null)),
    );
  }

  /** Loads the body of "what this survey sends" (once per page), then shows it. */
  private showDisclosure() {
    return loadDisclosure().then(() => this.requestUpdate());
  }

  // Opened before the warm-up loaded it (or after that failed): load it now; a failure leaves the summary alone.
  private readonly onDisclosureOpen = () => void this.showDisclosure().catch(() => undefined);

  private readonly onQuickExit = (url: string) => {
    // On a shared tablet, leaving the page would strand the kiosk on another site for everyone after.
    if (this.modes.current?.quickExit?.()) return;
    this.delivery.clear();
    this.flow.reset('quick-exit');
    leaveNow();
    // replace(): Back must not return to the survey.
    location.replace(url);
  };

  protected override render() {
    const locale = this.activeLocale;
    const t = surveyStrings.get(locale);
    const state = this.configSource.state;
    if (!t || state.status === 'loading' || this.modes.waiting) return html`<div part="base" aria-busy="true">${t?.loading ?? nothing}</div>`;
    const issues = this.issues();
    if (state.status === 'error' || issues.length > 0) return renderConfigError(issues, t);
    const parts = surveyParts({
      config: state.config,
      flow: this.flow,
      status: this.delivery.status,
      missingFile: this.delivery.missingFile,
      t,
      locale,
      onSubmit: this.onSubmit,
      onQuickExit: this.onQuickExit,
      dontAskAgainDays: this.dontAskAgain,
      onDisclosureOpen: this.onDisclosureOpen,
    });
    const mode = this.modes.current;
    return html`<div part="base" lang=${locale} dir=${t.$dir}>
      ${mode ? mode.render(parts) : html`${parts.survey()} ${parts.status()} ${parts.footer()}`}
    </div>`;
  }
}

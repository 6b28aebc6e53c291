import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { validateAnswer } from '../../core/answers.js';
import type { SurveyConfig } from '../../core/config/schema.js';
import { realClock, type Clock } from '../../controllers/clock.js';
import { IdleController } from '../../controllers/idle-controller.js';
import { StaffPanelController } from '../../controllers/staff-panel-controller.js';
import { WakeLockController } from '../../controllers/wake-lock-controller.js';
import { SurveyResetEvent } from '../../events/survey-reset.js';
import type { Translation } from '../../i18n/index.js';
import {
  renderHandover,
  renderIdleWarning,
  renderStaffCorner,
  renderStaffPanel,
  renderStart,
} from '../internal/kiosk-templates.js';
import { visiblePages } from '../internal/pages.js';
import { renderSafety } from '../internal/safety-templates.js';
import { SurveyBase } from '../internal/survey-base.js';

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
 * @csspart staff-corner - The invisible corner held to open the staff panel.
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
export class EncounterSurvey extends SurveyBase {
  static override properties: PropertyDeclarations = {
    clock: { attribute: false },
  };

  /** Time source for kiosk timers; tests replace it with one they advance by hand. */
  declare clock: Clock;

  private readonly idle = new IdleController(
    this,
    () => this.clock,
    () => ({
      idleMs: (this.surveyConfig?.kiosk?.idleSeconds ?? 60) * 1000,
      warningMs: (this.surveyConfig?.kiosk?.warningSeconds ?? 15) * 1000,
      onTimeout: () => this.onIdleTimeout(),
    }),
  );
  private readonly staff = new StaffPanelController(
    this,
    () => this.clock,
    () => this.surveyConfig?.kiosk?.staffPin,
    () => this.delivery.connect(),
    () => (this.surveyConfig?.kiosk?.idleSeconds ?? 60) * 1000,
  );
  private readonly wakeLock = new WakeLockController(this);
  private afterSubmitHandle: unknown;
  private warningFocused = false;

  constructor() {
    super();
    this.clock = realClock;
  }

  private get kiosk() {
    return this.mode === 'kiosk';
  }

  protected override clearAnswers() {
    super.clearAnswers();
    this.staff.close();
    this.clock.clearTimeout(this.afterSubmitHandle);
    this.idle.stop();
    if (this.kiosk) this.phase = 'start';
  }

  protected override afterSubmit() {
    super.afterSubmit();
    if (!this.kiosk) return;
    this.idle.stop();
    this.afterSubmitHandle = this.clock.setTimeout(
      () => {
        this.clearAnswers();
        if (this.surveyConfig?.kiosk?.passTheTablet) this.phase = 'handover';
        this.dispatchEvent(new SurveyResetEvent({ reason: 'after-submit' }));
      },
      (this.surveyConfig?.kiosk?.thankYouSeconds ?? 8) * 1000,
    );
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    const warning = this.idle.secondsLeft !== null;
    if (warning && !this.warningFocused) this.renderRoot.querySelector<HTMLElement>('[part="extend-button"]')?.focus();
    this.warningFocused = warning;
    if (changed.has('mode')) {
      this.wakeLock.set(this.kiosk);
      if (changed.get('mode') !== undefined) this.clearAnswers();
    }
  }

  private begin = () => {
    this.phase = 'answering';
    this.idle.start();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="form"]')?.focus());
  };

  private onIdleTimeout() {
    const config = this.surveyConfig;
    if (config?.kiosk?.onIdle === 'submit') {
      const complete = visiblePages(config, this.answers)
        .flat()
        .every((question) => validateAnswer(question, this.answers[question.id]) === null);
      if (complete) {
        void this.submit().catch(() => this.discard('idle'));
        return;
      }
    }
    this.discard('idle');
  }

  private discard(reason: 'idle' | 'quick-exit') {
    this.clearAnswers();
    this.dispatchEvent(new SurveyResetEvent({ reason }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="start-button"]')?.focus());
  }

  private onQuickExit = (url: string) => {
    this.discard('quick-exit');
    // On a shared tablet, leaving the page would strand the kiosk on another site for everyone after;
    // the wipe back to the start screen is the exit there.
    if (this.kiosk) return;
    // replace(): Back must not return to the survey.
    location.replace(url);
  };

  protected override renderBody(config: SurveyConfig, t: Translation) {
    if (!this.kiosk) return super.renderBody(config, t);
    if (this.staff.state !== 'closed') return renderStaffPanel(t, this.activeLocale, this.staff, this.delivery.queue);
    const corner = renderStaffCorner(t, this.staff);
    if (this.phase === 'start') {
      const message = config.kiosk?.startMessage ? this.text(config.kiosk.startMessage) : null;
      return html`${renderStart(t, message, this.text(config.title), this.begin)}${corner}`;
    }
    if (this.phase === 'handover') return html`${renderHandover(t, this.begin)}${corner}`;
    const warning = this.idle.secondsLeft;
    return html`<div ?inert=${warning !== null}>${super.renderBody(config, t)}</div>
      ${warning !== null ? renderIdleWarning(t, warning, () => this.idle.extend()) : nothing}${corner}`;
  }

  protected override renderFooter(config: SurveyConfig, t: Translation) {
    if (this.kiosk && this.staff.state !== 'closed') return nothing;
    return renderSafety({ config, locale: this.activeLocale, t, onQuickExit: this.onQuickExit });
  }
}

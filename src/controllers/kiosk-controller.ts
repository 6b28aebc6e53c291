import { html, nothing } from 'lit';
import { isComplete } from '../core/answers.js';
import { DEFAULTS } from '../core/config/defaults.js';
import type { Phase } from '../core/flow.js';
import { SurveyResetEvent } from '../events/survey-reset.js';
import { kioskStrings } from '../i18n/kiosk/index.js';
import {
  renderHandover,
  renderIdleWarning,
  renderStaffCorner,
  renderStaffPanel,
  renderStart,
} from '../components/encounter-survey/kiosk-templates.js';
import { kioskStyles } from '../components/encounter-survey/kiosk.styles.js';
import { IdleController } from './idle-controller.js';
import { adoptModeStyles, type ModeContext, type SurveyHost, type SurveyMode, type SurveyParts } from './mode-controller.js';
import { StaffPanelController } from './staff-panel-controller.js';
import { WakeLockController } from './wake-lock-controller.js';


/** Where focus belongs on each screen once the staff panel closes. */
const PHASE_FOCUS: Record<Phase, string> = {
  start: '[part~="start-button"]',
  handover: '[part~="start-button"]',
  answering: '[part~="form"]',
  submitting: '[part~="form"]',
  done: '[part~="thank-you"]',
};

/**
 * Kiosk mode for a shared tablet, loaded only when `mode="kiosk"`: the start and hand-over screens,
 * the idle warning and wipe, the timed thank-you, the staff panel and the screen wake lock. It
 * never writes the phase itself: it sends the flow its events.
 */
export class KioskController implements SurveyMode {
  private readonly idle: IdleController;
  private readonly staff: StaffPanelController;
  private readonly wakeLock: WakeLockController;
  private readonly thankYouMs: () => number;
  private readonly dropStyles: () => void;
  private seen: { phase: Phase; generation: number } | null = null;
  private staffSeen: string = 'closed';
  private thankYouTimer: unknown;
  private warningShown = false;
  /** Where focus was when the idle warning took it, to hand it back. */
  private focusBeforeWarning: HTMLElement | null = null;

  constructor(
    private readonly host: SurveyHost,
    private readonly options: ModeContext,
  ) {
    const kiosk = () => ({ ...DEFAULTS.kiosk, ...options.config()?.kiosk });
    this.idle = new IdleController(host, {
      clock: options.clock,
      idleMs: () => kiosk().idleSeconds * 1000,
      warningMs: () => kiosk().warningSeconds * 1000,
      onTimeout: () => this.onIdleTimeout(),
    });
    this.staff = new StaffPanelController(host, {
      clock: options.clock,
      pin: () => options.config()?.kiosk.staffPin,
      outbox: () => options.delivery.connect(),
      idleMs: () => kiosk().idleSeconds * 1000,
    });
    this.wakeLock = new WakeLockController(host);
    this.dropStyles = adoptModeStyles(host, kioskStyles);
    this.thankYouMs = () => kiosk().thankYouSeconds * 1000;
    host.addController(this);
    // A kiosk waits for people all day: its outbox (and what earlier people left in it) loads now.
    options.delivery.prepare();
  }

  hostConnected() {
    this.wakeLock.set(true);
    this.host.addEventListener('keydown', this.onStaffShortcut);
    void kioskStrings.load(this.options.locale()).then(() => this.host.requestUpdate());
  }

  hostDisconnected() {
    this.host.removeEventListener('keydown', this.onStaffShortcut);
    this.options.clock().clearTimeout(this.thankYouTimer);
  }

  /** Leaves kiosk mode (the `mode` attribute changed): timers stop, the screen may sleep. */
  detach() {
    this.hostDisconnected();
    this.idle.stop();
    this.staff.close();
    this.wakeLock.set(false);
    this.host.removeController(this.idle);
    this.host.removeController(this.staff);
    this.host.removeController(this.wakeLock);
    this.host.removeController(this);
    this.dropStyles();
  }

  /** Follows the flow: what each new phase (or a reset) means for timers, the panel and focus. */
  hostUpdate() {
    const { phase, generation } = this.options.flow;
    const before = this.seen;
    this.seen = { phase, generation };
    if (before && before.phase === phase && before.generation === generation) return;
    if (phase === 'answering' && (before?.phase === 'start' || before?.phase === 'handover')) this.idle.start();
    if (phase === 'done') {
      this.idle.stop();
      this.options.clock().clearTimeout(this.thankYouTimer);
      this.thankYouTimer = this.options.clock().setTimeout(() => this.afterThankYou(), this.thankYouMs());
    }
    if (phase === 'start' || phase === 'handover') {
      this.idle.stop();
      this.options.clock().clearTimeout(this.thankYouTimer);
      this.staff.close();
    }
  }

  hostUpdated() {
    const warning = this.idle.secondsLeft !== null;
    const root = this.host.renderRoot;
    if (warning && !this.warningShown) {
      this.focusBeforeWarning = (root as ShadowRoot).activeElement as HTMLElement | null;
      root.querySelector<HTMLElement>('[part~="extend-button"]')?.focus();
    } else if (!warning && this.warningShown && this.options.flow.phase === 'answering') {
      // In the next task: the click that ended the warning (a tap, Enter, Space) has then run its
      // course, so neither the browser's own focusing nor the key lands on the form.
      const before = this.focusBeforeWarning;
      setTimeout(() => {
        const back = before?.isConnected ? before : root.querySelector<HTMLElement>(PHASE_FOCUS.answering);
        back?.focus();
      });
    }
    this.warningShown = warning;
    // Focus follows the staff panel, so a keyboard or screen-reader user is never left on the page body.
    const staff = this.staff.state;
    if (staff !== this.staffSeen) {
      const target = staff === 'pin' ? '#staff-pin' : staff === 'open' ? '#staff-title' : PHASE_FOCUS[this.options.flow.phase];
      root.querySelector<HTMLElement>(target)?.focus();
      this.staffSeen = staff;
    }
  }

  /** The respondent left: wipe back to the start screen, never leave the page (the next person needs it). */
  quickExit() {
    this.discard('quick-exit');
    return true;
  }

  /** The kiosk's screens around the survey; the staff panel replaces everything while open. */
  render({ survey, status, footer }: SurveyParts): unknown {
    const t = kioskStrings.get(this.options.locale());
    if (!t) return nothing;
    const config = this.options.config();
    const { phase } = this.options.flow;
    if (this.staff.state !== 'closed') {
      return html`${renderStaffPanel({ t, locale: this.options.locale(), bucket: config?.timeBucket ?? 'day', staff: this.staff, status: this.options.delivery.queue })}
      ${status()}`;
    }
    const corner = renderStaffCorner(this.staff);
    let screen: unknown;
    if (phase === 'start') {
      const message = config?.kiosk.startMessage ? this.options.text(config.kiosk.startMessage) : null;
      screen = renderStart(t, message, this.options.text(config?.title), this.begin);
    } else if (phase === 'handover') screen = renderHandover(t, this.begin);
    else {
      const warning = this.idle.secondsLeft;
      screen = html`<div ?inert=${warning !== null}>${survey()}</div>
        ${warning !== null ? renderIdleWarning(t, warning, () => this.idle.extend()) : nothing}`;
    }
    return html`${screen}${corner} ${status()} ${footer()}`;
  }

  private readonly begin = () => {
    if (this.options.flow.dispatch('begin')) this.options.flow.focusPageStart();
  };

  private afterThankYou() {
    const { flow, delivery } = this.options;
    if (!flow.dispatch('thank-you-elapsed')) return;
    delivery.clear();
    this.host.dispatchEvent(new SurveyResetEvent({ reason: 'after-submit' }));
    flow.focusAfterUpdate('[part~="start-button"]');
  }

  private onIdleTimeout() {
    const { flow } = this.options;
    const config = this.options.config();
    if (config?.kiosk.onIdle === 'submit' && isComplete(flow.pages.flat(), flow.answers)) {
      void flow.submit().catch(() => this.discard('idle'));
      return;
    }
    this.discard('idle');
  }

  private discard(reason: 'idle' | 'quick-exit') {
    this.options.delivery.clear();
    this.options.flow.reset(reason);
    this.options.flow.focusAfterUpdate('[part~="start-button"]');
  }

  /** Ctrl+Alt+S opens the staff panel from a keyboard (the corner needs a 3-second hold). */
  private readonly onStaffShortcut = (event: KeyboardEvent) => {
    if (!(event.ctrlKey && event.altKey && event.code === 'KeyS') || this.staff.state !== 'closed') return;
    event.preventDefault();
    this.staff.open();
  };
}

import type { ReactiveController } from 'lit';
import { dismissedUntil, parseDelay, parseScrollTrigger, stillDismissed } from '../../core/triggers.js';
import { SurveyCloseEvent, type SurveyCloseReason } from '../../events/survey-close.js';
import { SurveyOpenEvent } from '../../events/survey-open.js';
import type { ModeContext, SurveyHost } from '../mode-controller.js';


const storageKey = (surveyId: string) => `encounter-survey:dismissed-until:${surveyId}`;

/** The page element focused now, looking into shadow roots (the opener may live in one). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * What a dialog and a slide-in survey share: open or not, who opened it (focus goes back there), the
 * opt-in triggers, and "don't ask again". Closing keeps the answers given so far, in memory only; a
 * survey closed after its thank-you opens fresh.
 */
export class FrameController implements ReactiveController {
  isOpen = false;
  private opener: HTMLElement | null = null;
  /** What had focus when it opened by itself (the opener stays null: a prompt never takes focus). */
  private before: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watchingScroll = false;
  /** What the triggers were last set up for; they are set up again when the page changes it. */
  private armedFor: string | null = null;

  constructor(
    private readonly host: SurveyHost,
    private readonly context: ModeContext,
    private readonly onChange: (open: boolean, how: { moveFocus: boolean }) => void,
  ) {
    host.addController(this);
  }

  /** Triggers wait for the config ("don't ask again" is kept per survey id), and follow the attributes. */
  hostUpdated() {
    const id = this.context.config()?.id;
    const armFor = `${id}|${this.host.openAfter}|${this.host.openOn}|${this.host.dontAskAgain}`;
    if (!id || armFor === this.armedFor) return;
    this.armedFor = armFor;
    this.armTriggers();
  }

  hostDisconnected() {
    this.disarm();
    this.armedFor = null;
  }

  /** Opens now. `moveFocus` is false for automatic triggers: a prompt must not steal focus. */
  open({ moveFocus = true } = {}) {
    if (this.isOpen) return;
    this.disarm();
    if (this.context.flow.phase === 'done') this.context.flow.reset(null);
    this.before = deepActiveElement();
    this.opener = moveFocus ? this.before : null;
    this.isOpen = true;
    this.onChange(true, { moveFocus });
    this.host.requestUpdate();
    this.host.dispatchEvent(new SurveyOpenEvent());
  }

  close(reason: SurveyCloseReason) {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.onChange(false, { moveFocus: false });
    this.host.requestUpdate();
    this.host.dispatchEvent(new SurveyCloseEvent({ reason }));
    // Focus inside a survey that hides would fall to the page's body: back to who opened it, else the
    // survey's launcher, else what had focus before it opened by itself.
    const inside = this.host.contains(document.activeElement) || this.host.renderRoot.contains(deepActiveElement());
    const back = this.opener ?? (inside ? (this.launcher() ?? this.before) : null);
    if (back?.isConnected) back.focus();
    this.opener = this.before = null;
  }

  /** The button of a `<survey-launcher for=…>` that opens this survey, if the page has one. */
  private launcher(): HTMLElement | null {
    if (!this.host.id) return null;
    const launcher = (this.host.getRootNode() as ParentNode).querySelector(`survey-launcher[for="${CSS.escape(this.host.id)}"]`);
    return launcher?.shadowRoot?.querySelector<HTMLElement>('[part~="button"]') ?? null;
  }

  /** "Don't ask me again" is offered only when the page enables it (`dont-ask-again="<days>"`). */
  get offersDontAskAgain(): boolean {
    return (this.host.dontAskAgain ?? 0) > 0;
  }

  /** Keeps one date, at day precision, for this survey; automatic triggers stay quiet until then. */
  dontAskAgain() {
    const id = this.context.config()?.id;
    const days = this.host.dontAskAgain ?? 0;
    if (id && days > 0) {
      try {
        localStorage.setItem(storageKey(id), dismissedUntil(Date.now(), days));
      } catch {
        /* storage refused (private mode): the survey still closes */
      }
    }
    this.close('dont-ask-again');
  }

  detach() {
    this.disarm();
    if (this.isOpen) this.close('mode-change');
    this.host.removeController(this);
  }

  /** Sets up the page's opt-in triggers (once the config is known, for "don't ask again"). */
  armTriggers() {
    this.disarm();
    const id = this.context.config()?.id;
    if (!id || this.isOpen || this.dismissed(id)) return;
    const delay = parseDelay(this.host.openAfter);
    if (delay !== null) this.timer = setTimeout(() => this.open({ moveFocus: false }), delay);
    if (parseScrollTrigger(this.host.openOn) !== null) {
      this.watchingScroll = true;
      window.addEventListener('scroll', this.onScroll, { passive: true });
      this.onScroll();
    }
  }

  private dismissed(id: string): boolean {
    if (!this.offersDontAskAgain) return false;
    try {
      return stillDismissed(localStorage.getItem(storageKey(id)), Date.now());
    } catch {
      return false;
    }
  }

  private readonly onScroll = () => {
    const fraction = parseScrollTrigger(this.host.openOn);
    const scrollable = document.documentElement.scrollHeight - window.innerHeight;
    if (fraction !== null && scrollable > 0 && window.scrollY / scrollable >= fraction) this.open({ moveFocus: false });
  };

  private disarm() {
    clearTimeout(this.timer);
    if (this.watchingScroll) window.removeEventListener('scroll', this.onScroll);
    this.watchingScroll = false;
  }
}

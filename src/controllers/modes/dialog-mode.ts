import { css, html } from 'lit';
import { surveyStrings } from '../../i18n/index.js';
import { adoptModeStyles, type ModeContext, type SurveyHost, type SurveyMode, type SurveyParts } from '../mode-controller.js';
import { FrameController } from './frame-controller.js';
import { closeIcon, frameStyles } from './frame-styles.js';

const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(36rem, 100vw - 1rem);
    max-block-size: min(48rem, 100dvh - 1rem);
    padding: var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 1.5rem 3rem rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog[open] {
    animation: es-rise 180ms ease-out;
  }
  @keyframes es-rise {
    from {
      opacity: 0;
      transform: translateY(0.75rem);
    }
  }
`;

/**
 * `mode="dialog"`: the survey in a native modal `<dialog>`. `open()` (or a launcher, or a trigger)
 * shows it and focus moves in; Escape or Close hides it and focus goes back to what opened it.
 */
export class DialogMode implements SurveyMode {
  private readonly frame: FrameController;
  private readonly dropStyles: () => void;

  constructor(
    private readonly host: SurveyHost,
    private readonly context: ModeContext,
  ) {
    this.frame = new FrameController(host, context, () => undefined);
    this.dropStyles = adoptModeStyles(host, css`${frameStyles}${dialogStyles}`);
    host.addController(this);
  }

  get isOpen() {
    return this.frame.isOpen;
  }

  open() {
    this.frame.open();
  }

  close() {
    this.frame.close('api');
  }

  /** Keeps the native dialog in step with the frame's state. */
  hostUpdated() {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.frame.isOpen && !dialog.open) dialog.showModal();
    else if (!this.frame.isOpen && dialog.open) dialog.close();
  }

  detach() {
    this.frame.detach();
    this.dropStyles();
    this.host.removeController(this);
  }

  render({ survey, status, footer }: SurveyParts) {
    const t = surveyStrings.get(this.context.locale())!;
    const onCancel = (event: Event) => {
      event.preventDefault();
      this.frame.close('escape');
    };
    // The browser closed it (a form with method="dialog", say): follow it.
    const onClose = () => this.frame.isOpen && this.frame.close('escape');
    return html`<dialog part="dialog" aria-label=${this.context.text(this.context.config()?.title)} @cancel=${onCancel} @close=${onClose}>
      <div class="frame-bar">
        <button type="button" part="close-button" aria-label=${t.closeSurvey} @click=${() => this.frame.close('close-button')}>${closeIcon}</button>
      </div>
      ${survey()} ${status()} ${footer()}
      ${this.frame.offersDontAskAgain
        ? html`<button type="button" part="dont-ask-again" @click=${() => this.frame.dontAskAgain()}>${t.dontAskAgain}</button>`
        : null}
    </dialog>`;
  }
}

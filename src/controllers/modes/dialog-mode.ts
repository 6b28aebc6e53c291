import { css, html } from 'lit';
import type { ModeContext, SurveyHost, SurveyParts } from '../mode-controller.js';
import { FramedMode } from './framed-mode.js';

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
export class DialogMode extends FramedMode {
  constructor(host: SurveyHost, context: ModeContext) {
    super(host, context, dialogStyles);
  }

  /** Keeps the native dialog in step with the frame's state. */
  override hostUpdated() {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.frame.isOpen && !dialog.open) dialog.showModal();
    else if (!this.frame.isOpen && dialog.open) dialog.close();
  }

  override render(parts: SurveyParts) {
    const onCancel = (event: Event) => {
      event.preventDefault();
      this.frame.close('escape');
    };
    // The browser closed it (a form with method="dialog", say): follow it.
    const onClose = () => this.frame.isOpen && this.frame.close('escape');
    return html`<dialog part="dialog" aria-label=${this.label} @cancel=${onCancel} @close=${onClose}>${this.inside(parts)}</dialog>`;
  }
}

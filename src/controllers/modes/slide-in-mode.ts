import { css, html } from 'lit';
import { surveyStrings } from '../../i18n/index.js';
import { adoptModeStyles, type ModeContext, type SurveyHost, type SurveyMode, type SurveyParts } from '../mode-controller.js';
import { FrameController } from './frame-controller.js';
import { closeIcon, frameStyles } from './frame-styles.js';

const slideInStyles = css`
  .slide-in {
    position: fixed;
    z-index: 2147483000;
    inset-block-end: var(--es-slide-in-offset, 1rem);
    inset-inline-end: var(--es-slide-in-offset, 1rem);
    box-sizing: border-box;
    inline-size: min(24rem, 100vw - 2rem);
    max-block-size: min(40rem, 70dvh);
    overflow: auto;
    padding: var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 1rem 2.5rem rgb(0 0 0 / 0.22);
    animation: es-slide 220ms ease-out;
  }
  .slide-in[hidden] {
    display: none;
  }
  :host([position='bottom-start']) .slide-in {
    inset-inline: var(--es-slide-in-offset, 1rem) auto;
  }
  :host([position='top-end']) .slide-in,
  :host([position='top-start']) .slide-in {
    inset-block: var(--es-slide-in-offset, 1rem) auto;
  }
  :host([position='top-start']) .slide-in {
    inset-inline: var(--es-slide-in-offset, 1rem) auto;
  }
  /* On a phone it docks at the bottom, full width, and never reaches the top of the screen where
     pages keep their own close buttons. */
  @media (max-width: 40rem) {
    .slide-in,
    :host([position]) .slide-in {
      inset: auto 0 0 0;
      inline-size: 100%;
      max-block-size: 65dvh;
      border-end-start-radius: 0;
      border-end-end-radius: 0;
    }
  }
  @keyframes es-slide {
    from {
      opacity: 0;
      transform: translateY(1.5rem);
    }
  }
`;

/**
 * `mode="slide-in"`: a card in a corner of the page (`position="bottom-end"` by default; logical, so
 * it mirrors in right-to-left pages). Not modal: the page stays usable. Escape or Close dismisses it.
 */
export class SlideInMode implements SurveyMode {
  private readonly frame: FrameController;
  private readonly dropStyles: () => void;
  private focusOnOpen = false;

  constructor(
    private readonly host: SurveyHost,
    private readonly context: ModeContext,
  ) {
    this.frame = new FrameController(host, context, (open, { moveFocus }) => (this.focusOnOpen = open && moveFocus));
    this.dropStyles = adoptModeStyles(host, css`${frameStyles}${slideInStyles}`);
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

  hostUpdated() {
    if (!this.focusOnOpen) return;
    this.focusOnOpen = false;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="close-button"]')?.focus();
  }

  detach() {
    this.frame.detach();
    this.dropStyles();
    this.host.removeController(this);
  }

  render({ survey, status, footer }: SurveyParts) {
    const t = surveyStrings.get(this.context.locale())!;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') this.frame.close('escape');
    };
    return html`<section
      class="slide-in"
      part="slide-in"
      role="dialog"
      aria-modal="false"
      aria-label=${this.context.text(this.context.config()?.title)}
      ?hidden=${!this.frame.isOpen}
      @keydown=${onKey}
    >
      <div class="frame-bar">
        <button type="button" part="close-button" aria-label=${t.closeSurvey} @click=${() => this.frame.close('close-button')}>${closeIcon}</button>
      </div>
      ${survey()} ${status()} ${footer()}
      ${this.frame.offersDontAskAgain
        ? html`<button type="button" part="dont-ask-again" @click=${() => this.frame.dontAskAgain()}>${t.dontAskAgain}</button>`
        : null}
    </section>`;
  }
}

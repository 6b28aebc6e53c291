import { css, html } from 'lit';
import type { ModeContext, SurveyHost, SurveyParts } from '../mode-controller.js';
import { surveyStrings } from '../../i18n/index.js';
import { FramedMode } from './framed-mode.js';

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
    /* The title and Close share the first row, so a long title wraps beside Close, never under it. */
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    column-gap: calc(var(--_spacing) / 2);
  }
  .slide-in > * {
    grid-column: 1 / -1;
  }
  .slide-in > .frame-bar {
    grid-area: 1 / 2;
    margin: 0;
  }
  .slide-in > [part~='title'],
  .slide-in > [part~='thank-you'] {
    grid-area: 1 / 1;
    margin-block-start: 0;
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
export class SlideInMode extends FramedMode {
  private focusOnOpen = false;
  /** Opened by itself (no opener, focus stays on the page): said once in a polite live region. */
  private announce = false;

  constructor(host: SurveyHost, context: ModeContext) {
    super(host, context, slideInStyles);
  }

  protected override onToggle(open: boolean, { moveFocus }: { moveFocus: boolean }) {
    this.focusOnOpen = open && moveFocus;
    this.announce = open && !moveFocus;
  }

  override hostUpdated() {
    if (!this.focusOnOpen) return;
    this.focusOnOpen = false;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="close-button"]')?.focus();
  }

  override render(parts: SurveyParts) {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') this.frame.close('escape');
    };
    const t = surveyStrings.get(this.context.locale())!;
    // The live region is always there, so filling it is announced (once: its text does not change while open).
    return html`<div role="status" class="visually-hidden">${this.announce && this.frame.isOpen ? t.surveyOpened(this.label) : ''}</div>
      <section class="slide-in" part="slide-in" role="dialog" aria-modal="false" aria-label=${this.label} ?hidden=${!this.frame.isOpen} @keydown=${onKey}>
        ${this.inside(parts)}
      </section>`;
  }
}

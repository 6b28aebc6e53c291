import { css, html, type CSSResult } from 'lit';
import { surveyStrings } from '../../i18n/index.js';
import { adoptModeStyles, type ModeContext, type SurveyHost, type SurveyMode, type SurveyParts } from '../mode-controller.js';
import { FrameController } from './frame-controller.js';
import { closeIcon, frameStyles } from './frame-styles.js';

/**
 * What a dialog and a slide-in have in common: a frame that opens and closes (FrameController),
 * their stylesheet while the mode lasts, and the inside — Close, the survey, "don't ask again".
 * Each mode draws its own container around `inside()`.
 */
export abstract class FramedMode implements SurveyMode {
  protected readonly frame: FrameController;
  private readonly dropStyles: () => void;

  constructor(
    protected readonly host: SurveyHost,
    protected readonly context: ModeContext,
    styles: CSSResult,
  ) {
    this.frame = new FrameController(host, context, (open, how) => this.onToggle(open, how));
    this.dropStyles = adoptModeStyles(host, css`${frameStyles}${styles}`);
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

  detach() {
    this.frame.detach();
    this.dropStyles();
    this.host.removeController(this);
  }

  abstract render(parts: SurveyParts): unknown;

  /** Each mode keeps its container in step with the frame after a render. */
  hostUpdated(): void {}

  /** Called when the frame opens or closes (`moveFocus` is false for an automatic trigger). */
  protected onToggle(_open: boolean, _how: { moveFocus: boolean }): void {}

  /** The survey's title, which names the frame for screen readers. */
  protected get label() {
    return this.context.text(this.context.config()?.title);
  }

  /** Close, the survey, and "don't ask again" when the page offers it. */
  protected inside({ survey, status, footer }: SurveyParts) {
    const t = surveyStrings.get(this.context.locale())!;
    return html`<div class="frame-bar">
        <button type="button" part="close-button" aria-label=${t.closeSurvey} @click=${() => this.frame.close('close-button')}>${closeIcon}</button>
      </div>
      ${survey()} ${status()} ${footer()}
      ${this.frame.offersDontAskAgain
        ? html`<button type="button" part="dont-ask-again" @click=${() => this.frame.dontAskAgain()}>${t.dontAskAgain}</button>`
        : null}`;
  }
}

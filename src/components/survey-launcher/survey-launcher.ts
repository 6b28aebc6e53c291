import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { surveyStrings } from '../../i18n/index.js';
import { themeStyles } from '../shared/theme.styles.js';
import { surveyLauncherStyles } from './survey-launcher.styles.js';

/** What the launcher needs of the survey it opens. */
interface OpenableSurvey extends HTMLElement {
  open(): Promise<void> | void;
}

/**
 * A "Feedback" tab or button that opens a survey in `mode="dialog"` or `mode="slide-in"`: floating on
 * an edge of the page, or placed in a portal's own header (`position="inline"`). A native button, so
 * keyboards and screen readers work as usual; it says whether the survey is open. At 40rem wide or
 * less a floating launcher docks as a 44px-high button in a bottom corner.
 *
 * @summary A "Feedback" tab or button that opens a dialog or slide-in survey.
 * @tag survey-launcher
 *
 * @csspart button - The button.
 *
 * @cssproperty --es-accent - The button's colour (default: the survey's calm teal).
 * @cssproperty --es-color-accent-text - The label's colour on it.
 * @cssproperty --es-font-family - Font (inherits the page's by default).
 * @cssproperty --es-launcher-offset - Distance from the page edge when floating (0 for the side tab).
 * @cssproperty --es-color-accent - The button's colour as is (overrides `--es-accent`, unchecked).
 * @cssproperty --es-color-text - Text colour.
 * @cssproperty --es-color-focus - Focus ring.
 * @cssproperty --es-radius - Corner radius.
 * @cssproperty --es-target-size - Minimum size of the button (44px).
 * @cssproperty --es-font-size - Base font size.
 */
export class SurveyLauncher extends LitElement {
  static override styles = [themeStyles, surveyLauncherStyles];

  static override properties = {
    for: { reflect: true },
    label: {},
    position: { reflect: true },
    locale: { attribute: 'lang' },
    expanded: { state: true },
  };

  /** The id of the `<encounter-survey>` to open (in the same document or shadow root). */
  declare for: string | null;
  /** The button's text; default "Feedback" in the page's language. */
  declare label: string | null;
  /** `middle-end` (default: a tab on the side), `bottom-end`, `bottom-start`, `middle-start`, or `inline` (in the page's own layout). Logical: mirrors in RTL. At ≤ 40rem every floating position docks in a bottom corner. */
  declare position: 'middle-end' | 'middle-start' | 'bottom-end' | 'bottom-start' | 'inline';
  /** Language of the default label; otherwise the closest `[lang]`. */
  declare locale: string | null;
  /** Whether the survey it opens is open (for `aria-expanded`); internal state, not API. */
  declare protected expanded: boolean;

  private watched: HTMLElement | null = null;

  constructor() {
    super();
    this.for = null;
    this.label = null;
    this.position = 'middle-end';
    this.locale = null;
    this.expanded = false;
  }

  /** The survey this button opens, if it is on the page. */
  get survey(): OpenableSurvey | null {
    if (!this.for) return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    const found = root.getElementById?.(this.for) ?? document.getElementById(this.for);
    return found && typeof (found as OpenableSurvey).open === 'function' ? (found as OpenableSurvey) : null;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.watch(null);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const lang = this.language();
    if (!surveyStrings.get(lang)) void surveyStrings.load(lang).then(() => this.requestUpdate());
    if (changed.has('for')) this.watch(this.survey);
  }

  private language() {
    return this.locale ?? this.closest('[lang]')?.getAttribute('lang') ?? 'en';
  }

  /** Follows the survey's open and close, so `aria-expanded` tells the truth. */
  private watch(survey: HTMLElement | null) {
    this.watched?.removeEventListener('survey-open', this.onOpen);
    this.watched?.removeEventListener('survey-close', this.onClose);
    this.watched = survey;
    survey?.addEventListener('survey-open', this.onOpen);
    survey?.addEventListener('survey-close', this.onClose);
  }

  private readonly onOpen = () => (this.expanded = true);
  private readonly onClose = () => (this.expanded = false);

  private readonly onClick = () => {
    const survey = this.survey;
    if (!survey) return console.error(`survey-launcher: no <encounter-survey id="${this.for ?? ''}"> to open.`);
    if (survey !== this.watched) this.watch(survey);
    void survey.open();
  };

  protected override render() {
    const t = surveyStrings.get(this.language());
    if (!t) return nothing;
    return html`<button type="button" part="button" aria-haspopup="dialog" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${this.onClick}>
      ${this.label ?? t.feedback}
    </button>`;
  }
}

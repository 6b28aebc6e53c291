import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { validateAnswer, type AnswerProblem } from '../../core/answers.js';
import type { ChoiceOption, Question } from '../../core/config/schema.js';
import { OTHER_VALUE, SELECTOR_OTHER_MAX_LENGTH, selectorQuestion, validityFlag } from '../../core/selector.js';
import type { AnswerValue } from '../../core/submission-schema.js';
import { truncateCodePoints } from '../../core/text.js';
import { surveyStrings } from '../../i18n/index.js';
import { problemMessage, renderQuestion } from '../internal/question-templates.js';
import { questionStyles } from '../shared/question.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { supportTypeSelectorStyles } from './support-type-selector.styles.js';

/**
 * The support-type question on its own, as a form control: put it in any `<form>` with a `name`
 * and the form's `FormData` carries one entry per selected type (plus `<name>.other` for the
 * "Other" text). Takes part in validation, reset, and state restore like a native control.
 *
 * @summary "Which kinds of support did you receive?" as a form-associated checkbox group.
 * @tag support-type-selector
 *
 * @event change - The user changed the selection (native, bubbles).
 * @event input - The user ticked, unticked or typed "Other" text (native, bubbles, composed).
 *
 * @slot - An optional `<script type="application/json">` with the options: `[{ "value", "label", "description"? }]`.
 *
 * @csspart question - The fieldset.
 * @csspart label - The legend text.
 * @csspart optional - The "(optional)" marker.
 * @csspart help - Help text.
 * @csspart error - The validation message, shown after the form was checked.
 * @csspart options - The list of options.
 * @csspart option - One option (label wrapping its checkbox).
 * @csspart option-label - An option's text.
 * @csspart option-description - An option's description.
 * @csspart other - The "Other" text field.
 *
 * @cssstate invalid - The selection does not meet `required`/`min`/`max`.
 * @cssstate has-value - At least one type is selected.
 *
 * @cssproperty --es-color-accent - Checked checkboxes and focus.
 * @cssproperty --es-color-text - Text colour.
 * @cssproperty --es-color-muted - Descriptions and help.
 * @cssproperty --es-color-danger - The validation message.
 * @cssproperty --es-font-family - Font (inherits the page's by default).
 * @cssproperty --es-spacing - Base spacing unit.
 * @cssproperty --es-target-size - Minimum size of each option (44px).
 * @cssproperty --es-accent - The one brand colour the accent derives from (contrast checked).
 * @cssproperty --es-color-border - Option borders.
 * @cssproperty --es-color-surface - Option cards.
 * @cssproperty --es-color-background - Background colour.
 * @cssproperty --es-color-focus - Focus ring.
 * @cssproperty --es-radius - Corner radius of the option cards.
 * @cssproperty --es-font-size - Base font size.
 */
export class SupportTypeSelector extends LitElement {
  static formAssociated = true;
  static override styles = [themeStyles, questionStyles, supportTypeSelectorStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    name: { reflect: true },
    label: {},
    help: {},
    required: { type: Boolean, reflect: true },
    min: { type: Number },
    max: { type: Number },
    disabled: { type: Boolean, reflect: true },
    allowOther: { type: Boolean, attribute: 'allow-other' },
    descriptions: { type: Boolean },
    locale: { attribute: 'lang' },
    options: { attribute: false },
    value: { attribute: false },
    otherText: { attribute: false },
    showProblem: { state: true, attribute: false },
    formDisabled: { state: true, attribute: false },
  };

  /** Name of the form field; each selected value becomes one `FormData` entry under it. */
  declare name: string;
  /** The question text (legend). Defaults to the built-in wording in the active language. */
  declare label: string | null;
  /** Optional help text under the legend. */
  declare help: string | null;
  /** At least one type must be selected. */
  declare required: boolean;
  /** Minimum number of selected types. */
  declare min: number | undefined;
  /** Maximum number of selected types. */
  declare max: number | undefined;
  declare disabled: boolean;
  /** Adds an "Other" option with a short text field (sent as `<name>.other`). */
  declare allowOther: boolean;
  /** Shows each type's description under its label. */
  declare descriptions: boolean;
  /** The `lang` attribute: language of labels and messages. */
  declare locale: string | null;
  /** Options to offer instead of the built-in taxonomy. */
  declare options: ChoiceOption[] | undefined;
  /** Selected values, in option order. */
  declare value: string[];
  /** Text typed under "Other". */
  declare otherText: string;
  declare protected showProblem: boolean;
  declare protected formDisabled: boolean;

  private readonly internals = this.attachInternals();
  /** Inline options, checked once per distinct script text (the check is a chunk of its own). */
  private inline: { text: string; options?: ChoiceOption[] | undefined; pending?: boolean } | null = null;

  constructor() {
    super();
    this.name = '';
    this.label = null;
    this.help = null;
    this.required = false;
    this.min = undefined;
    this.max = undefined;
    this.disabled = false;
    this.allowOther = false;
    this.descriptions = false;
    this.locale = null;
    this.options = undefined;
    this.value = [];
    this.otherText = '';
    this.showProblem = false;
    this.formDisabled = false;
    this.addEventListener('invalid', () => (this.showProblem = true));
  }

  get form() {
    return this.internals.form;
  }
  get validity() {
    return this.internals.validity;
  }
  get validationMessage() {
    return this.internals.validationMessage;
  }
  get willValidate() {
    return this.internals.willValidate;
  }
  checkValidity() {
    return this.internals.checkValidity();
  }
  reportValidity() {
    return this.internals.reportValidity();
  }

  formResetCallback() {
    this.value = [];
    this.otherText = '';
    this.showProblem = false;
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null) {
    if (typeof state !== 'string') return;
    try {
      const restored = JSON.parse(state) as { value?: unknown; otherText?: unknown };
      if (Array.isArray(restored.value)) this.value = restored.value.filter((item) => typeof item === 'string');
      if (typeof restored.otherText === 'string') this.otherText = restored.otherText;
    } catch {
      /* a state we did not write: ignore it */
    }
  }

  /** The `lang` attribute, else the closest `[lang]` around it, else English. */
  private get language(): string {
    return this.locale ?? this.closest('[lang]')?.getAttribute('lang') ?? 'en';
  }

  private question(label: string): Question & { type: 'support-types' } {
    return selectorQuestion({
      name: this.name,
      label: this.label ?? label,
      help: this.help,
      required: this.required,
      min: this.min,
      max: this.max,
      allowOther: this.allowOther,
      options: this.options ?? this.inline?.options,
    });
  }

  /** Inline options are read once per distinct script text; until then the element shows nothing. */
  private readInlineOptions() {
    const text = this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null;
    if (text === null) return void (this.inline = null);
    if (this.inline?.text === text) return;
    this.inline = { text, pending: true };
    // The parser comes with what storing a survey's response needs: one file (see respond-chunk.ts).
    void import('../../controllers/respond-chunk.js')
      .then(({ parseChoiceOptionsJson }) => {
        const parsed = parseChoiceOptionsJson(text);
        if ('issues' in parsed) {
          const problem = parsed.issues.map((issue) => `${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('; ');
          console.error(`support-type-selector: inline options are invalid (${problem}); using the default types.`);
        }
        if (this.inline?.text === text) this.inline = { text, options: 'options' in parsed ? parsed.options : undefined };
      })
      .catch(() => {
        if (this.inline?.text === text) this.inline = { text };
      })
      .finally(() => this.requestUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.readInlineOptions();
    if (!surveyStrings.get(this.language)) void surveyStrings.load(this.language).then(() => this.requestUpdate());
    if (changed.has('value') || changed.has('otherText') || changed.has('name')) this.syncFormValue();
  }

  protected override updated() {
    this.syncValidity();
  }

  private syncFormValue() {
    const data = new FormData();
    if (this.name) {
      for (const value of this.value) data.append(this.name, value);
      const other = truncateCodePoints(this.otherText.trim(), SELECTOR_OTHER_MAX_LENGTH);
      if (this.value.includes(OTHER_VALUE) && other) data.append(`${this.name}.other`, other);
    }
    this.internals.setFormValue(data, JSON.stringify({ value: this.value, otherText: this.otherText }));
    this.toggleState('has-value', this.value.length > 0);
  }

  private currentProblem(): AnswerProblem | null {
    return validateAnswer(this.question(''), this.value.length > 0 ? this.value : undefined);
  }

  private syncValidity() {
    const t = surveyStrings.get(this.language);
    const problem = this.disabled || this.formDisabled || !t ? null : this.currentProblem();
    const anchor = this.renderRoot.querySelector<HTMLElement>('input') ?? undefined;
    if (!problem) this.internals.setValidity({});
    else this.internals.setValidity({ [validityFlag(problem)]: true }, problemMessage(problem, t!), anchor);
    this.toggleState('invalid', problem !== null);
  }

  private toggleState(state: string, on: boolean) {
    try {
      if (on) this.internals.states.add(state);
      else this.internals.states.delete(state);
    } catch {
      /* CustomStateSet is missing in older engines; styling hooks only */
    }
  }

  private onValue = (_question: Question, value: AnswerValue | undefined) => {
    this.value = Array.isArray(value) ? value : [];
    this.showProblem = this.showProblem && this.currentProblem() !== null;
  };

  private onOtherText = (_question: Question, text: string) => {
    this.otherText = text;
  };

  /** Native `change` does not cross the shadow boundary, so the host fires its own. */
  private onChange = (event: Event) => {
    if (event.target === this) return;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  protected override render() {
    const lang = this.language;
    const t = surveyStrings.get(lang);
    if (!t || this.inline?.pending) return nothing;
    return html`<div dir=${t.$dir} @change=${this.onChange}>
      ${renderQuestion(this.question(t.supportTypesQuestion), {
        locale: lang,
        fallbackLocale: 'en',
        t,
        value: this.value,
        otherText: this.otherText,
        problem: this.showProblem ? this.currentProblem() : null,
        disabled: this.disabled || this.formDisabled,
        hideDescriptions: !this.descriptions,
        onValue: this.onValue,
        onOtherText: this.onOtherText,
      })}
    </div>`;
  }
}

// (c) The floor: what the same survey costs with nothing but Lit and native inputs. No config
// parsing, no i18n, no validation, no outbox: a lower bound for any Lit implementation.
import { LitElement, css, html } from 'lit';
import { intro, questions as q, supportTypes, title } from './questions.ts';

type Options = readonly (readonly [string, string])[];

class FloorSurvey extends LitElement {
  static styles = css`
    :host { display: block; max-width: 40rem; font: 16px/1.5 system-ui, sans-serif; }
    fieldset { border: 0; margin: 0 0 1.25rem; padding: 0; }
    legend, label.text { font-weight: 600; }
    .options label { display: block; padding: 0.25rem 0; }
    .scale { display: flex; gap: 0.75rem; }
    .help { color: #555; font-size: 0.9em; margin: 0; }
    textarea { display: block; width: 100%; box-sizing: border-box; }
  `;

  private answers: Record<string, unknown> = {};

  private choice(name: string, options: Options, type: 'radio' | 'checkbox') {
    return html`<div class="options">
      ${options.map(
        ([value, text]) => html`<label><input type=${type} name=${name} .value=${value} @change=${this.changed} /> ${text}</label>`,
      )}
    </div>`;
  }

  private changed = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.answers[input.name] = input.type === 'checkbox' ? input.checked : input.value;
  };

  render() {
    return html`
      <h2>${title}</h2>
      <p>${intro}</p>
      <form @submit=${(event: Event) => event.preventDefault()}>
        <fieldset data-question="supportTypes">
          <legend>${q.supportTypes.label}</legend>
          <p class="help">${q.supportTypes.help}</p>
          ${this.choice('supportTypes', [...supportTypes, ['other', 'Other']], 'checkbox')}
        </fieldset>
        <fieldset data-question="helpful">
          <legend>${q.helpful.label}</legend>
          <div class="scale">
            <span>${q.helpful.minLabel}</span>
            ${[1, 2, 3, 4, 5].map((n) => html`<label><input type="radio" name="helpful" .value=${String(n)} @change=${this.changed} />${n}</label>`)}
            <span>${q.helpful.maxLabel}</span>
          </div>
        </fieldset>
        <fieldset data-question="heard"><legend>${q.heard.label}</legend>${this.choice('heard', q.heard.options, 'radio')}</fieldset>
        <fieldset data-question="useAgain"><legend>${q.useAgain.label}</legend>${this.choice('useAgain', q.useAgain.options, 'radio')}</fieldset>
        <div data-question="comment">
          <label class="text" for="comment">${q.comment.label}</label>
          <p class="help">${q.comment.help}</p>
          <textarea id="comment" name="comment" rows="4" maxlength=${q.comment.maxLength} @input=${this.changed}></textarea>
        </div>
        <button type="submit">Send</button>
      </form>
    `;
  }
}

customElements.define('floor-survey', FloorSurvey);

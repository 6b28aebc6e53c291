import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AnswerProblem } from '../../core/answers.js';
import type { LocalizedText, Question } from '../../core/config/schema.js';
import type { AnswerValue } from '../../core/submission-schema.js';
import { OTHER_VALUE } from '../../core/selector.js';
import { codePointLength, localize } from '../../core/text.js';
import type { SurveyStrings } from '../../i18n/index.js';

/** Everything a question template needs; the survey element owns the state and the handlers. */
export interface QuestionContext {
  locale: string;
  fallbackLocale: string;
  t: SurveyStrings;
  value: AnswerValue | undefined;
  otherText: string;
  problem: AnswerProblem | null;
  /** Disables every input (the standalone selector's `disabled`). */
  disabled?: boolean;
  /** Leaves out option descriptions (the standalone selector shows them only when asked). */
  hideDescriptions?: boolean;
  onValue: (question: Question, value: AnswerValue | undefined) => void;
  onOtherText: (question: Question, text: string) => void;
}

export function problemMessage(problem: AnswerProblem, t: SurveyStrings): string {
  switch (problem.code) {
    case 'required':
      return t.required;
    case 'too-few':
      return t.chooseAtLeast(problem.limit ?? 1);
    case 'too-many':
      return t.chooseAtMost(problem.limit ?? 1);
    case 'too-long':
      return t.tooLong(problem.limit ?? 0);
    default:
      return t.invalid;
  }
}

function describedBy(question: Question, ctx: QuestionContext, extra?: string) {
  const ids = [question.help ? `q-${question.id}-help` : '', ctx.problem ? `q-${question.id}-error` : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

function heading(question: Question, ctx: QuestionContext) {
  return html`<span part="label">${localizer(ctx)(question.label)}</span>${question.required
      ? nothing
      : html` <span class="optional" part="optional">(${ctx.t.optional})</span>`}`;
}

function helpAndError(question: Question, ctx: QuestionContext) {
  return html`${question.help
    ? html`<p class="help" part="help" id="q-${question.id}-help">
        ${localizer(ctx)(question.help)}
      </p>`
    : nothing}${ctx.problem
    ? html`<p class="error" part="error" id="q-${question.id}-error">${problemMessage(ctx.problem, ctx.t)}</p>`
    : nothing}`;
}

/** A choice or rating question: a fieldset whose legend is the label, described by help and error. */
function questionFieldset(question: Question, ctx: QuestionContext, body: unknown, extraClass = '') {
  return html`
    <fieldset
      class="question ${extraClass}"
      part="question"
      id="q-${question.id}"
      data-question=${question.id}
      aria-describedby=${ifDefined(describedBy(question, ctx))}
      aria-invalid=${ctx.problem ? 'true' : 'false'}
    >
      <legend>${heading(question, ctx)}</legend>
      ${helpAndError(question, ctx)} ${body}
    </fieldset>
  `;
}

const localizer = (ctx: QuestionContext) => (value: LocalizedText) => localize(value, ctx.locale, ctx.fallbackLocale);

function renderChoice(question: Question & { type: 'support-types' | 'single' | 'multiple' }, ctx: QuestionContext) {
  const multi = question.type !== 'single';
  const selected = new Set(Array.isArray(ctx.value) ? ctx.value : ctx.value === undefined ? [] : [String(ctx.value)]);
  const options = question.options;
  const change = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!multi) return ctx.onValue(question, input.value);
    const next = new Set(selected);
    if (input.checked) next.add(input.value);
    else next.delete(input.value);
    // Keep the config's order, whatever order things were ticked in.
    const ordered = options.map((option) => option.value).filter((value) => next.has(value));
    ctx.onValue(question, ordered.length > 0 ? ordered : undefined);
  };
  const option = (value: string, label: string, description?: string) => html`
    <label class="option" part="option">
      <input
        type=${multi ? 'checkbox' : 'radio'}
        name=${question.id}
        .value=${value}
        .checked=${selected.has(value)}
        ?disabled=${ctx.disabled}
        autocomplete="off"
        @change=${change}
      />
      <span class="option-text">
        <span part="option-label">${label}</span>
        ${description ? html`<span class="description" part="option-description">${description}</span>` : nothing}
      </span>
    </label>
  `;
  const text = localizer(ctx);
  const otherChosen = question.allowOther && selected.has(OTHER_VALUE);
  return questionFieldset(
    question,
    ctx,
    html`<div class="options" part="options">
        ${options.map((choice) =>
          option(
            choice.value,
            text(choice.label),
            choice.description && !ctx.hideDescriptions ? text(choice.description) : undefined,
          ),
        )}
      </div>
      ${otherChosen ? renderOtherText(question, ctx) : nothing}`,
  );
}

function renderOtherText(question: Question, ctx: QuestionContext) {
  const max = 'otherMaxLength' in question && question.otherMaxLength ? question.otherMaxLength : 100;
  return html`
    <label class="other" part="other">
      <span>${ctx.t.otherDetails}</span>
      <input
        type="text"
        name="${question.id}.other"
        autocomplete="off"
        .value=${ctx.otherText}
        ?disabled=${ctx.disabled}
        maxlength=${max}
        @input=${(event: Event) => ctx.onOtherText(question, (event.target as HTMLInputElement).value)}
      />
    </label>
  `;
}

function renderRating(question: Question & { type: 'rating' }, ctx: QuestionContext) {
  const points: number[] = [];
  for (let point = question.min; point <= question.max; point++) points.push(point);
  const text = localizer(ctx);
  return questionFieldset(
    question,
    ctx,
    html`<div class="scale" part="scale">
        ${points.map((point) => {
          const label = question.pointLabels?.[String(point)];
          const end = point === question.min ? question.minLabel : point === question.max ? question.maxLabel : undefined;
          const words = [label ? text(label) : '', end ? text(end) : ''].filter(Boolean).join(', ');
          return html`<label class="point" part="rating-point">
            <input
              type="radio"
              name=${question.id}
              .value=${String(point)}
              .checked=${ctx.value === point}
              autocomplete="off"
              aria-label=${words ? `${point}, ${words}` : String(point)}
              @change=${() => ctx.onValue(question, point)}
            /><span aria-hidden="true">${point}</span>
          </label>`;
        })}
      </div>
      ${question.minLabel || question.maxLabel
        ? html`<div class="scale-ends" part="scale-ends" aria-hidden="true">
            <span>${question.minLabel ? text(question.minLabel) : ''}</span>
            <span>${question.maxLabel ? text(question.maxLabel) : ''}</span>
          </div>`
        : nothing}`,
    'rating',
  );
}

function renderText(question: Question & { type: 'text' }, ctx: QuestionContext) {
  const value = typeof ctx.value === 'string' ? ctx.value : '';
  const left = question.maxLength - codePointLength(value);
  const countId = `q-${question.id}-count`;
  const input = (event: Event) => {
    const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    ctx.onValue(question, text === '' ? undefined : text);
  };
  const common = {
    id: `q-${question.id}-input`,
    describedBy: describedBy(question, ctx, countId),
  };
  return html`
    <div class="question text" part="question" id="q-${question.id}" data-question=${question.id}>
      <label for=${common.id} class="text-label">${heading(question, ctx)}</label>
      ${helpAndError(question, ctx)}
      ${question.multiline
        ? html`<textarea
            id=${common.id}
            part="text-input"
            name=${question.id}
            rows="4"
            autocomplete="off"
            aria-describedby=${ifDefined(common.describedBy)}
            aria-invalid=${ctx.problem ? 'true' : 'false'}
            .value=${value}
            @input=${input}
          ></textarea>`
        : html`<input
            id=${common.id}
            part="text-input"
            type="text"
            name=${question.id}
            autocomplete="off"
            aria-describedby=${ifDefined(common.describedBy)}
            aria-invalid=${ctx.problem ? 'true' : 'false'}
            .value=${value}
            @input=${input}
          />`}
      <p class="count ${left < 0 ? 'over' : ''}" part="character-count" id=${countId}>
        ${ctx.t.charactersLeft(Math.max(left, 0), question.maxLength)}
      </p>
    </div>
  `;
}

export function renderQuestion(question: Question, ctx: QuestionContext): TemplateResult {
  switch (question.type) {
    case 'rating':
      return renderRating(question, ctx);
    case 'text':
      return renderText(question, ctx);
    default:
      return renderChoice(question, ctx);
  }
}

import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AnswerProblem } from '../../core/answers.js';
import type { LocalizedText, Question, RatingQuestion } from '../../core/config/schema.js';
import { languageOf } from '../../core/locale.js';
import { OTHER_VALUE } from '../../core/selector.js';
import type { AnswerValue } from '../../core/submission-schema.js';
import { codePointLength, pickText } from '../../core/text.js';
import type { SurveyStrings } from '../../i18n/index.js';

/** Everything a question template needs; the survey element owns the state and the handlers. */
export interface QuestionContext {
  locale: string;
  fallbackLocale: string;
  t: SurveyStrings;
  /** The language of `t` when it is not the survey's (its strings fell back to English). */
  uiLang?: string | undefined;
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

export const warningIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3 2 21h20L12 3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M12 10v5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><circle cx="12" cy="18" r="1.2" fill="currentColor"/></svg>`;

/**
 * Config text in the respondent's language; text that had to fall back to another language carries
 * that `lang`, so a screen reader pronounces it right and punctuation sits on the right side.
 */
export function textIn(value: LocalizedText | undefined, locale: string, fallbackLocale: string) {
  const { text, lang } = pickText(value, locale, fallbackLocale);
  return lang && languageOf(lang) !== languageOf(locale) ? html`<span lang=${lang}>${text}</span>` : text;
}

const localizer = (ctx: QuestionContext) => (value: LocalizedText | undefined) => textIn(value, ctx.locale, ctx.fallbackLocale);

function describedBy(question: Question, ctx: QuestionContext, extra?: string) {
  const ids = [question.help ? `q-${question.id}-help` : '', ctx.problem ? `q-${question.id}-error` : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

/**
 * The question's name: its label, then "(optional)", or for a required checkbox group (which has no
 * programmatic "required") the word read out after it. The spaces are inside the spans, so the
 * accessible name never runs words together.
 */
function heading(question: Question, ctx: QuestionContext, { sayRequired = false } = {}) {
  const marker = question.required
    ? sayRequired
      ? html`<span class="visually-hidden" lang=${ifDefined(ctx.uiLang)}>, ${ctx.t.requiredWord}</span>`
      : nothing
    : html`<span class="optional" part="optional" lang=${ifDefined(ctx.uiLang)}> (${ctx.t.optional})</span>`;
  return html`<span part="label">${localizer(ctx)(question.label)}</span>${marker}`;
}

function helpAndError(question: Question, ctx: QuestionContext) {
  return html`${question.help
    ? html`<p class="help" part="help" id="q-${question.id}-help">${localizer(ctx)(question.help)}</p>`
    : nothing}${ctx.problem
    ? html`<p class="error" part="error" id="q-${question.id}-error" lang=${ifDefined(ctx.uiLang)}>
        ${warningIcon}<span>${problemMessage(ctx.problem, ctx.t)}</span>
      </p>`
    : nothing}`;
}

/** A choice or rating question: a fieldset whose legend is the label, described by help and error. */
function questionFieldset(question: Question, ctx: QuestionContext, body: unknown, radios: boolean) {
  return html`
    <fieldset
      class="question ${question.type}"
      part="question"
      id="q-${question.id}"
      data-question=${question.id}
      role=${ifDefined(radios ? 'radiogroup' : undefined)}
      aria-required=${ifDefined(radios && question.required ? 'true' : undefined)}
      aria-describedby=${ifDefined(describedBy(question, ctx))}
      aria-invalid=${ctx.problem ? 'true' : 'false'}
    >
      <legend>${heading(question, ctx, { sayRequired: !radios })}</legend>
      ${helpAndError(question, ctx)} ${body}
    </fieldset>
  `;
}

function renderChoice(question: Question & { type: 'support-types' | 'single' | 'multiple' }, ctx: QuestionContext) {
  const multi = question.type !== 'single';
  const selected = new Set(Array.isArray(ctx.value) ? ctx.value : ctx.value === undefined ? [] : [String(ctx.value)]);
  const change = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!multi) return ctx.onValue(question, input.value);
    const next = new Set(selected);
    if (input.checked) next.add(input.value);
    else next.delete(input.value);
    // Keep the config's order, whatever order things were ticked in.
    const ordered = question.options.map((option) => option.value).filter((value) => next.has(value));
    ctx.onValue(question, ordered.length > 0 ? ordered : undefined);
  };
  const text = localizer(ctx);
  const otherChosen = question.allowOther && selected.has(OTHER_VALUE);
  return questionFieldset(
    question,
    ctx,
    html`<div class="options" part="options">
        ${question.options.map(
          (choice) => html`<label class="option" part="option">
            <input
              type=${multi ? 'checkbox' : 'radio'}
              name=${question.id}
              .value=${choice.value}
              .checked=${selected.has(choice.value)}
              ?disabled=${ctx.disabled}
              autocomplete="off"
              @change=${change}
            />
            <span class="option-text">
              <span class="option-label" part="option-label">${text(choice.label)}</span>
              ${choice.description && !ctx.hideDescriptions
                ? html`<span class="description" part="option-description">${text(choice.description)}</span>`
                : nothing}
            </span>
          </label>`,
        )}
      </div>
      ${otherChosen ? renderOtherText(question, ctx) : nothing}`,
    !multi,
  );
}

function renderOtherText(question: Question, ctx: QuestionContext) {
  const max = 'otherMaxLength' in question && question.otherMaxLength ? question.otherMaxLength : 100;
  return html`
    <label class="other" part="other">
      <span lang=${ifDefined(ctx.uiLang)}>${ctx.t.otherDetails}</span>
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

/** Mouth curves from saddest to happiest (a 3-point scale uses the 1st, 3rd and 5th). */
const MOUTHS = ['M8 17.5q4-4 8 0', 'M8.5 16.5q3.5-2 7 0', 'M8.5 16h7', 'M8.5 15.5q3.5 2 7 0', 'M8 15q4 4 8 0'];

function face(index: number, points: number) {
  const mouth = MOUTHS[points === 3 ? index * 2 : index]!;
  return svg`<svg class="face" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle cx="12" cy="12" r="10"></circle>
    <circle class="eye" cx="9" cy="9.5" r="1.2"></circle><circle class="eye" cx="15" cy="9.5" r="1.2"></circle>
    <path class="feature" d=${mouth}></path>
  </svg>`;
}

function renderRating(question: RatingQuestion, ctx: QuestionContext) {
  const points: number[] = [];
  for (let point = question.min; point <= question.max; point++) points.push(point);
  const faces = question.display === 'faces' && (points.length === 3 || points.length === 5);
  const faceWords = faces ? ctx.t.faces(points.length as 3 | 5) : [];
  const words = (point: number, index: number) => {
    const label = question.pointLabels?.[String(point)];
    const end = point === question.min ? question.minLabel : point === question.max ? question.maxLabel : undefined;
    return [faceWords[index] ?? '', label ? pickText(label, ctx.locale, ctx.fallbackLocale).text : '', end ? pickText(end, ctx.locale, ctx.fallbackLocale).text : '']
      .filter(Boolean)
      .join(', ');
  };
  const text = localizer(ctx);
  return questionFieldset(
    question,
    ctx,
    html`<div class="scale" part="scale">
        ${points.map((point, index) => {
          const said = words(point, index);
          return html`<label class="point" part="rating-point">
            <input
              type="radio"
              name=${question.id}
              .value=${String(point)}
              .checked=${ctx.value === point}
              autocomplete="off"
              aria-label=${said ? `${point}, ${said}` : String(point)}
              @change=${() => ctx.onValue(question, point)}
            />${faces ? face(index, points.length) : html`<span aria-hidden="true">${point}</span>`}
          </label>`;
        })}
      </div>
      ${question.minLabel || question.maxLabel
        ? html`<div class="scale-ends" part="scale-ends" aria-hidden="true">
            <span>${question.minLabel ? text(question.minLabel) : ''}</span>
            <span>${question.maxLabel ? text(question.maxLabel) : ''}</span>
          </div>`
        : nothing}`,
    true,
  );
}

function renderText(question: Question & { type: 'text' }, ctx: QuestionContext) {
  const value = typeof ctx.value === 'string' ? ctx.value : '';
  const left = question.maxLength - codePointLength(value);
  const countId = `q-${question.id}-count`;
  const inputId = `q-${question.id}-input`;
  const input = (event: Event) => {
    const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    ctx.onValue(question, text === '' ? undefined : text);
  };
  const described = describedBy(question, ctx, countId);
  const invalid = ctx.problem || left < 0 ? 'true' : 'false';
  // maxlength counts UTF-16 units, never fewer than the code points we count: it can only stop early.
  const field = question.multiline
    ? html`<textarea id=${inputId} part="text-input" name=${question.id} rows="4" autocomplete="off" maxlength=${question.maxLength}
        ?required=${question.required} aria-describedby=${ifDefined(described)} aria-invalid=${invalid} .value=${value} @input=${input}></textarea>`
    : html`<input id=${inputId} part="text-input" type="text" name=${question.id} autocomplete="off" maxlength=${question.maxLength}
        ?required=${question.required} aria-describedby=${ifDefined(described)} aria-invalid=${invalid} .value=${value} @input=${input} />`;
  return html`
    <div class="question text" part="question" id="q-${question.id}" data-question=${question.id}>
      <label for=${inputId} class="text-label">${heading(question, ctx)}</label>
      ${helpAndError(question, ctx)} ${field}
      <p class="count ${left < 0 ? 'over' : ''}" part="character-count" id=${countId} lang=${ifDefined(ctx.uiLang)}>
        ${left < 0 ? html`${warningIcon}<span>${ctx.t.charactersOver(-left)}</span>` : ctx.t.charactersLeft(left, question.maxLength)}
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

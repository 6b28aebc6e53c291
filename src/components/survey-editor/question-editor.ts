import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULTS } from '../../core/config/defaults.js';
import { QUESTION_KINDS, textIn, type EditableQuestion, type QuestionKind } from '../../core/editor/edits.js';
import type { LocalizedText } from '../../core/config/schema.js';
import { checkboxField, idFor, issuesAt, numberField, selectField, textField, type FieldContext } from './fields.js';

/** What the question list asks of the element: the structural edits (each one undo step). */
export interface QuestionActions {
  add(type: QuestionKind): void;
  duplicate(index: number): void;
  move(index: number, delta: number): void;
  remove(index: number): void;
  changeType(index: number, type: QuestionKind): void;
  addOption(index: number): void;
  removeOption(index: number, option: number): void;
}

const label = (context: FieldContext, value: LocalizedText | undefined) => {
  const locales = context.config.locales ?? ['en'];
  return textIn(value, locales[0]!, locales[0]!);
};

/** The values an earlier question can be matched on, for its condition. */
function answersOf(question: EditableQuestion, context: FieldContext): Array<{ value: string; label: string }> {
  if (question.type === 'rating') {
    const points: Array<{ value: string; label: string }> = [];
    for (let point = question.min ?? 1; point <= (question.max ?? 5) && points.length < 20; point += 1) points.push({ value: String(point), label: String(point) });
    return points;
  }
  if (question.type === 'single' || question.type === 'multiple') {
    return question.options.map((option) => ({ value: option.value, label: label(context, option.label) || option.value }));
  }
  if (question.type === 'support-types' && question.options) {
    return question.options.map((option) => (typeof option === 'string' ? { value: option, label: option } : { value: option.value, label: label(context, option.label) || option.value }));
  }
  return [];
}

/** "Show this question: always / when "X" has the answer Y". */
function conditionFields(context: FieldContext, index: number): TemplateResult | typeof nothing {
  const { t, config } = context;
  const earlier = config.questions.slice(0, index).filter((question) => question.type !== 'text');
  if (earlier.length === 0) return nothing;
  const question = config.questions[index]!;
  const showIf = question.showIf;
  const source = showIf && config.questions.find((candidate) => candidate.id === showIf.question);
  const path = ['questions', index, 'showIf'];
  const pick = (id: string) => {
    const target = config.questions.find((candidate) => candidate.id === id);
    const first = target && answersOf(target, context)[0];
    context.set(path, !target ? undefined : first ? { question: id, equals: first.value } : { question: id, answered: true });
  };
  return html`<div class="condition">
    ${selectField(context, [...path, 'question'], t.condition, [
      { value: '', label: t.always },
      ...earlier.map((candidate) => ({ value: candidate.id, label: t.whenAnswer(label(context, candidate.label) || candidate.id) })),
    ], pick)}
    ${source && showIf.equals !== undefined
      ? selectField(context, [...path, 'equals'], t.conditionAnswer, answersOf(source, context), (value) =>
          context.set([...path, 'equals'], source.type === 'rating' ? Number(value) : value),
        )
      : nothing}
  </div>`;
}

function typeFields(context: FieldContext, index: number, actions: QuestionActions): TemplateResult | typeof nothing {
  const { t } = context;
  const question = context.config.questions[index]!;
  const at = (...rest: Array<string | number>) => ['questions', index, ...rest];
  switch (question.type) {
    case 'single':
    case 'multiple':
      return html`<fieldset class="options">
          <legend>${t.options}</legend>
          ${question.options.map(
            (_, o) => html`<div class="option-row">
              ${textField(context, at('options', o, 'label'), { label: `${t.optionLabel} ${o + 1}` })}
              ${textField(context, at('options', o, 'value'), { label: t.optionValue, plain: true })}
              <button type="button" class="quiet" id=${idFor(at('options', o), 'remove')} @click=${() => actions.removeOption(index, o)}>${t.removeOption(o + 1)}</button>
            </div>`,
          )}
          <button type="button" class="quiet" id=${idFor(at('options'), 'add')} @click=${() => actions.addOption(index)}>${t.addOption}</button>
        </fieldset>
        ${checkboxField(context, at('allowOther'), t.allowOther)}`;
    case 'support-types':
      return html`<p class="help">${t.supportTypesNote}</p>${checkboxField(context, at('allowOther'), t.allowOther)}`;
    case 'rating':
      return html`<div class="row">
          ${numberField(context, at('min'), t.ratingMin, { fallback: DEFAULTS.rating.min })} ${numberField(context, at('max'), t.ratingMax, { fallback: DEFAULTS.rating.max })}
        </div>
        ${textField(context, at('minLabel'), { label: t.minLabel })} ${textField(context, at('maxLabel'), { label: t.maxLabel })}`;
    case 'text':
      return html`${checkboxField(context, at('multiline'), t.multiline, DEFAULTS.text.multiline)}
        ${numberField(context, at('maxLength'), t.maxLength, { min: 1, max: 2000, fallback: DEFAULTS.text.maxLength })}`;
  }
}

/** One question: its heading, the buttons that move, copy and delete it, and its fields. */
function questionCard(context: FieldContext, index: number, actions: QuestionActions): TemplateResult {
  const { t, config } = context;
  const question = config.questions[index]!;
  const count = config.questions.length;
  const own = issuesAt(context.issues, ['questions', index]).filter((issue) => issue.path === `questions[${index}]`);
  const onKey = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    actions.move(index, event.key === 'ArrowUp' ? -1 : 1);
  };
  return html`<section class="question" aria-labelledby=${`qh-${index}`} @keydown=${onKey}>
    <h3 id=${`qh-${index}`} tabindex="-1">${t.questionHeading(index + 1, label(context, question.label))}</h3>
    <div class="tools" role="group" aria-label=${t.questionHeading(index + 1, '')}>
      <button type="button" class="quiet" id=${`up-${index}`} aria-disabled=${index === 0 ? 'true' : 'false'} @click=${() => actions.move(index, -1)}>${t.moveUp}</button>
      <button type="button" class="quiet" id=${`down-${index}`} aria-disabled=${index === count - 1 ? 'true' : 'false'} @click=${() => actions.move(index, 1)}>${t.moveDown}</button>
      <button type="button" class="quiet" id=${`copy-${index}`} @click=${() => actions.duplicate(index)}>${t.duplicate}</button>
      <button type="button" class="quiet danger" id=${`delete-${index}`} @click=${() => actions.remove(index)}>${t.delete}</button>
    </div>
    ${own.length ? html`<p class="issue">${own.map((issue) => issue.message).join(' · ')}</p>` : nothing}
    ${selectField(
      context,
      ['questions', index, 'type'],
      t.type,
      QUESTION_KINDS.map((kind) => ({ value: kind, label: t.types[kind]! })),
      (value) => actions.changeType(index, value as QuestionKind),
    )}
    ${textField(context, ['questions', index, 'label'], { label: t.label })}
    ${textField(context, ['questions', index, 'help'], { label: t.help })}
    ${textField(context, ['questions', index, 'id'], { label: t.questionId, plain: true })}
    ${checkboxField(context, ['questions', index, 'required'], t.required)}
    ${typeFields(context, index, actions)}
    ${conditionFields(context, index)}
  </section>`;
}

/** Every question, then the control that adds one. */
export function questionList(context: FieldContext, actions: QuestionActions, newType: { value: QuestionKind; set(type: QuestionKind): void }): TemplateResult {
  const { t, config } = context;
  return html`<section class="panel" aria-labelledby="questions-heading">
    <h2 id="questions-heading">${t.questions}</h2>
    <p class="help">${t.reorderHint}</p>
    ${config.questions.map((_, index) => questionCard(context, index, actions))}
    <div class="add row">
      <div class="field">
        <label for="new-type">${t.newQuestionType}</label>
        <select id="new-type" @change=${(event: Event) => newType.set((event.target as HTMLSelectElement).value as QuestionKind)}>
          ${QUESTION_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === newType.value}>${t.types[kind]}</option>`)}
        </select>
      </div>
      <button type="button" id="add-question" @click=${(event: Event) =>
        actions.add(((event.target as HTMLElement).closest('.add')!.querySelector('select') as HTMLSelectElement).value as QuestionKind)}>${t.addQuestion}</button>
    </div>
  </section>`;
}

import * as edits from '../../core/editor/edits.js';
import type { EditableConfig, QuestionKind } from '../../core/editor/edits.js';
import type { EditorStrings } from '../../i18n/editor/index.js';
import { idFor } from './fields.js';
import type { QuestionActions } from './question-editor.js';

/** What the question list's buttons need from the element: the config, one undo step, focus. */
export interface QuestionHost {
  config(): EditableConfig;
  commit(next: EditableConfig): void;
  announce(text: string): void;
  /** A question was deleted (the status line offers Undo, and Undo returns focus to it). */
  deleted(deleted: { label: string; index: number }): void;
  /** The id of the control that has focus. */
  focused(): string;
  /** Focus on this selector once the change has rendered. */
  focus(selector: string): void;
}

/**
 * The structural edits of the question list, each one undo step, each leaving focus where a
 * keyboard user expects it: on the new question's text, with the moved question, on Undo after a
 * delete, on "Add an answer" after removing one.
 */
export function questionActions(t: EditorStrings, host: QuestionHost): QuestionActions {
  return {
      add: (type: QuestionKind) => {
        host.commit(edits.addQuestion(host.config(), type));
        const index = host.config().questions.length - 1;
        host.announce(t.added(index + 1));
        host.focus(`#${idFor(['questions', index, 'label'])}`);
      },
      duplicate: (index: number) => {
        host.commit(edits.duplicateQuestion(host.config(), index));
        host.announce(t.added(index + 2));
        host.focus(`#qh-${index + 1}`);
      },
      move: (index: number, delta: number) => {
        const to = index + delta;
        if (to < 0 || to >= host.config().questions.length) return;
        const focused = host.focused();
        host.commit(edits.moveQuestion(host.config(), index, delta));
        host.announce(t.moved(to + 1));
        // Focus follows the question it was in, to the same control.
        const id = focused.replace(new RegExp(`(^|-)${index}(?=-|$)`), `$1${to}`);
        host.focus(id ? `#${CSS.escape(id)}` : `#qh-${to}`);
      },
      remove: (index: number) => {
        const question = host.config().questions[index]!;
        const locales = host.config().locales ?? ['en'];
        host.commit(edits.removeQuestion(host.config(), index));
        host.deleted({ label: edits.textIn(question.label, locales[0]!, locales[0]!) || question.id, index });
        host.focus('#undo-delete');
      },
      changeType: (index: number, type: QuestionKind) => {
        const old = host.config().questions[index]!;
        const fresh = edits.newQuestion(type, []);
        const kept = { ...fresh, id: old.id, label: old.label, ...(old.help ? { help: old.help } : {}), ...(old.required ? { required: old.required } : {}), ...(old.showIf ? { showIf: old.showIf } : {}) };
        host.commit(edits.setAt(host.config(), ['questions', index], kept));
      },
      addOption: (index: number) => {
        const question = host.config().questions[index]!;
        if (question.type !== 'single' && question.type !== 'multiple') return;
        const value = edits.freeId(question.options.map((option) => option.value), 'option');
        host.commit(edits.setAt(host.config(), ['questions', index, 'options', question.options.length], { value, label: '' }));
        host.focus(`#${idFor(['questions', index, 'options', question.options.length, 'label'])}`);
      },
      removeOption: (index: number, option: number) => {
        const question = host.config().questions[index]!;
        if (question.type !== 'single' && question.type !== 'multiple') return;
        host.commit(edits.setAt(host.config(), ['questions', index, 'options'], question.options.filter((_, i) => i !== option)));
        host.focus(`#${idFor(['questions', index, 'options'], 'add')}`);
      },
  };
}

import type { SurveyConfigInput } from '../core/config/schema.js';

/**
 * `<survey-editor>`'s `change`: the person changed the survey. `value` is the whole config as it now
 * is (a fresh object each time, valid or not); `valid` says whether `parseSurveyConfig` accepts it.
 * Fired for edits, undo and redo; never when a page sets `value`.
 */
export class SurveyEditorChangeEvent extends Event {
  constructor(
    readonly value: SurveyConfigInput | null,
    readonly valid: boolean,
  ) {
    super('change', { bubbles: true, composed: true });
  }
}

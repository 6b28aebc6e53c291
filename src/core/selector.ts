import type { AnswerProblem } from './answers.js';
import type { ChoiceOption, Question } from './config/schema.js';
import { taxonomyOptions } from './taxonomy.js';

/** The option value that, with `allowOther`, reveals a short text box sent as `<id>.other`. */
export const OTHER_VALUE = 'other';

/** Longest "Other" text `<support-type-selector>` puts in a form, in characters (code points). */
export const SELECTOR_OTHER_MAX_LENGTH = 100;

export interface SelectorSettings {
  name: string;
  label: string;
  help: string | null;
  required: boolean;
  min: number | undefined;
  max: number | undefined;
  allowOther: boolean;
  /** Options instead of the taxonomy's. */
  options: readonly ChoiceOption[] | undefined;
}

/** `<support-type-selector>`'s attributes as the support-types question it renders and validates. */
export function selectorQuestion(settings: SelectorSettings): Question & { type: 'support-types' } {
  return {
    id: settings.name || 'support',
    type: 'support-types',
    label: settings.label,
    help: settings.help ?? undefined,
    required: settings.required,
    min: settings.min,
    max: settings.max,
    allowOther: settings.allowOther,
    otherMaxLength: SELECTOR_OTHER_MAX_LENGTH,
    options: [...(settings.options ?? taxonomyOptions.values())],
  };
}

/** The `ValidityState` flag a native control would raise for this problem (`customError` otherwise). */
export type ValidityFlag = 'valueMissing' | 'rangeUnderflow' | 'rangeOverflow' | 'customError';

export function validityFlag(problem: AnswerProblem): ValidityFlag {
  switch (problem.code) {
    case 'required':
      return 'valueMissing';
    case 'too-few':
      return 'rangeUnderflow';
    case 'too-many':
      return 'rangeOverflow';
    default:
      return 'customError';
  }
}

import type { Question, SurveyConfig } from './config/schema.js';
import type { AnswerValue } from './submission-schema.js';
import { codePointLength } from './text.js';

/** A respondent's answers keyed by question id; `"<id>.other"` holds a choice question's free text. */
export type Answers = Record<string, AnswerValue>;

/** Why an answer cannot be submitted yet; the element turns the code into translated words. */
export interface AnswerProblem {
  code: 'required' | 'too-few' | 'too-many' | 'too-long' | 'invalid';
  limit?: number;
}

/** Own properties only: an id such as "constructor" must not find Object.prototype.constructor. */
export const answerOf = (answers: Answers, id: string): AnswerValue | undefined =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

/** Blank text, an empty selection and non-numbers count as no answer. */
export function isAnswered(value: unknown): value is AnswerValue {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.length > 0;
}

/** Whether a question's `showIf` holds for these answers (no condition: always shown). */
export function isQuestionVisible(question: Question, answers: Answers): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  const value = answerOf(answers, condition.question);
  if (condition.answered !== undefined) return isAnswered(value) === condition.answered;
  if (!isAnswered(value)) return false;
  // Compare as strings so a rating of 4 matches `"4"` as well as `4`.
  const chosen = new Set((Array.isArray(value) ? value : [value]).map(String));
  const hit = (list: ReadonlyArray<string | number>) => list.some((item) => chosen.has(String(item)));
  if (condition.equals !== undefined) return hit([condition.equals]);
  if (condition.in) return hit(condition.in);
  if (condition.notIn) return !hit(condition.notIn);
  return true;
}

/**
 * The questions currently shown, in order. A hidden question's answer counts as missing for the
 * questions after it, so a chain of conditions collapses together.
 */
export function visibleQuestions(config: SurveyConfig, answers: Answers): Question[] {
  const shown: Answers = {};
  return config.questions.filter((question) => {
    if (!isQuestionVisible(question, shown)) return false;
    const value = answerOf(answers, question.id);
    if (value !== undefined) shown[question.id] = value;
    return true;
  });
}

/** The problem with one answer, or null when it can be submitted. */
export function validateAnswer(question: Question, value: unknown): AnswerProblem | null {
  if (!isAnswered(value)) return question.required ? { code: 'required' } : null;
  switch (question.type) {
    case 'text': {
      if (typeof value !== 'string') return { code: 'invalid' };
      const limit = question.maxLength;
      return codePointLength(value.trim()) > limit ? { code: 'too-long', limit } : null;
    }
    case 'rating':
      return isRating(question, value) ? null : { code: 'invalid' };
    case 'single':
      return typeof value === 'string' && question.options.some((o) => o.value === value) ? null : { code: 'invalid' };
    default: {
      if (!Array.isArray(value)) return { code: 'invalid' };
      const allowed = new Set(question.options.map((o) => o.value));
      if (new Set(value).size !== value.length || !value.every((v) => allowed.has(v))) return { code: 'invalid' };
      const { min, max } = question;
      if (min !== undefined && value.length < min) return { code: 'too-few', limit: min };
      if (max !== undefined && value.length > max) return { code: 'too-many', limit: max };
      return null;
    }
  }
}

/** Whether every one of these questions has an answer that can be submitted. */
export function isComplete(questions: readonly Question[], answers: Answers): boolean {
  return questions.every((question) => validateAnswer(question, answerOf(answers, question.id)) === null);
}

export function isRating(question: Extract<Question, { type: 'rating' }>, value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= question.min && (value as number) <= question.max;
}

/** What an answer to a question means: its type and, for choices and scales, what can be chosen. */
function answerShape(question: Question): string {
  if ('options' in question) return `${question.type}:${question.options.map((o) => o.value).sort().join('\u0000')}`;
  if (question.type === 'rating') return `rating:${question.min}:${question.max}`;
  return question.type;
}

/**
 * The answers that still mean the same under a new version of the config: those to questions that
 * still exist with the same type and the same choices (a new title or label keeps them; a question
 * removed, retyped or given other options drops its answer).
 */
export function keepAnswers(previous: SurveyConfig, next: SurveyConfig, answers: Answers): Answers {
  const before = new Map(previous.questions.map((question) => [question.id, answerShape(question)]));
  const kept: Answers = {};
  for (const question of next.questions) {
    const shape = before.get(question.id);
    if (shape === undefined || shape !== answerShape(question)) continue;
    const value = answerOf(answers, question.id);
    if (value !== undefined) kept[question.id] = value;
    const other = answerOf(answers, `${question.id}.other`);
    if (other !== undefined && 'allowOther' in question && question.allowOther) kept[`${question.id}.other`] = other;
  }
  return kept;
}

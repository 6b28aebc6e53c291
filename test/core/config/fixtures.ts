import { safeParseSurveyConfig } from '../../../src/core/config/parse.js';
import type { SurveyConfig } from '../../../src/core/config/schema.js';

/** A valid config with one of every question type; override any top-level key. */
export function sampleConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'sample',
    version: 3,
    title: 'Sample',
    questions: [
      { id: 'support', type: 'support-types', label: 'Support', allowOther: true, max: 3 },
      { id: 'heard', type: 'single', label: 'Heard?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
      {
        id: 'topics',
        type: 'multiple',
        label: 'Topics',
        min: 1,
        max: 2,
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
          { value: 'c', label: 'C' },
        ],
      },
      { id: 'score', type: 'rating', label: 'Score', min: 0, max: 10 },
      { id: 'note', type: 'text', label: 'Note', maxLength: 10 },
    ],
    ...overrides,
  };
}

/** Parses or fails the test with the readable message. */
export function parsed(input: unknown): SurveyConfig {
  const result = safeParseSurveyConfig(input);
  if (!result.success) throw new Error(result.error.message);
  return result.config;
}

/** The issues for an invalid config (empty when it parses). */
export function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  const result = safeParseSurveyConfig(input);
  return result.success ? [] : result.error.issues;
}

/** A config whose only question list is `questions`. */
export const withQuestions = (questions: unknown[], extra: Record<string, unknown> = {}) => sampleConfig({ questions, ...extra });

import type { SurveyConfig } from './config/schema.js';
import { localize, matchLocale } from './text.js';

/**
 * "What this survey sends": every field a response from a survey can contain, from the same rules
 * as the payload builder (src/core/payload.ts), for the survey to list in the respondent's words.
 */
/** One thing a response can contain, for a "what this survey sends" list. */
export interface SubmissionField {
  key: string;
  kind: 'id' | 'survey' | 'submittedAt' | 'locale' | 'answer' | 'other-text' | 'tag';
  label?: string;
  detail?: string;
}

/** Every field a response from this survey can contain, in payload order. */
export function describeSubmission(config: SurveyConfig, locale: string): SubmissionField[] {
  const fallback = config.locales[0]!;
  const fields: SubmissionField[] = [
    { key: 'id', kind: 'id' },
    { key: 'survey', kind: 'survey', detail: `${config.id} ${config.version}` },
    { key: 'submittedAt', kind: 'submittedAt', detail: config.timeBucket },
    { key: 'locale', kind: 'locale', detail: matchLocale(locale, config.locales) },
  ];
  for (const question of config.questions) {
    const label = localize(question.label, locale, fallback);
    fields.push({ key: `answers.${question.id}`, kind: 'answer', label, detail: question.type });
    if ('allowOther' in question && question.allowOther) {
      fields.push({ key: `answers.${question.id}.other`, kind: 'other-text', label, detail: String(question.otherMaxLength) });
    }
  }
  for (const [name, value] of Object.entries(config.tags)) fields.push({ key: `tags.${name}`, kind: 'tag', label: name, detail: value });
  return fields;
}

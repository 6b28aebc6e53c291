import type { LocalizedText, SurveyConfig } from '../config/schema.js';
import type { QuestionKind } from './types.js';

/**
 * What a summary lists, from the survey's config(s): every choice and rating question with every
 * option (every point of a rating) and their labels. Free text is never summarised, and "Other"
 * text is never shown (the "other" option is counted like any option; its text is not).
 */
export interface QuestionSpec {
  id: string;
  kind: QuestionKind;
  label: LocalizedText;
  options: Array<{ value: string | number; label: LocalizedText }>;
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
}

export interface SurveySpec {
  id: string;
  title: LocalizedText;
  questions: QuestionSpec[];
}

/**
 * One spec across several config files of a survey (versions, sites): questions by id in the order
 * they first appear, options as their union (a later file's label wins). `version` keeps only the
 * files of that version. No config at all: the survey's total alone.
 */
export function surveySpec(surveyId: string, configs: readonly SurveyConfig[], version?: string): SurveySpec {
  const chosen = version === undefined ? configs : configs.filter((config) => String(config.version) === version);
  const questions = new Map<string, QuestionSpec>();
  for (const config of chosen) {
    for (const question of config.questions) {
      if (question.type === 'text') continue;
      const known = questions.get(question.id);
      if (question.type === 'rating') {
        const points = new Map((known?.kind === 'rating' ? known.options : []).map((option) => [option.value, option]));
        for (let point = question.min; point <= question.max; point += 1) {
          points.set(point, { value: point, label: question.pointLabels?.[String(point)] ?? String(point) });
        }
        questions.set(question.id, {
          id: question.id,
          kind: 'rating',
          label: question.label,
          options: [...points.values()].sort((a, b) => Number(a.value) - Number(b.value)),
          ...(question.minLabel ? { minLabel: question.minLabel } : {}),
          ...(question.maxLabel ? { maxLabel: question.maxLabel } : {}),
        });
        continue;
      }
      const kind: QuestionKind = question.type === 'single' ? 'single' : 'multiple';
      const options = new Map((known && known.kind === kind ? known.options : []).map((option) => [option.value, option]));
      for (const option of question.options) options.set(option.value, { value: option.value, label: option.label });
      questions.set(question.id, { id: question.id, kind, label: question.label, options: [...options.values()] });
    }
  }
  return { id: surveyId, title: chosen.at(-1)?.title ?? configs.at(-1)?.title ?? surveyId, questions: [...questions.values()] };
}

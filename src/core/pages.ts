import { visibleQuestions, type Answers } from './answers.js';
import type { Question, SurveyConfig } from './config/schema.js';

/**
 * The survey's pages as lists of currently visible questions. Pages whose questions are all
 * hidden by `showIf` are skipped, so Back/Next never lands on an empty step.
 */
export function visiblePages(config: SurveyConfig, answers: Answers): Question[][] {
  const visible = new Set(visibleQuestions(config, answers).map((question) => question.id));
  return pageGroups(config)
    .map((page) => page.filter((question) => visible.has(question.id)))
    .filter((page) => page.length > 0);
}

function pageGroups(config: SurveyConfig): Question[][] {
  const byId = new Map(config.questions.map((question) => [question.id, question]));
  if (config.pages?.length) {
    return config.pages.map((page) => page.questions.map((id) => byId.get(id)!).filter(Boolean));
  }
  return [config.questions];
}

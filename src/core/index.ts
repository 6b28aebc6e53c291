// `encounter-survey/core`: the pure model, with no DOM, no Lit and no fetch. Safe to import in Node
// (the collector uses it): the config parser, the submission schema and builder, the summary.
export { parseSurveyConfig, parseSurveyConfigJson, safeParseSurveyConfig, safeParseSurveyConfigJson } from './config/parse.js';
export type { SafeParseResult } from './config/parse.js';
export { SurveyConfigError, formatPath } from './config/errors.js';
export type { ConfigIssue } from './config/errors.js';
export { surveyConfigSchema } from './config/schema.js';
export type {
  SurveyConfig,
  SurveyConfigInput,
  Question,
  QuestionType,
  ChoiceQuestion,
  LocalizedText,
  ChoiceOption,
  TimeBucket,
} from './config/schema.js';
export { buildSubmission, floorToBucket } from './payload.js';
export type { BuildOptions } from './payload.js';
export { describeSubmission } from './disclosure.js';
export type { SubmissionField } from './disclosure.js';
export { submissionSchema, answerValueSchema } from './submission-schema.js';
export type { Submission, AnswerValue } from './submission-schema.js';
export { visibleQuestions, validateAnswer, isQuestionVisible } from './answers.js';
export type { Answers, AnswerProblem } from './answers.js';
export { defaultSupportTypes } from './taxonomy.js';
export { localize, codePointLength, truncateCodePoints } from './text.js';
export { checkSafeUrl } from './urls.js';
export {
  summarize,
  disclose,
  tally,
  KEY_RANGE,
  cellKey,
  perturbation,
  surveySpec,
  closedPeriods,
  summaryPeriods,
  publicPeriods,
  PUBLIC_UNIT,
  openPeriod,
  periodOf,
  parseDay,
  dayOf,
  summaryDay,
  CLOSING_GRACE_MS,
  unitsFor,
  defaultUnit,
  isSurveySummary,
  summaryProblems,
  DEFAULT_K,
  DEFAULT_ROUNDING,
  SUMMARY_FORMAT,
} from './summary/index.js';
export type {
  SurveySummary,
  QuestionSummary,
  SummaryCell,
  Count,
  Period,
  PeriodTotal,
  PeriodUnit,
  QuestionKind,
  SummaryFilters,
  SurveyDescription,
  SummarizeOptions,
  TalliedCounts,
  DiscloseInput,
  WindowRequest,
  SurveySpec,
  QuestionSpec,
} from './summary/index.js';
export { checkSubmission } from './submission-check.js';
export type { SubmissionCheck, SubmissionIssue } from './submission-check.js';
export { removeControlCharacters } from './control-characters.js';
export { findIdentifiers, redactIdentifiers, REDACTION_LABELS } from './free-text-guard.js';
export type { Finding, FindingKind } from './free-text-guard.js';

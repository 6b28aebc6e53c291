// The public API. Importing this registers nothing; import `encounter-survey/define` (or a
// per-element define entry) to register the tags.
export { EncounterSurvey } from './components/encounter-survey/encounter-survey.js';
export { SupportTypeSelector } from './components/support-type-selector/support-type-selector.js';
export { SurveySummary } from './components/survey-summary/survey-summary.js';
export { SurveyLauncher } from './components/survey-launcher/survey-launcher.js';
export { SurveyEditor } from './components/survey-editor/survey-editor.js';
export { SurveyEditorChangeEvent } from './events/survey-editor-change.js';
export * from './events/index.js';

export { parseSurveyConfig, parseSurveyConfigJson, safeParseSurveyConfig } from './core/config/parse.js';
export { SurveyConfigError } from './core/config/errors.js';
export { surveyConfigSchema } from './core/config/schema.js';
export type { SurveyConfig, SurveyConfigInput, Question, LocalizedText, ChoiceOption } from './core/config/schema.js';
export { buildSubmission, floorToBucket } from './core/payload.js';
export { describeSubmission } from './core/disclosure.js';
export type { SubmissionField } from './core/disclosure.js';
export { submissionSchema } from './core/submission-schema.js';
export type { Submission, AnswerValue } from './core/submission-schema.js';
export { visibleQuestions, validateAnswer } from './core/answers.js';
export type { Answers, AnswerProblem } from './core/answers.js';
export { defaultSupportTypes } from './core/taxonomy.js';
export { summarize } from './core/summary/summarize.js';
export type { SurveySummary as SurveySummaryData, QuestionSummary, SummaryCell } from './core/summary/types.js';
export { presets, getPreset } from './presets/index.js';
export type { PresetName } from './presets/index.js';

export { createOutbox, getSharedOutbox, OutboxError } from './outbox/index.js';
export type { Outbox, OutboxOptions, OutboxStatus, OutboxEvent, SubmitReceipt, EndpointOptions } from './outbox/index.js';

export { loadTranslation } from './i18n/index.js';
export type { SurveyStrings, KioskStrings, SummaryStrings } from './i18n/index.js';

// The one disclosure-control module: what a summary may publish, for the collector and `summarize()`.
export { disclose, roundTo, DEFAULT_K, DEFAULT_ROUNDING } from './disclose.js';
export type { DiscloseInput, TalliedCounts } from './disclose.js';
export { summarize, tally } from './summarize.js';
export { KEY_RANGE, cellKey, perturbation, perturbed, recordKey } from './cell-key.js';
export type { SummarizeOptions } from './summarize.js';
export { surveySpec } from './spec.js';
export type { SurveySpec, QuestionSpec } from './spec.js';
export { closedPeriods, openPeriod, periodOf, periodStart, periodEnd, parseDay, dayOf, summaryDay, CLOSING_GRACE_MS, unitsFor, defaultUnit } from './periods.js';
export type { RangeRequest } from './periods.js';
export { PUBLIC_UNIT, publicPeriods, quarterOf, summaryPeriods } from './window.js';
export type { WindowRequest } from './window.js';
export { pinnedFigures, propagate, shownRange } from './audit.js';
export type { AuditFigure, Relation, AuditRules } from './audit.js';
export { isSurveySummary, summaryProblems, SUMMARY_FORMAT } from './types.js';
export type { SurveySummary, QuestionSummary, SummaryCell, Count, Period, PeriodTotal, PeriodUnit, QuestionKind, SummaryFilters, SurveyDescription } from './types.js';

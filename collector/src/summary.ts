import { summarizeCounts, type QuestionKind, type SurveyCounts, type SurveySummary } from 'encounter-survey/core';
import type { CountFilter, ResponseStore } from './store.js';
import type { SurveyRegistry } from './surveys.js';

/**
 * The counts behind a summary, read from the pre-aggregated tables (a few thousand rows whatever
 * the number of responses). Issue #12 replaces the disclosure rules applied to these counts; it
 * keeps this function, which only reads and labels them: question kinds and order come from the
 * survey's configs, and a survey without a config has its total only.
 */
export async function readCounts(store: ResponseStore, surveys: SurveyRegistry, filter: CountFilter): Promise<SurveyCounts> {
  const raw = await store.counts(filter);
  const kinds = surveys.kinds(filter.surveyId);
  const cells = new Map<string, Array<{ value: string | number; count: number }>>();
  for (const { question, value, count } of raw.cells) {
    const kind = kinds.get(question);
    if (kind === undefined || kind === 'text') continue;
    const list = cells.get(question) ?? [];
    list.push({ value: kind === 'rating' ? Number(value) : value, count });
    cells.set(question, list);
  }
  const questions = [...kinds]
    .filter((entry): entry is [string, QuestionKind] => entry[1] !== 'text')
    .map(([id, kind]) => ({ id, kind, answered: raw.answered.get(id) ?? 0, counts: cells.get(id) ?? [] }));
  return { survey: filter.surveyId, total: raw.total, questions };
}

export async function readSummary(
  store: ResponseStore,
  surveys: SurveyRegistry,
  filter: CountFilter,
  k: number,
): Promise<SurveySummary> {
  return summarizeCounts(await readCounts(store, surveys, filter), { k });
}

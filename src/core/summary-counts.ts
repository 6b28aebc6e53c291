import { DEFAULT_K, type QuestionKind, type QuestionSummary, type SurveySummary } from './summary.js';

/**
 * The suppression rules of `summarize()` applied to counts that were tallied elsewhere (the
 * collector keeps them pre-aggregated in SQL, so a summary never reads every response). Same output
 * and same rules: counts below k hidden as "<k", and for one-answer questions (single, rating) a
 * lone hidden cell hides the next-smallest too; hidden cells listed last in value order.
 */
export interface QuestionCounts {
  id: string;
  kind: QuestionKind;
  /** Responses that answered the question. */
  answered: number;
  /** Responses per value; values with no responses may be left out. */
  counts: Array<{ value: string | number; count: number }>;
}

export interface SurveyCounts {
  survey: string;
  total: number;
  questions: QuestionCounts[];
}

const percentOf = (count: number, of: number) => (of > 0 ? Math.round((count / of) * 1000) / 10 : 0);

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export function summarizeCounts(counts: SurveyCounts, { k: requestedK = DEFAULT_K }: { k?: number } = {}): SurveySummary {
  const k = Math.max(1, Math.floor(requestedK));
  const hiddenDisplay = `<${k}`;
  const questions: QuestionSummary[] = counts.questions
    .filter((question) => question.answered > 0)
    .map(({ id, kind, answered, counts: cells }) => {
      const tally = cells.filter((cell) => cell.count > 0);
      const suppressed = new Set(tally.filter((cell) => cell.count < k).map((cell) => cell.value));
      if (kind !== 'multi' && suppressed.size === 1) {
        // One answer per response: the hidden cell = answered − the shown ones. Hide the next-smallest too.
        const next = tally
          .filter((cell) => !suppressed.has(cell.value))
          .sort((a, b) => a.count - b.count || compareValues(a.value, b.value))[0];
        if (next) suppressed.add(next.value);
      }
      const shown = tally.filter((cell) => !suppressed.has(cell.value));
      if (kind === 'rating') shown.sort((a, b) => compareValues(a.value, b.value));
      else shown.sort((a, b) => b.count - a.count || compareValues(a.value, b.value));
      return {
        id,
        kind,
        answered: answered < k ? null : answered,
        answeredDisplay: answered < k ? hiddenDisplay : String(answered),
        counts: [
          ...shown.map(({ value, count }) => ({ value, count, display: String(count), percent: percentOf(count, answered) })),
          ...[...suppressed].sort(compareValues).map((value) => ({ value, count: null, display: hiddenDisplay, percent: null })),
        ],
      };
    });
  return {
    survey: counts.survey,
    total: counts.total < k ? null : counts.total,
    totalDisplay: counts.total < k ? hiddenDisplay : String(counts.total),
    k,
    questions,
  };
}

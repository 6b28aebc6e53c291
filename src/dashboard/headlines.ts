import type { SurveySummary } from '../core/summary/types.js';
import { localize } from '../core/text.js';
import type { DashboardStrings } from '../i18n/index.js';

/**
 * The report's headline sentences, written from the published figures only (so they can say
 * nothing the charts could not): the two largest shares of the first multiple-choice question
 * (the support types), the largest answer of each single-choice question, the median of each
 * rating. A summary whose total is suppressed gets one sentence saying so.
 */
export function headlines(summary: SurveySummary, month: string, t: DashboardStrings, lang: string): string[] {
  const numbers = new Intl.NumberFormat(lang);
  const percent = (value: number) => new Intl.NumberFormat(lang, { style: 'percent' }).format(value / 100);
  const text = (value: Parameters<typeof localize>[0]) => localize(value, lang, 'en');
  if (summary.total.count === null) return [t.headlineTooFew(month, summary.k)];
  const sentences: string[] = [];
  const ranked = (question: SurveySummary['questions'][number]) =>
    question.cells.filter((cell) => cell.percent !== null).sort((a, b) => b.percent! - a.percent!);
  const multiple = summary.questions.find((question) => question.kind === 'multiple' && question.answered.count !== null);
  if (multiple) {
    const top = ranked(multiple).slice(0, 2);
    if (top.length > 0) {
      const items = top.map((cell) => ({ label: text(cell.label), percent: percent(cell.percent!) }));
      sentences.push(t.headlineMultiple(month, items, numbers.format(multiple.answered.count!)));
    }
  }
  for (const question of summary.questions) {
    if (question.answered.count === null) continue;
    if (question.kind === 'single') {
      const [top] = ranked(question);
      if (top) sentences.push(t.headlineSingle(text(question.label), text(top.label), percent(top.percent!), numbers.format(question.answered.count)));
    } else if (question.kind === 'rating' && question.median !== undefined && question.median !== null) {
      const max = question.cells.at(-1)!.value;
      sentences.push(t.headlineRating(text(question.label), numbers.format(question.median), numbers.format(Number(max)), numbers.format(question.answered.count)));
    }
  }
  return sentences;
}

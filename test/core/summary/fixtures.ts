// Shared by the summary tests: a survey with one question of each summarised kind (and free text),
// responses received on given days, and an attacker that reads two summaries together.
import { parseSurveyConfig } from '../../../src/core/config/parse.js';
import type { Submission } from '../../../src/core/submission-schema.js';
import { propagate, shownRange, type Relation } from '../../../src/core/summary/audit.js';
import type { Count, SurveySummary } from '../../../src/core/summary/types.js';

export const config = parseSurveyConfig({
  id: 'after-call',
  version: 1,
  title: { en: 'After the call', es: 'Después de la llamada' },
  locales: ['en', 'es'],
  tags: { site: 'north' },
  timeBucket: 'day',
  questions: [
    { id: 'types', type: 'support-types', label: 'Support', allowOther: true, options: ['emotional', 'social', 'information', 'crisis', 'other'] },
    { id: 'helped', type: 'single', label: 'Helped?', options: [{ value: 'yes', label: { en: 'Yes', es: 'Sí' } }, { value: 'no', label: 'No' }, { value: 'unsure', label: 'Not sure' }] },
    { id: 'heard', type: 'rating', label: 'Heard', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Completely' },
    { id: 'story', type: 'text', label: 'Anything else', maxLength: 200 },
  ],
});

/** 15 April 2026, a Wednesday: March and every week up to 12 April are closed. */
export const NOW = new Date('2026-04-15T10:00:00Z');

let n = 0;
export interface ResponseInput {
  day?: string;
  site?: string;
  locale?: string;
  types?: string[];
  helped?: string;
  heard?: number;
  story?: string;
}

export function response({ day = '2026-03-10', site = 'north', locale = 'en', ...answers }: ResponseInput = {}): Submission {
  n += 1;
  const filled: Submission['answers'] = {};
  for (const [key, value] of Object.entries(answers)) if (value !== undefined) filled[key] = value;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    survey: { id: 'after-call', version: 1 },
    submittedAt: `${day}T00:00:00.000Z`,
    locale,
    answers: filled,
    tags: { site },
  };
}

export const many = (count: number, input: ResponseInput) => Array.from({ length: count }, () => response(input));

/** Every figure of a summary by a stable name (`total`, `cell:helped:no`, `answered:types`, `period:2026-03-02`). */
export function figuresOf(summary: SurveySummary): Map<string, Count> {
  const figures = new Map<string, Count>([['total', summary.total]]);
  for (const question of summary.questions) {
    figures.set(`answered:${question.id}`, question.answered);
    for (const cell of question.cells) figures.set(`cell:${question.id}:${String(cell.value)}`, cell);
  }
  for (const point of summary.series) figures.set(`period:${point.start}`, point);
  return figures;
}

/** The relations every summary's figures obey (the attacker knows the config). */
export function relationsOf(summary: SurveySummary, prefix = ''): Relation[] {
  const relations: Relation[] = [];
  for (const question of summary.questions) {
    if (question.kind !== 'multiple') {
      relations.push({ parent: `${prefix}answered:${question.id}`, children: question.cells.map((cell) => `${prefix}cell:${question.id}:${String(cell.value)}`) });
    }
    relations.push({ parent: `${prefix}total`, children: [`${prefix}answered:${question.id}`, `${prefix}skipped:${question.id}`] });
  }
  if (summary.series.length > 1) relations.push({ parent: `${prefix}total`, children: summary.series.map((point) => `${prefix}period:${point.start}`) });
  return relations;
}

/**
 * An attacker independent of the module's own audit: reads several summaries of one survey, ties
 * each figure of `whole` to the same figure of `part` plus an unknown rest (filters that differ by
 * one value), and returns every figure (published, skipped or rest) it pins to a single value.
 * "<k" is read as 0 to k-1 (naive) or 0 and up (careful); pins from either count. `random`: the
 * summary was rounded at random (keyed), so a shown figure may be off by up to rounding - 1.
 */
export function attack(whole: SurveySummary, part?: SurveySummary, { random = false } = {}): Map<string, number> {
  const pins = new Map<string, number>();
  const k = whole.k;
  for (const naive of [false, true]) {
    const bounds = new Map<string, [number, number]>();
    const relations: Relation[] = [];
    const read = (summary: SurveySummary, prefix: string) => {
      for (const [id, figure] of figuresOf(summary)) {
        const foldedAnswer = id.startsWith('answered:') && figure.count !== null && figure.count === summary.total.count;
        const range: [number, number] =
          figure.count === null
            ? naive ? [0, k - 1] : [0, Infinity]
            : foldedAnswer ? [0, Infinity] : shownRange(figure.count, { k, rounding: summary.rounding, random });
        bounds.set(prefix + id, range);
      }
      for (const question of summary.questions) {
        const folded = question.answered.count !== null && question.answered.count === summary.total.count;
        bounds.set(`${prefix}skipped:${question.id}`, folded ? [0, k - 1] : [0, Infinity]);
      }
      relations.push(...relationsOf(summary, prefix));
    };
    read(whole, 'w:');
    if (part) {
      read(part, 'p:');
      for (const id of [...bounds.keys()].filter((key) => key.startsWith('w:'))) {
        const bare = id.slice(2);
        if (!bounds.has(`p:${bare}`)) continue;
        bounds.set(`r:${bare}`, [0, Infinity]);
        relations.push({ parent: id, children: [`p:${bare}`, `r:${bare}`] });
      }
    }
    if (!propagate(bounds, relations)) continue;
    for (const [id, [lo, hi]] of bounds) if (lo === hi) pins.set(id, lo);
  }
  return pins;
}

import { expect } from '@open-wc/testing';
import type { Submission } from '../../src/core/submission-schema.js';
import { summarize } from '../../src/core/summary.js';
import { summarizeCounts, type SurveyCounts } from '../../src/core/summary-counts.js';

let n = 0;
const response = (answers: Submission['answers']): Submission => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  survey: { id: 's', version: 1 },
  submittedAt: '2026-03-02T00:00:00.000Z',
  locale: 'en',
  answers,
  tags: {},
});

/** What the collector's count tables hold for these responses. */
function tally(responses: Submission[], kinds: Record<string, 'multi' | 'single' | 'rating'>): SurveyCounts {
  return {
    survey: 's',
    total: responses.length,
    questions: Object.entries(kinds).map(([id, kind]) => {
      const values = responses.filter((r) => Object.hasOwn(r.answers, id)).map((r) => r.answers[id]!);
      const counts = new Map<string | number, number>();
      for (const value of values) for (const item of Array.isArray(value) ? value : [value]) counts.set(item, (counts.get(item) ?? 0) + 1);
      return { id, kind, answered: values.length, counts: [...counts].map(([value, count]) => ({ value, count })) };
    }),
  };
}

describe('summarizeCounts', () => {
  it('gives the same summary as summarize() over the responses themselves', () => {
    const kinds = { types: 'multi', helped: 'single', heard: 'rating' } as const;
    for (const size of [5, 30, 200]) {
      const responses = Array.from({ length: size }, (_, i) =>
        response({
          types: ['emotional', ...(i % 3 === 0 ? ['social'] : []), ...(i % 17 === 0 ? ['crisis'] : [])],
          helped: i % 4 === 0 ? 'no' : i % 13 === 0 ? 'unsure' : 'yes',
          ...(i % 2 ? { heard: 1 + (i % 5) } : {}),
        }),
      );
      expect(summarizeCounts(tally(responses, kinds), { k: 11 })).to.deep.equal(summarize(responses, { surveyId: 's', questionKinds: kinds, k: 11 }));
    }
  });

  it('leaves out questions nobody answered and cells with no responses', () => {
    const summary = summarizeCounts({
      survey: 's',
      total: 40,
      questions: [
        { id: 'a', kind: 'single', answered: 0, counts: [] },
        { id: 'b', kind: 'single', answered: 40, counts: [{ value: 'x', count: 40 }, { value: 'y', count: 0 }] },
      ],
    });
    expect(summary.questions.map((q) => q.id)).to.deep.equal(['b']);
    expect(summary.questions[0]!.counts).to.deep.equal([{ value: 'x', count: 40, display: '40', percent: 100 }]);
  });
});

import { expect } from '@open-wc/testing';
import type { Submission } from '../../src/core/submission-schema.js';
import { inferQuestionKinds, isSurveySummary, summarize } from '../../src/core/summary.js';

let n = 0;
function response(answers: Submission['answers'], survey = 'after-call'): Submission {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    survey: { id: survey, version: 1 },
    submittedAt: '2026-03-02T10:00:00.000Z',
    locale: 'en',
    answers,
    tags: {},
  };
}

const times = (count: number, make: (i: number) => Submission) => Array.from({ length: count }, (_, i) => make(i));

describe('summarize', () => {
  it('counts support types as the share of responses that included each one', () => {
    const data = times(40, (i) => response({ types: i < 31 ? ['emotional', 'social'] : ['information'] }));
    const summary = summarize(data, { surveyId: 'after-call' });
    expect(summary.total).to.equal(40);
    expect(summary.totalDisplay).to.equal('40');
    expect(summary.k).to.equal(11);
    const types = summary.questions[0]!;
    expect(types).to.include({ id: 'types', kind: 'multi', answered: 40 });
    expect(types.counts).to.deep.equal([
      { value: 'emotional', count: 31, display: '31', percent: 77.5 },
      { value: 'social', count: 31, display: '31', percent: 77.5 },
      { value: 'information', count: null, display: '<11', percent: null },
    ]);
  });

  it('suppresses every count below k (1 to k-1) and keeps k itself', () => {
    const data = [
      ...times(11, () => response({ types: ['emotional'] })),
      ...times(10, () => response({ types: ['crisis'] })),
      ...times(1, () => response({ types: ['advocacy'] })),
    ];
    const counts = summarize(data, { surveyId: 'after-call' }).questions[0]!.counts;
    expect(counts.map((cell) => [cell.value, cell.display, cell.percent])).to.deep.equal([
      ['emotional', '11', 50],
      ['advocacy', '<11', null],
      ['crisis', '<11', null],
    ]);
  });

  it('multi-select: one suppressed cell is not complemented (cells do not add up to a total)', () => {
    const data = [...times(20, () => response({ types: ['emotional'] })), ...times(12, () => response({ types: ['social'] })), response({ types: ['crisis'] })];
    const shown = summarize(data, { surveyId: 'after-call' }).questions[0]!.counts.filter((cell) => cell.count !== null);
    expect(shown.map((cell) => cell.value)).to.deep.equal(['emotional', 'social']);
  });

  it('single choice: exactly one small cell also hides the next-smallest (complementary suppression)', () => {
    const data = [
      ...times(30, () => response({ helped: 'yes' })),
      ...times(14, () => response({ helped: 'somewhat' })),
      ...times(12, () => response({ helped: 'no' })),
      ...times(2, () => response({ helped: 'unsure' })),
    ];
    const helped = summarize(data, { surveyId: 'after-call' }).questions[0]!;
    expect(helped.kind).to.equal('single');
    expect(helped.counts.map((cell) => [cell.value, cell.display])).to.deep.equal([
      ['yes', '30'],
      ['somewhat', '14'],
      ['no', '<11'],
      ['unsure', '<11'],
    ]);
    // The hidden pair cannot be split from the total: answered − shown = 14, two unknowns.
    expect(helped.answered).to.equal(58);
  });

  it('single choice: two small cells need no extra suppression', () => {
    const data = [...times(30, () => response({ helped: 'yes' })), ...times(14, () => response({ helped: 'no' })), ...times(3, () => response({ helped: 'a' })), ...times(4, () => response({ helped: 'b' }))];
    const cells = summarize(data, { surveyId: 'after-call' }).questions[0]!.counts;
    expect(cells.filter((cell) => cell.count === null)).to.have.length(2);
  });

  it('ratings are complemented too and ordered by value', () => {
    const data = [...times(15, () => response({ heard: 5 })), ...times(12, () => response({ heard: 4 })), ...times(5, () => response({ heard: 2 }))];
    const heard = summarize(data, { surveyId: 'after-call' }).questions[0]!;
    expect(heard.kind).to.equal('rating');
    expect(heard.counts.map((cell) => [cell.value, cell.display])).to.deep.equal([
      [5, '15'],
      [2, '<11'],
      [4, '<11'],
    ]);
  });

  it('suppresses the total below k and honours a configured k', () => {
    const data = times(7, () => response({ types: ['emotional'] }));
    expect(summarize(data, { surveyId: 'after-call' })).to.include({ total: null, totalDisplay: '<11' });
    const low = summarize(data, { surveyId: 'after-call', k: 5 });
    expect(low).to.include({ total: 7, totalDisplay: '7', k: 5 });
    expect(low.questions[0]!.counts[0]).to.deep.equal({ value: 'emotional', count: 7, display: '7', percent: 100 });
  });

  it('never includes free text or ".other" texts', () => {
    const data = times(30, (i) =>
      response({ types: ['other'], 'types.other': 'my neighbour Ann', story: i % 2 ? 'It helped a lot' : 'yes', code: `v${i}` }),
    );
    const summary = summarize(data, { surveyId: 'after-call' });
    expect(summary.questions.map((question) => question.id)).to.deep.equal(['types']);
    expect(JSON.stringify(summary)).not.to.contain('Ann');
  });

  it('infers kinds: arrays multi, numbers rating, short codes single; > 20 distinct values or mixed types skipped', () => {
    const data = times(25, (i) => response({ a: ['x'], b: 3, c: 'yes', many: `opt${i}`, mixed: i % 2 ? 'x' : 1, 'c.other': 'text' }));
    expect(inferQuestionKinds(data)).to.deep.equal({ a: 'multi', b: 'rating', c: 'single' });
  });

  it('uses given question kinds and leaves out the rest', () => {
    const data = times(12, () => response({ types: ['emotional'], mood: 'calm words here', heard: 4 }));
    const summary = summarize(data, { surveyId: 'after-call', questionKinds: { mood: 'single', types: 'text' } });
    expect(summary.questions.map((question) => [question.id, question.kind])).to.deep.equal([['mood', 'single']]);
  });

  it('counts only the requested survey, and survives "__proto__" answer keys', () => {
    const data = [...times(12, () => response({ types: ['emotional'] })), ...times(20, () => response({ types: ['social'] }, 'other'))];
    const odd = JSON.parse('{"__proto__": ["x"]}') as Submission['answers'];
    data.push(response(odd));
    const summary = summarize(data, { surveyId: 'after-call' });
    expect(summary.total).to.equal(13);
    expect(summary.questions.find((question) => question.id === 'types')!.counts[0]!.count).to.equal(12);
    expect(({} as Record<string, unknown>).x).to.equal(undefined);
    expect(isSurveySummary(JSON.parse(JSON.stringify(summary)))).to.equal(true);
  });

  it('isSurveySummary rejects other shapes', () => {
    expect(isSurveySummary(null)).to.equal(false);
    expect(isSurveySummary({ survey: 's', total: 1, totalDisplay: '1', k: 11, questions: [{ id: 'q' }] })).to.equal(false);
    expect(isSurveySummary('<html>')).to.equal(false);
  });
});

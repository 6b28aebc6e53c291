import { expect } from '@open-wc/testing';
import type { Answers } from '../../src/core/answers.js';
import { buildSubmission } from '../../src/core/payload.js';
import { checkSubmission } from '../../src/core/submission-check.js';
import type { Submission } from '../../src/core/submission-schema.js';
import { parsed, sampleConfig } from './config/fixtures.js';

const config = parsed(
  sampleConfig({
    locales: ['en', 'es'],
    tags: { site: 'north' },
    timeBucket: 'week',
    questions: [
      { id: 'support', type: 'support-types', label: 'Support', allowOther: true, max: 3 },
      { id: 'heard', type: 'single', label: 'Heard?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
      { id: 'why', type: 'text', label: 'Why not?', maxLength: 10, showIf: { question: 'heard', equals: 'no' } },
      { id: 'score', type: 'rating', label: 'Score', min: 0, max: 10 },
      { id: 'note', type: 'text', label: 'Note', maxLength: 10, multiline: true },
    ],
  }),
);
let n = 0;
const build = (answers: Answers, locale = 'en') =>
  buildSubmission(config, answers, {
    now: () => Date.UTC(2026, 2, 4, 13, 45),
    randomId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    locale,
  });
const issuesOf = (submission: Submission) => {
  const result = checkSubmission(config, submission);
  return result.ok ? [] : result.issues.map((issue) => issue.path);
};

describe('checkSubmission', () => {
  it('accepts whatever buildSubmission builds, unchanged', () => {
    const samples: Answers[] = [
      {},
      { support: ['social', 'emotional'], heard: 'no', why: 'rushed', score: 0, note: 'two\nlines' },
      { support: ['other'], 'support.other': '  a reason  ', heard: 'yes', score: 10 },
      // buildSubmission drops what does not fit; the rest must pass.
      { support: ['emotional', 'nope'], heard: 'maybe', why: 'hidden', score: 11, note: 'x'.repeat(40) },
    ];
    for (const answers of samples) {
      for (const locale of ['en', 'es-MX', 'de']) {
        const submission = build(answers, locale);
        const result = checkSubmission(config, submission);
        expect(result.ok, JSON.stringify(submission)).to.equal(true);
        if (result.ok) expect(result.submission).to.deep.equal(submission);
      }
    }
  });

  it('reports each answer the widget could not have sent, with its path', () => {
    const base = build({ heard: 'yes' });
    const withAnswers = (answers: Submission['answers']) => ({ ...base, answers });
    expect(issuesOf(withAnswers({ injected: 'Call 1-900' }))).to.deep.equal(['answers.injected']);
    expect(issuesOf(withAnswers({ support: ['emotional', 'Call 1-900'] }))).to.deep.equal(['answers.support']);
    expect(issuesOf(withAnswers({ support: ['emotional', 'emotional'] }))).to.deep.equal(['answers.support']);
    expect(issuesOf(withAnswers({ support: [] }))).to.deep.equal(['answers.support']);
    expect(issuesOf(withAnswers({ support: ['emotional', 'social', 'crisis', 'practical'] }))).to.deep.equal(['answers.support']);
    expect(issuesOf(withAnswers({ heard: 'maybe' }))).to.deep.equal(['answers.heard']);
    expect(issuesOf(withAnswers({ score: 11 }))).to.deep.equal(['answers.score']);
    expect(issuesOf(withAnswers({ score: 2.5 }))).to.deep.equal(['answers.score']);
    expect(issuesOf(withAnswers({ score: '5' }))).to.deep.equal(['answers.score']);
    expect(issuesOf(withAnswers({ note: 'x'.repeat(11) }))).to.deep.equal(['answers.note']);
    expect(issuesOf(withAnswers({ note: '   ' }))).to.deep.equal(['answers.note']);
    expect(issuesOf(withAnswers({ heard: 'yes', why: 'hidden' }))).to.deep.equal(['answers.why']);
    expect(issuesOf(withAnswers({ support: ['social'], 'support.other': 'x' }))).to.deep.equal(['answers.support.other']);
    expect(issuesOf(withAnswers({ heard: 'yes', 'heard.other': 'x' }))).to.deep.equal(['answers.heard.other']);
  });

  it('reports a wrong survey, version, locale or tags', () => {
    const good = build({});
    expect(issuesOf({ ...good, survey: { id: 'other', version: 3 } })).to.deep.equal(['survey.id']);
    expect(issuesOf({ ...good, survey: { id: 'sample', version: 4 } })).to.deep.equal(['survey.version']);
    expect(issuesOf({ ...good, survey: { id: 'sample', version: '3' } })).to.deep.equal([]);
    expect(issuesOf({ ...good, locale: 'es-MX' })).to.deep.equal(['locale']);
    expect(issuesOf({ ...good, tags: { site: 'south' } })).to.deep.equal(['tags.site']);
    expect(issuesOf({ ...good, tags: {} })).to.deep.equal(['tags.site']);
    expect(issuesOf({ ...good, tags: { site: 'north', extra: 'x' } })).to.deep.equal(['tags.extra']);
  });

  it('floors submittedAt again to the survey bucket, puts choices in option order, strips control characters', () => {
    const result = checkSubmission(config, {
      ...build({}),
      submittedAt: '2026-03-04T13:45:12.345Z',
      answers: { support: ['social', 'emotional'], note: '\u0000hi\u202E\ttab\r\n', 'support.other': 'x' },
    });
    expect(result.ok).to.equal(false); // "other" text without "other"
    const fixed = checkSubmission(config, {
      ...build({}),
      submittedAt: '2026-03-04T13:45:12.345Z',
      answers: { support: ['social', 'emotional'], note: '\u0000hi\u202E\ttab\r\n' },
    });
    expect(fixed.ok).to.equal(true);
    if (!fixed.ok) return;
    expect(fixed.submission.submittedAt).to.equal('2026-03-02T00:00:00.000Z'); // the Monday of that week
    expect(fixed.submission.answers).to.deep.equal({ support: ['emotional', 'social'], note: 'hi\ttab' });
  });

  it('keeps the issue list short whatever is sent', () => {
    const answers = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`q${i}`, 'x']));
    const result = checkSubmission(config, { ...build({}), answers });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues.length).to.equal(20);
  });
});

import { expect } from '@open-wc/testing';
import { isComplete, isQuestionVisible, keepAnswers, validateAnswer, visibleQuestions } from '../../src/core/answers.js';
import type { Question } from '../../src/core/config/schema.js';
import { parsed, sampleConfig, withQuestions } from './config/fixtures.js';

const config = parsed(sampleConfig());
const [support, heard, topics, score, note] = config.questions as [Question, Question, Question, Question, Question];

describe('showIf', () => {
  const q = (showIf: Record<string, unknown>) => parsed(withQuestions([...sampleConfig().questions as unknown[], { id: 'x', type: 'text', label: 'X', showIf }])).questions[5]!;

  it('equals / in / notIn / answered on single, multiple and rating answers', () => {
    expect(isQuestionVisible(q({ question: 'heard', equals: 'yes' }), { heard: 'yes' })).to.equal(true);
    expect(isQuestionVisible(q({ question: 'heard', equals: 'yes' }), { heard: 'no' })).to.equal(false);
    expect(isQuestionVisible(q({ question: 'topics', equals: 'b' }), { topics: ['a', 'b'] })).to.equal(true);
    expect(isQuestionVisible(q({ question: 'score', in: [0, 1, 2] }), { score: 2 })).to.equal(true);
    expect(isQuestionVisible(q({ question: 'score', in: [0, 1, 2] }), { score: 3 })).to.equal(false);
    expect(isQuestionVisible(q({ question: 'topics', notIn: ['c'] }), { topics: ['a'] })).to.equal(true);
    expect(isQuestionVisible(q({ question: 'topics', notIn: ['c'] }), { topics: ['a', 'c'] })).to.equal(false);
    expect(isQuestionVisible(q({ question: 'topics', notIn: ['c'] }), {})).to.equal(false);
    expect(isQuestionVisible(q({ question: 'note', answered: true }), { note: '  ' })).to.equal(false);
    expect(isQuestionVisible(q({ question: 'note', answered: false }), {})).to.equal(true);
  });

  it('hides questions whose condition depends on a hidden question', () => {
    const chain = parsed(
      withQuestions([
        { id: 'a', type: 'single', label: 'A', options: [{ value: 'y', label: 'Y' }, { value: 'n', label: 'N' }] },
        { id: 'b', type: 'single', label: 'B', options: [{ value: 'y', label: 'Y' }], showIf: { question: 'a', equals: 'y' } },
        { id: 'c', type: 'text', label: 'C', showIf: { question: 'b', answered: true } },
      ]),
    );
    const ids = (answers: Record<string, string>) => visibleQuestions(chain, answers).map((question) => question.id);
    expect(ids({})).to.deep.equal(['a']);
    expect(ids({ a: 'y' })).to.deep.equal(['a', 'b']);
    expect(ids({ a: 'y', b: 'y' })).to.deep.equal(['a', 'b', 'c']);
    expect(ids({ a: 'n', b: 'y' })).to.deep.equal(['a']);
  });

  it('does not read inherited properties for an id like "constructor"', () => {
    const odd = parsed(withQuestions([{ id: 'constructor', type: 'text', label: 'A' }, { id: 'b', type: 'text', label: 'B', showIf: { question: 'constructor', answered: true } }]));
    expect(visibleQuestions(odd, {}).map((question) => question.id)).to.deep.equal(['constructor']);
  });
});

describe('validateAnswer', () => {
  it('required, and optional questions may be left empty', () => {
    const required = { ...heard, required: true } as Question;
    expect(validateAnswer(required, undefined)).to.deep.equal({ code: 'required' });
    expect(validateAnswer(required, '   ')).to.deep.equal({ code: 'required' });
    expect(validateAnswer({ ...topics, required: true } as Question, [])).to.deep.equal({ code: 'required' });
    expect(validateAnswer(heard, undefined)).to.equal(null);
  });

  it('choices must be options; counts within min/max', () => {
    expect(validateAnswer(heard, 'yes')).to.equal(null);
    expect(validateAnswer(heard, 'maybe')).to.deep.equal({ code: 'invalid' });
    expect(validateAnswer(topics, ['a', 'b', 'c'])).to.deep.equal({ code: 'too-many', limit: 2 });
    expect(validateAnswer({ ...topics, min: 2 } as Question, ['a'])).to.deep.equal({ code: 'too-few', limit: 2 });
    expect(validateAnswer(topics, ['a', 'a'])).to.deep.equal({ code: 'invalid' });
    expect(validateAnswer(support, ['emotional', 'other'])).to.equal(null);
    expect(validateAnswer(support, 'emotional')).to.deep.equal({ code: 'invalid' });
  });

  it('ratings are integers on the scale', () => {
    expect(validateAnswer(score, 0)).to.equal(null);
    expect(validateAnswer(score, 10)).to.equal(null);
    expect(validateAnswer(score, 11)).to.deep.equal({ code: 'invalid' });
    expect(validateAnswer(score, 2.5)).to.deep.equal({ code: 'invalid' });
    expect(validateAnswer(score, '3')).to.deep.equal({ code: 'invalid' });
  });

  it('text length is counted in code points', () => {
    expect(validateAnswer(note, '😀'.repeat(10))).to.equal(null);
    expect(validateAnswer(note, '😀'.repeat(11))).to.deep.equal({ code: 'too-long', limit: 10 });
  });
});

describe('keepAnswers (a new version of the config)', () => {
  const answers = { support: ['emotional'], 'support.other': 'x', heard: 'yes', topics: ['a'], score: 4, note: 'words' };

  it('keeps every answer when only the words change', () => {
    const retitled = parsed(sampleConfig({ title: 'A new title', questions: (sampleConfig().questions as Array<Record<string, unknown>>).map((q) => ({ ...q, label: `${String(q.label)}!` })) }));
    expect(keepAnswers(config, retitled, answers)).to.deep.equal(answers);
  });

  it('drops answers to questions removed, retyped or given other choices', () => {
    const questions = sampleConfig().questions as Array<Record<string, unknown>>;
    const changed = parsed(
      sampleConfig({
        questions: [
          { ...questions[0], allowOther: false, options: ['emotional', 'social', 'other'] },
          { ...questions[1], options: [{ value: 'yes', label: 'Yes' }, { value: 'maybe', label: 'Maybe' }] },
          questions[2],
          { ...questions[3], max: 7 },
        ],
      }),
    );
    expect(keepAnswers(config, changed, answers)).to.deep.equal({ topics: ['a'] });
  });
});

describe('isComplete', () => {
  it('is true only when every question has an answer that can be submitted', () => {
    expect(isComplete(config.questions, { support: ['emotional'], topics: ['a'] })).to.equal(true);
    expect(isComplete(config.questions, { topics: ['a', 'b', 'c'] })).to.equal(false);
  });
});

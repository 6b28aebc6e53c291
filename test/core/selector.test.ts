import { expect } from '@open-wc/testing';
import { selectorQuestion, validityFlag } from '../../src/core/selector.js';

const settings = { name: 'support', label: 'Which?', help: null, required: true, min: undefined, max: 2, allowOther: true, options: undefined };

describe("<support-type-selector>'s question", () => {
  it('is the support-types question with the taxonomy, or the options given', () => {
    const question = selectorQuestion(settings);
    expect(question).to.include({ id: 'support', type: 'support-types', label: 'Which?', required: true, max: 2, allowOther: true, otherMaxLength: 100 });
    expect(question.options.map((option) => option.value)).to.include.members(['emotional', 'social', 'other']);
    expect(selectorQuestion({ ...settings, name: '', options: [{ value: 'meal', label: 'A meal' }] })).to.include({ id: 'support' });
    expect(selectorQuestion({ ...settings, options: [{ value: 'meal', label: 'A meal' }] }).options).to.deep.equal([{ value: 'meal', label: 'A meal' }]);
  });

  it('raises the validity flag a native control would', () => {
    expect(validityFlag({ code: 'required' })).to.equal('valueMissing');
    expect(validityFlag({ code: 'too-few', limit: 2 })).to.equal('rangeUnderflow');
    expect(validityFlag({ code: 'too-many', limit: 2 })).to.equal('rangeOverflow');
    expect(validityFlag({ code: 'invalid' })).to.equal('customError');
  });
});

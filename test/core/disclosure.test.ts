import { expect } from '@open-wc/testing';
import { describeSubmission } from '../../src/core/disclosure.js';
import { parsed, sampleConfig } from './config/fixtures.js';

describe('describeSubmission', () => {
  it('lists every field a response can contain', () => {
    const fields = describeSubmission(parsed(sampleConfig({ tags: { site: 'north' }, locales: ['en', 'es'] })), 'es');
    expect(fields.map((field) => [field.key, field.kind])).to.deep.equal([
      ['id', 'id'],
      ['survey', 'survey'],
      ['submittedAt', 'submittedAt'],
      ['locale', 'locale'],
      ['answers.support', 'answer'],
      ['answers.support.other', 'other-text'],
      ['answers.heard', 'answer'],
      ['answers.topics', 'answer'],
      ['answers.score', 'answer'],
      ['answers.note', 'answer'],
      ['tags.site', 'tag'],
    ]);
    expect(fields[2]!.detail).to.equal('day');
    expect(fields[3]!.detail).to.equal('es');
    expect(fields[6]!.label).to.equal('Heard?');
    expect(fields[10]).to.deep.equal({ key: 'tags.site', kind: 'tag', label: 'site', detail: 'north' });
  });
});

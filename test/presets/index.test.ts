import { expect } from '@open-wc/testing';
import { safeParseSurveyConfig } from '../../src/core/config/parse.js';
import { getPreset, presets } from '../../src/presets/index.js';

describe('presets', () => {
  it('has the four documented presets', () => {
    expect(Object.keys(presets)).to.deep.equal(['peer-support-encounter', 'family-peer-support', 'group-session', 'crisis-follow-up']);
  });

  for (const [name, preset] of Object.entries(presets)) {
    describe(name, () => {
      it('parses', () => {
        const result = safeParseSurveyConfig(preset);
        expect(result.success ? [] : result.error.issues).to.deep.equal([]);
      });
      it('is short enough to finish in under a minute, in en, es and fr', () => {
        const result = safeParseSurveyConfig(preset);
        if (!result.success) throw result.error;
        expect(result.config.id).to.equal(name);
        expect(result.config.questions.length).to.be.within(3, 6);
        expect(result.config.questions.filter((q) => q.type === 'text')).to.have.length.at.most(2);
        expect(result.config.locales).to.deep.equal(['en', 'es', 'fr']);
        expect(result.config.questions.some((q) => q.type === 'support-types')).to.equal(true);
      });
    });
  }

  it('peer-support-encounter asks support types, helpfulness 1–5, felt heard, would use again, comment', () => {
    const preset = getPreset('peer-support-encounter');
    expect(preset.questions.map((q) => [q.id, q.type])).to.deep.equal([
      ['supportTypes', 'support-types'],
      ['helpful', 'rating'],
      ['heard', 'single'],
      ['useAgain', 'single'],
      ['comment', 'text'],
    ]);
  });

  it('getPreset returns a fresh copy and nothing for unknown or inherited names', () => {
    const copy = getPreset('group-session');
    copy.title = 'Changed';
    expect(presets['group-session'].title).to.not.equal('Changed');
    expect(getPreset('nope')).to.equal(undefined);
    expect(getPreset('constructor')).to.equal(undefined);
    expect('constructor' in presets).to.equal(false);
  });
});

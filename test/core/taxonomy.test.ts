import { expect } from '@open-wc/testing';
import { defaultSupportTypes } from '../../src/core/taxonomy.js';

describe('defaultSupportTypes', () => {
  it('has the documented values in order, emotional support first', () => {
    expect(defaultSupportTypes.map((t) => t.value)).to.deep.equal(['emotional', 'social', 'information', 'practical', 'advocacy', 'wellness', 'crisis', 'other']);
  });
  it('has a label and a description in en, es and fr for every type', () => {
    for (const type of defaultSupportTypes) {
      for (const locale of ['en', 'es', 'fr'] as const) {
        expect(type.label[locale].trim(), `${type.value}.label.${locale}`).to.not.equal('');
        expect(type.description[locale].trim(), `${type.value}.description.${locale}`).to.not.equal('');
      }
    }
  });
  it('crosswalks to SAMHSA and Salzer', () => {
    const by = Object.fromEntries(defaultSupportTypes.map((t) => [t.value, t]));
    expect(by.emotional!.samhsa).to.deep.equal(['emotional']);
    expect(by.social!.samhsa).to.deep.equal(['affiliational']);
    expect(by.social!.salzer).to.deep.equal(['companionship']);
    expect(by.information!.samhsa).to.deep.equal(['informational']);
    expect(by.practical!.salzer).to.deep.equal(['instrumental']);
    expect(by.other!.samhsa).to.deep.equal([]);
  });
});

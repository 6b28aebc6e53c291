import { expect } from '@open-wc/testing';
import { translationFor, translations } from '../../src/i18n/index.js';

describe('built-in translations', () => {
  const keys = Object.keys(translations.en).sort();

  for (const [code, translation] of Object.entries(translations)) {
    it(`${code} has every string, none blank, and counts read as words`, () => {
      expect(Object.keys(translation).sort()).to.deep.equal(keys);
      for (const [key, value] of Object.entries(translation)) {
        if (typeof value === 'string') expect(value.trim(), key).not.to.equal('');
        if (typeof value === 'function') {
          for (const count of [0, 1, 2, 5, 11, 100]) {
            const text = (value as (...args: number[]) => string)(count, 500);
            expect(text, `${key}(${count})`).to.be.a('string').and.not.match(/undefined|NaN/);
          }
        }
      }
    });
  }

  it('picks the language of a regional tag, and English for the rest', () => {
    expect(translationFor('es-MX').$code).to.equal('es');
    expect(translationFor('AR-eg').$code).to.equal('ar');
    expect(translationFor('de').$code).to.equal('en');
    expect(translationFor(undefined).$code).to.equal('en');
  });

  it('writes Arabic right to left and pluralises it by its own rules', () => {
    expect(translations.ar.$dir).to.equal('rtl');
    expect(translations.ar.chooseAtLeast(2)).to.contain('خياران');
    expect(translations.ar.chooseAtLeast(3)).to.contain('خيارات');
    expect(translations.fr.stillThereCountdown(1)).to.contain('1 seconde');
    expect(translations.fr.stillThereCountdown(0)).to.contain('0 seconde');
    expect(translations.en.stillThereCountdown(1)).to.contain('1 second.');
  });
});

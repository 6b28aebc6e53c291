import { expect } from '@open-wc/testing';
import { bestLocale, languageOf, matchLocale } from '../../src/core/locale.js';

describe('language matching', () => {
  it('takes the exact tag first, then the same language, in the order wanted', () => {
    expect(bestLocale(['es-MX'], ['en', 'es'])).to.equal('es');
    expect(bestLocale(['es'], ['en', 'es-MX'])).to.equal('es-MX');
    expect(bestLocale(['FR-ca'], ['fr', 'fr-CA'])).to.equal('fr-CA');
    expect(bestLocale(['de', 'fr'], ['en', 'fr'])).to.equal('fr');
    expect(bestLocale(['de', null, undefined, ''], ['en'])).to.equal(undefined);
    expect(languageOf('AR-eg')).to.equal('ar');
  });

  it('falls back to the first offered locale', () => {
    expect(matchLocale('de', ['en', 'es'])).to.equal('en');
    expect(matchLocale(undefined, ['es', 'en'])).to.equal('es');
    expect(matchLocale('es-AR', ['en', 'es'])).to.equal('es');
  });
});

import { expect } from '@open-wc/testing';
import { codePointLength, localize, matchLocale, truncateCodePoints } from '../../src/core/text.js';

describe('localize', () => {
  const text = { en: 'Hello', es: 'Hola', 'fr-CA': 'Bonjour', de: ' ' };
  it('exact tag, then language, then fallback, never blank', () => {
    expect(localize(text, 'es', 'en')).to.equal('Hola');
    expect(localize(text, 'es-MX', 'en')).to.equal('Hola');
    expect(localize(text, 'fr', 'en')).to.equal('Bonjour');
    expect(localize(text, 'ar', 'en')).to.equal('Hello');
    expect(localize(text, 'de', 'en')).to.equal('Hello');
    expect(localize({ es: 'Hola' }, 'ar', 'en')).to.equal('Hola');
    expect(localize('Plain', 'es', 'en')).to.equal('Plain');
    expect(localize(undefined, 'es', 'en')).to.equal('');
  });
  it('never reads inherited properties', () => {
    expect(localize({ en: 'Hi' }, 'constructor', 'en')).to.equal('Hi');
  });
});

describe('matchLocale', () => {
  it('picks an exact, then same-language, then default locale', () => {
    expect(matchLocale('es-mx', ['en', 'es-MX'])).to.equal('es-MX');
    expect(matchLocale('es-AR', ['en', 'es'])).to.equal('es');
    expect(matchLocale('ja', ['fr', 'en'])).to.equal('fr');
    expect(matchLocale(undefined, ['fr'])).to.equal('fr');
  });
});

describe('code points', () => {
  it('counts and truncates without splitting pairs', () => {
    expect(codePointLength('a😀b')).to.equal(3);
    expect(truncateCodePoints('😀😀😀', 2)).to.equal('😀😀');
    expect(truncateCodePoints('ab\uD800c', 3)).to.equal('ab\uD800');
  });
});

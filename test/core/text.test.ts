import { expect } from '@open-wc/testing';
import { codePointLength, localize, matchLocale, pickText, truncateCodePoints } from '../../src/core/text.js';

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
  it('says which translation it used, so fallback text can carry its own lang', () => {
    expect(pickText(text, 'es-MX', 'en')).to.deep.equal({ text: 'Hola', lang: 'es' });
    expect(pickText(text, 'ar', 'en')).to.deep.equal({ text: 'Hello', lang: 'en' });
    expect(pickText('Plain', 'ar', 'en')).to.deep.equal({ text: 'Plain', lang: null });
  });
  it('reads anything that is not text as no text (unvalidated config)', () => {
    for (const value of [null, 3, true, ['a'], { en: 5 }]) expect(localize(value as never, 'en', 'en')).to.equal('');
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

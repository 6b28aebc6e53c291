import { expect } from '@open-wc/testing';
import { builtInLanguage, BUILT_IN_LANGUAGES, Dictionary, loadTranslation, surveyStrings } from '../../src/i18n/index.js';
import { kioskStrings } from '../../src/i18n/kiosk/index.js';
import { summaryStrings } from '../../src/i18n/summary/index.js';

const dictionaries = { survey: surveyStrings, kiosk: kioskStrings, summary: summaryStrings } as Record<string, Dictionary<object>>;

describe('built-in translations', () => {
  for (const [kind, dictionary] of Object.entries(dictionaries)) {
    it(`${kind}: every language has every string, none blank, and counts read as words`, async () => {
      const english = await dictionary.load('en');
      const keys = Object.keys(english).sort();
      for (const code of BUILT_IN_LANGUAGES) {
        const strings = await dictionary.load(code);
        expect(dictionary.languageOf(code), `${kind} ${code} loaded`).to.equal(code);
        expect(Object.keys(strings).sort(), `${kind} ${code}`).to.deep.equal(keys);
        for (const [key, value] of Object.entries(strings)) {
          if (typeof value === 'string') expect(value.trim(), `${kind} ${code} ${key}`).not.to.equal('');
          if (typeof value === 'function') {
            // Each function with arguments of its own kind: most take counts; `malformed` takes the paths it names.
            const calls: unknown[][] = key === 'malformed' ? [[['questions[1].cells']], [['id', 'periods', 'questions[0].kind']]] : (key === 'faces' ? [3, 5] : [0, 1, 2, 5, 11, 100]).map((count) => [count, 500]);
            for (const args of calls) {
              const count = args[0];
              const result = (value as (...args: unknown[]) => string | string[])(...args);
              for (const text of [result].flat()) expect(text, `${kind} ${code} ${key}(${count})`).to.be.a('string').and.not.match(/undefined|NaN|^\s*$/);
              if (key === 'faces') expect(result, `${kind} ${code} faces(${count})`).to.have.length(count as number);
            }
          }
        }
      }
    });
  }

  it('picks the language of a regional tag, and English for the rest', async () => {
    expect(builtInLanguage('es-MX')).to.equal('es');
    expect(builtInLanguage('AR-eg')).to.equal('ar');
    expect(builtInLanguage('de')).to.equal('en');
    expect(builtInLanguage(undefined)).to.equal('en');
    expect((await loadTranslation('es-MX')).$code).to.equal('es');
  });

  it('bundles English and loads the others on first use', async () => {
    const dictionary = new Dictionary({ hello: 'Hello' }, {
      es: () => Promise.resolve({ default: { hello: 'Hola' } }),
      fr: () => Promise.reject(new Error('offline')),
      ar: () => Promise.resolve({ default: { hello: 'مرحبا' } }),
    });
    expect(dictionary.get('en')!.hello).to.equal('Hello');
    expect(dictionary.get('es')).to.equal(undefined);
    expect((await dictionary.load('es-ES')).hello).to.equal('Hola');
    expect(dictionary.get('es')!.hello).to.equal('Hola');
    // A language that cannot load falls back to English, and says so (the page marks that text lang="en").
    expect((await dictionary.load('fr')).hello).to.equal('Hello');
    expect(dictionary.languageOf('fr')).to.equal('en');
  });

  it('writes Arabic right to left and pluralises it by its own rules', async () => {
    const ar = await surveyStrings.load('ar');
    expect(ar.$dir).to.equal('rtl');
    expect(ar.chooseAtLeast(2)).to.contain('خياران');
    expect(ar.chooseAtLeast(3)).to.contain('خيارات');
    const fr = await kioskStrings.load('fr');
    expect(fr.stillThereCountdown(1)).to.contain('1 seconde');
    expect(fr.stillThereCountdown(0)).to.contain('0 seconde');
    expect((await kioskStrings.load('en')).stillThereCountdown(1)).to.contain('1 second.');
  });
});

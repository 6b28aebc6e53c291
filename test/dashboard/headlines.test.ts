import { expect } from '@open-wc/testing';
import type { SurveySummary } from '../../src/core/summary/types.js';
import { headlines } from '../../src/dashboard/headlines.js';
import { BUILT_IN_LANGUAGES } from '../../src/i18n/index.js';
import { dashboardStrings } from '../../src/i18n/dashboard/index.js';

/** Intl puts no-break spaces before "%" in Spanish and French. */
const plain = (sentences: string[]) => sentences.map((sentence) => sentence.replace(/[\u00a0\u202f]/g, ' '));
const month = (await (await fetch(new URL('./fixtures/month.json', import.meta.url))).json()) as SurveySummary;

describe('dashboard strings and headline sentences', () => {
  it('every language has every string, none blank', async () => {
    const keys = Object.keys(await dashboardStrings.load('en')).sort();
    for (const code of BUILT_IN_LANGUAGES) {
      const strings = await dashboardStrings.load(code);
      expect(dashboardStrings.languageOf(code), code).to.equal(code);
      expect(Object.keys(strings).sort(), code).to.deep.equal(keys);
      for (const [key, value] of Object.entries(strings)) if (typeof value === 'string') expect(value.trim(), `${code} ${key}`).not.to.equal('');
    }
  });

  it('writes the headlines from the published figures, in each language', async () => {
    const en = headlines(month, 'October 2026', await dashboardStrings.load('en'), 'en');
    expect(en).to.deep.equal([
      'In October 2026, 70% of responses included emotional support and 30% information & resources (n = 100).',
      'To “Did you feel heard?”, 75% answered “Yes” (n = 100).',
      'The median answer to “How helpful was it?” was 4 out of 5 (n = 100).',
    ]);
    const es = plain(headlines(month, 'octubre de 2026', await dashboardStrings.load('es'), 'es'));
    expect(es[0]).to.equal('En octubre de 2026, el 70 % de las respuestas incluyó apoyo emocional y el 30 % información y recursos (n = 100).');
    expect(plain(headlines(month, 'octobre 2026', await dashboardStrings.load('fr'), 'fr'))[1]).to.equal('À « Did you feel heard? », 75 % ont répondu « Yes » (n = 100).');
    for (const sentence of headlines(month, 'أكتوبر 2026', await dashboardStrings.load('ar'), 'ar')) expect(sentence).not.to.match(/undefined|NaN/);
  });

  it('a month with too few responses gets one sentence and no figures', async () => {
    const t = await dashboardStrings.load('en');
    const few = { ...month, total: { count: null, display: '<11' } };
    expect(headlines(few, 'October 2026', t, 'en')).to.deep.equal(['In October 2026 there were fewer than 11 responses, so no figures are shown.']);
  });

  it('never names a suppressed answer', async () => {
    const t = await dashboardStrings.load('en');
    const text = headlines(month, 'October 2026', t, 'en').join(' ');
    for (const question of month.questions) {
      for (const cell of question.cells) if (cell.count === null) expect(text).not.to.contain(`“${typeof cell.label === 'string' ? cell.label : cell.label.en}”`);
    }
  });
});

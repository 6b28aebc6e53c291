// The free-text guard's detector (issue #22, catalogue 55): what it finds in the four languages and
// the national formats it must know, what it leaves alone, and the placeholders of redaction.
// bench/free-text.mjs measures its rates over larger corpora.
import { expect } from '@open-wc/testing';
import { findIdentifiers, redactIdentifiers } from '../../src/core/free-text-guard.js';

const kinds = (text: string) => findIdentifiers(text).map((finding) => finding.kind);

describe('free-text guard: findIdentifiers', () => {
  it('phone numbers in US, UK, Spanish, French and Arabic-digit formats', () => {
    for (const text of ['call (415) 555-0132', 'my mobile 07700 900123', '+44 20 7946 0958', 'mi móvil 612 34 56 78', 'au 06 12 34 56 78', '+33 6 12 34 56 78', 'رقمي ٠٥٥١٢٣٤٥٦٧']) {
      expect(kinds(text), text).to.deep.equal(['phone']);
    }
  });

  it('e-mail addresses and links', () => {
    expect(kinds('write to jane.doe@example.com')).to.deep.equal(['email']);
    expect(kinds('see https://example.com/me or www.example.org')).to.deep.equal(['url', 'url']);
    expect(kinds('mi perfil facebook.com/jane.doe')).to.deep.equal(['url']);
  });

  it('street addresses and postcodes (US, UK, ES, FR, Arabic)', () => {
    expect(kinds('I live at 221B Baker Street, London NW1 6XE')).to.deep.equal(['address', 'postcode']);
    expect(kinds('vivo en la calle Mayor 5, 28013 Madrid')).to.deep.equal(['address', 'postcode']);
    expect(kinds("j'habite 12 rue de la Paix, 75002 Paris")).to.deep.equal(['address', 'postcode']);
    expect(kinds('Springfield, IL 62704')).to.deep.equal(['postcode']);
    expect(kinds('عنواني شارع الملك فهد 12')).to.deep.equal(['address']);
  });

  it('dates of birth, with a word about birth or a year of birth', () => {
    for (const text of ['born on 12/03/1985', 'nací el 3 de mayo de 1990', 'née le 12 mars 1985', 'ولدت في ١٢/٠٣/١٩٨٥', 'it is 1985-03-12.']) {
      expect(kinds(text), text).to.deep.equal(['birth-date']);
    }
  });

  it('leaves ordinary feedback alone: times, ratings, ages, durations, this year\'s dates', () => {
    for (const text of [
      'I waited 20 minutes at 3 pm on 12 March, 10/10.',
      'Tengo 45 años y llamé 2 o 3 veces, 24 horas.',
      'J’ai attendu de 18 h 30 à 19 h, le 12/11/2026.',
      'انتظرت 20 دقيقة، والساعة ٦:٣٠ كانت مناسبة.',
      'Between 2019 and 2021 I lost 12 kg.',
    ]) {
      expect(findIdentifiers(text), text).to.deep.equal([]);
    }
  });

  it('redacts with placeholders, keeping the rest of the text', () => {
    expect(redactIdentifiers('Call me on 07700 900123 or jane@example.com, thanks')).to.equal('Call me on [phone] or [email], thanks');
    expect(redactIdentifiers('nothing to hide')).to.equal('nothing to hide');
  });
});

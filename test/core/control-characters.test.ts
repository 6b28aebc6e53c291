import { expect } from '@open-wc/testing';
import { removeControlCharacters } from '../../src/core/control-characters.js';

describe('removeControlCharacters', () => {
  it('removes C0 and C1 controls, DEL and bidi embeddings, overrides and isolates', () => {
    const controls = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0080', '\u0085', '\u009F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\r'];
    for (const control of controls) expect(removeControlCharacters(`a${control}b`), escape(control)).to.equal('ab');
  });
  it('keeps newline and tab in free text, or removes them on request', () => {
    expect(removeControlCharacters('one\n\ttwo')).to.equal('one\n\ttwo');
    expect(removeControlCharacters('one\n\ttwo', { keepNewlines: false })).to.equal('onetwo');
  });
  it('keeps text in every script, emoji, and the direction marks right-to-left text needs', () => {
    const text = 'مرحبا\u200F بالعالم \u061C — ¿Qué tal? 👋🏽 \u200E';
    expect(removeControlCharacters(text)).to.equal(text);
  });
  it('removes invisible format characters (zero-width space, word joiner, BOM, soft hyphen, tag characters), keeping the joiners a script needs', () => {
    for (const hidden of ['\u200B', '\u2060', '\uFEFF', '\u00AD', '\u{E0041}', '\u{E007F}', '\u180E']) {
      expect(removeControlCharacters(`a${hidden}b`), escape(hidden)).to.equal('ab');
    }
    expect(removeControlCharacters('می\u200Cخواهم')).to.equal('می\u200Cخواهم');
    expect(removeControlCharacters('👩\u200D👩\u200D👧')).to.equal('👩\u200D👩\u200D👧');
    expect(removeControlCharacters('\u200Dword \u200C end\u200D')).to.equal('word  end');
  });
  it('turns line and paragraph separators into newlines (removed with the others on request)', () => {
    expect(removeControlCharacters('one\u2028two\u2029three')).to.equal('one\ntwo\nthree');
    expect(removeControlCharacters('one\u2028two', { keepNewlines: false })).to.equal('onetwo');
  });
});

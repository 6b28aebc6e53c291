import { expect } from '@open-wc/testing';
import { pinMatches } from '../../src/core/pin.js';

describe('pinMatches', () => {
  it('accepts only the exact PIN', () => {
    expect(pinMatches('2468', '2468')).to.equal(true);
    expect(pinMatches('2469', '2468')).to.equal(false);
    expect(pinMatches('246', '2468')).to.equal(false, 'a prefix is not the PIN');
    expect(pinMatches('24680', '2468')).to.equal(false, 'nor is a longer string starting with it');
    expect(pinMatches('', '2468')).to.equal(false);
  });
});

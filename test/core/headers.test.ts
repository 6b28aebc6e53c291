import { expect } from '@open-wc/testing';
import { headerProblem } from '../../src/core/headers.js';

describe('headers a config may set', () => {
  it('allows an API key or an Authorization header', () => {
    expect(headerProblem('X-Api-Key')).to.equal(null);
    expect(headerProblem('Authorization')).to.equal(null);
  });

  it('refuses, in any case, headers the transport owns or browsers forbid', () => {
    for (const name of ['Idempotency-Key', 'CONTENT-TYPE', 'altcha']) expect(headerProblem(name)).to.contain('set by encounter-survey itself');
    for (const name of ['Cookie', 'host', 'Origin', 'Referer', 'Content-Length', 'Sec-Fetch-Site', 'Proxy-Authorization']) {
      expect(headerProblem(name), name).to.contain('browsers do not let a page set');
    }
  });
});

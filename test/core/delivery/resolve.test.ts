import { expect } from '@open-wc/testing';
import { resolveEndpoint } from '../../../src/core/delivery/resolve.js';
import { parseSurveyConfig } from '../../../src/core/config/parse.js';
import { sampleConfig } from '../../support/survey-harness.js';

const config = parseSurveyConfig(sampleConfig());
const withEndpoint = parseSurveyConfig(sampleConfig({ endpoint: 'https://config.example.org/responses' }));

describe('resolveEndpoint', () => {
  it('prefers the attribute, resolving a relative one against the page', () => {
    expect(resolveEndpoint('/api/responses', withEndpoint, 'https://site.example.org/page/')).to.deep.equal({
      ok: true,
      url: 'https://site.example.org/api/responses',
    });
  });

  it("falls back to the config's endpoint", () => {
    expect(resolveEndpoint(null, withEndpoint, 'https://site.example.org/')).to.deep.equal({
      ok: true,
      url: 'https://config.example.org/responses',
    });
  });

  it('refuses a missing, insecure or script endpoint with a reason', () => {
    const missing = resolveEndpoint('  ', config, 'https://site.example.org/');
    expect(missing.ok).to.equal(false);
    expect(!missing.ok && missing.message).to.contain('No endpoint');
    const insecure = resolveEndpoint('http://collector.example.org/r', config, 'https://site.example.org/');
    expect(!insecure.ok && insecure.message).to.contain('https');
    const script = resolveEndpoint(' JaVaScRiPt:alert(1)', config, 'https://site.example.org/');
    expect(script.ok).to.equal(false);
    // A relative endpoint on a plain-http page that is not localhost is not allowed either.
    expect(resolveEndpoint('/r', config, 'http://site.example.org/').ok).to.equal(false);
    expect(resolveEndpoint('/r', config, 'http://localhost:5173/').ok).to.equal(true);
  });
});

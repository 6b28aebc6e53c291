import { expect } from '@open-wc/testing';
import { formProfile } from '../../../src/core/delivery/profiles/form.js';
import { jsonProfile } from '../../../src/core/delivery/profiles/json.js';
import { noCorsProfile } from '../../../src/core/delivery/profiles/no-cors.js';
import { postgrestProfile } from '../../../src/core/delivery/profiles/postgrest.js';
import { simpleProfile } from '../../../src/core/delivery/profiles/simple.js';

const context = (url: string, extra: { headers?: Record<string, string>; redirectHosts?: string[] } = {}) => ({ url, headers: extra.headers ?? {}, redirectHosts: extra.redirectHosts ?? [] });
const payload = { id: 'r-1', support: 'emotional, social', helpful: 4, note: 'a&b=c' };

describe('delivery profiles (record → request, answer → outcome)', () => {
  it('json: the id as Idempotency-Key, the page headers, JSON, redirects never followed', () => {
    const request = jsonProfile.request(payload, 'r-1', context('https://x.example.org/r', { headers: { 'X-Api-Key': 'k' } }));
    expect(request).to.deep.equal({
      headers: { 'X-Api-Key': 'k', 'Idempotency-Key': 'r-1' },
      body: { text: JSON.stringify(payload), contentType: 'application/json' },
      mode: 'cors',
      redirect: 'manual',
    });
  });

  it('simple, form and no-cors send only CORS-safelisted headers and bodies (no preflight)', () => {
    const safelisted = new Set(['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']);
    for (const profile of [simpleProfile, formProfile, noCorsProfile]) {
      const request = profile.request(payload, 'r-1', context('https://x.example.org/r'));
      expect(safelisted.has(request.body.contentType), profile.name).to.equal(true);
      expect(Object.keys(request.headers).every((name) => name === 'Accept'), profile.name).to.equal(true);
      expect(request.redirect).to.equal('follow');
    }
    expect(noCorsProfile.request(payload, 'r-1', context('https://x.example.org/r')).mode).to.equal('no-cors');
    expect(formProfile.request(payload, 'r-1', context('https://x.example.org/r')).body.text).to.equal('id=r-1&support=emotional%2C+social&helpful=4&note=a%26b%3Dc');
  });

  it('postgrest: Prefer ignore-duplicates and return=minimal, with the apikey headers, no Idempotency-Key', () => {
    const request = postgrestProfile.request(payload, 'r-1', context('https://p.supabase.co/rest/v1/t', { headers: { apikey: 'a' } }));
    expect(request.headers).to.deep.equal({ apikey: 'a', Prefer: 'resolution=ignore-duplicates,return=minimal' });
    expect(request.redirect).to.equal('manual');
  });

  it('a followed redirect is delivered on the endpoint host (any port), a listed host or Apps Script echo; elsewhere it is unverified', () => {
    const exec = context('https://script.google.com/macros/s/a/exec', { redirectHosts: ['echo.example.org'] });
    const after = (redirectedTo: string, status = 200) => ({ status, redirectedTo });
    expect(simpleProfile.outcome(after('https://script.googleusercontent.com/macros/echo?k=1'), exec)).to.equal(null);
    expect(simpleProfile.outcome(after('https://ECHO.example.org:8443/x'), exec)).to.equal(null);
    expect(simpleProfile.outcome(after('https://script.google.com:444/thanks'), exec)).to.equal(null);
    expect(simpleProfile.outcome(after('https://login.example.net/', 404), exec)).to.deep.equal({ kind: 'unverified', status: 404, redirectedTo: 'login.example.net' });
    // A form backend's thank-you page is its own; Apps Script's echo host is not built in for it.
    expect(formProfile.outcome(after('https://script.googleusercontent.com/x'), context('https://forms.example.org/f/1'))).to.deep.include({ kind: 'unverified' });
    expect(simpleProfile.outcome({ status: null, failure: 'network-error' }, exec)).to.equal(null);
  });

  it('no-cors: an opaque answer is sent, unverified; a network error is left to the standard reading (retry)', () => {
    const hook = context('https://hooks.example.org/catch/1');
    expect(noCorsProfile.outcome({ status: null, opaque: true }, hook)).to.deep.equal({ kind: 'unverified', status: null, redirectedTo: null });
    expect(noCorsProfile.outcome({ status: null, failure: 'network-error' }, hook)).to.equal(null);
    expect(noCorsProfile.outcome({ status: null, failure: 'timeout' }, hook)).to.equal(null);
  });
});

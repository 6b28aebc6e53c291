import { expect } from '@open-wc/testing';
import { checkSafeUrl, resolveFetchUrl } from '../../src/core/urls.js';

describe('checkSafeUrl', () => {
  it('allows https, and http only for localhost', () => {
    expect(checkSafeUrl(' HTTPS://Example.org/a?b=1 ')).to.deep.equal({ ok: true, url: 'https://Example.org/a?b=1' });
    for (const url of ['http://localhost:3000/x', 'http://127.0.0.1/x', 'http://[::1]:8/x']) expect(checkSafeUrl(url)).to.deep.equal({ ok: true, url });
    expect(checkSafeUrl('http://example.org')).to.deep.equal({ ok: false, message: 'Must use https:// (http:// is allowed only for localhost)' });
    expect(checkSafeUrl('http://localhost.evil.com')).to.have.property('ok', false);
  });

  it('allows tel: and mailto: only when asked', () => {
    expect(checkSafeUrl('Tel:+1-555-0100', { allowTelMailto: true })).to.deep.equal({ ok: true, url: 'tel:+1-555-0100' });
    expect(checkSafeUrl('mailto:help@example.org', { allowTelMailto: true })).to.have.property('ok', true);
    expect(checkSafeUrl('tel:911')).to.deep.equal({ ok: false, message: 'Must be an https:// link' });
  });

  it('rejects script-bearing schemes in any disguise', () => {
    const disguises = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' \tjava\nscript:alert(1)', '\u0000javascript:alert(1)', 'java\rscript:x', 'data:text/html,<script>x</script>', 'DATA:,x', 'vbscript:msgbox(1)', '\u0001 VBScript:x'];
    for (const url of disguises) {
      const result = checkSafeUrl(url, { allowTelMailto: true });
      expect(result.ok, url).to.equal(false);
      expect(!result.ok && result.message, url).to.match(/^Unsafe link: "(javascript|data|vbscript):" URLs are not allowed$/);
    }
  });

  it('rejects relative, schemeless and control-character links', () => {
    expect(checkSafeUrl('/collect')).to.deep.equal({ ok: false, message: 'Must be an https:// link' });
    expect(checkSafeUrl('ftp://x.org')).to.deep.equal({ ok: false, message: 'Must be an https:// link' });
    expect(checkSafeUrl('https://x.org/a\u0007b')).to.deep.equal({ ok: false, message: 'Must not contain control characters' });
    expect(checkSafeUrl('https://')).to.have.property('ok', false);
  });
});

describe('resolveFetchUrl', () => {
  const page = 'http://intranet.example.org/kiosk/';
  it('resolves against the page and allows its own origin even over http', () => {
    expect(resolveFetchUrl('survey.json', page)).to.deep.equal({ ok: true, url: 'http://intranet.example.org/kiosk/survey.json' });
    expect(resolveFetchUrl('https://cdn.example.org/s.json', page)).to.deep.equal({ ok: true, url: 'https://cdn.example.org/s.json' });
  });
  it("refuses anyone else's plain http, credentials and scripts", () => {
    expect(resolveFetchUrl('http://other.example.org/s.json', page)).to.have.property('ok', false);
    expect(resolveFetchUrl('https://user:pw@example.org/s.json', page)).to.deep.equal({ ok: false, message: 'Must not contain a user name or password ("user:pass@")' });
    expect(resolveFetchUrl('javascript:alert(1)', page)).to.have.property('ok', false);
  });
});

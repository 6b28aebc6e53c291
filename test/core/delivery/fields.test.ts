import { expect } from '@open-wc/testing';
import { mapFields } from '../../../src/core/delivery/fields.js';
import { surveyDelivery } from '../../../src/core/delivery/resolve.js';
import { issuesOf, parsed, sampleConfig } from '../config/fixtures.js';

const submission = {
  id: 'r-1',
  survey: { id: 'sample', version: 3 },
  submittedAt: '2026-02-28T00:00:00.000Z',
  locale: 'en',
  answers: { support: ['emotional', 'other'], 'support.other': 'a walk', score: 7 },
  tags: { site: 'north' },
};

describe('delivery.fields', () => {
  it('renames fields to the receiver columns and flattens answers and tags; null leaves a field out', () => {
    const fields = { id: 'response_id', submittedAt: 'submitted_at', 'answers.support': 'support_types', locale: null };
    expect(mapFields(submission, fields, { flatten: 'with-fields', joinArrays: false })).to.deep.equal({
      response_id: 'r-1',
      survey: 'sample',
      version: 3,
      submitted_at: '2026-02-28T00:00:00.000Z',
      support_types: ['emotional', 'other'],
      'support.other': 'a walk',
      score: 7,
      site: 'north',
    });
  });

  it('joins lists for text receivers (simple, form), and leaves the response whole without a mapping where it may', () => {
    expect(mapFields(submission, { id: 'id' }, { flatten: 'with-fields', joinArrays: true })).to.include({ support: 'emotional, other' });
    expect(mapFields(submission, null, { flatten: 'with-fields', joinArrays: true })).to.equal(submission);
    expect(mapFields(submission, null, { flatten: 'always', joinArrays: true })).to.include({ id: 'r-1', support: 'emotional, other', site: 'north' });
  });

  it('keeps a column named "__proto__" a column, and refuses two fields in one column at send time', () => {
    const mapped = mapFields(submission, { id: '__proto__' }, { flatten: 'always', joinArrays: true }) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(mapped)).to.include('__proto__');
    expect(Object.getPrototypeOf(mapped)).to.equal(Object.prototype);
    expect(() => mapFields({ ...submission, extra: 1 }, { id: 'extra' }, { flatten: 'always', joinArrays: true })).to.throw(/"extra" would overwrite column "extra"/);
  });

  it('is refused with its path where it would lose the id, collide, or name a field the survey does not have', () => {
    const issues = issuesOf(
      sampleConfig({
        tags: { site: 'north' },
        delivery: { fields: { id: null, 'answers.score': 'note', 'tags.site': 'support', 'answers.nope': 'x', 'answers.heard': '' } },
      }),
    );
    expect(issues).to.deep.include({ path: 'delivery.fields["id"]', message: 'The id cannot be left out: receivers use it to store each response once' });
    expect(issues.map((i) => i.path)).to.include.members([
      'delivery.fields["answers.nope"]',
      'delivery.fields["answers.heard"]',
      'delivery.fields["answers.support"]',
      'delivery.fields["answers.note"]',
    ]);
    expect(issues.find((i) => i.path === 'delivery.fields["answers.note"]')!.message).to.equal('Column "note" is also where "answers.score" goes; give one of them another column');
    expect(issuesOf(sampleConfig({ delivery: { fields: { id: 'response_id', 'answers.support.other': 'support_other' } } }))).to.deep.equal([]);
  });
});

describe('delivery.profile in the config', () => {
  it('refuses what a profile cannot send, with the config path', () => {
    const issues = issuesOf(sampleConfig({ delivery: { profile: 'simple', headers: { 'X-Api-Key': 'k' }, redirectHosts: ['https://echo.example.org/'] } }));
    expect(issues.map((i) => i.path)).to.deep.equal(['delivery.headers', 'delivery.redirectHosts[0]']);
    expect(issues[0]!.message).to.match(/"simple" profile sends no custom headers/);
    expect(issuesOf(sampleConfig({ delivery: { profile: 'postgrest', headers: { Prefer: 'return=representation' } } }))[0]!.path).to.equal('delivery.headers');
    expect(issuesOf(sampleConfig({ delivery: { profile: 'no-cors', proofOfWork: { challengeUrl: 'https://x.example.org/c' } } }))[0]!.path).to.equal('delivery.proofOfWork');
    expect(issuesOf(sampleConfig({ delivery: { profile: 'carrier-pigeon' } }))[0]!.path).to.equal('delivery.profile');
    const appsScript = { endpoint: 'https://script.google.com/macros/s/abc/exec' };
    expect(issuesOf(sampleConfig(appsScript))).to.deep.equal([
      { path: 'delivery.profile', message: 'An Apps Script web app answers no CORS preflight, so the default "json" profile never reaches it: use "simple" (see docs/recipes)' },
    ]);
    expect(issuesOf(sampleConfig({ ...appsScript, delivery: { profile: 'simple' } }))).to.deep.equal([]);
  });

  it('resolves one EndpointDelivery from the config and the endpoint attribute (the outbox checks and normalises its options)', () => {
    const config = parsed(
      sampleConfig({
        endpoint: 'https://script.google.com/macros/s/abc/exec',
        delivery: { profile: 'simple', redirectHosts: ['Echo.Example.org'], fields: { id: 'response_id' } },
      }),
    );
    expect(surveyDelivery(null, config, 'https://site.example.org/')).to.deep.equal({
      ok: true,
      delivery: {
        url: 'https://script.google.com/macros/s/abc/exec',
        profile: 'simple',
        headers: {},
        fields: { id: 'response_id' },
        redirectHosts: ['Echo.Example.org'],
        timeoutMs: 15000,
        proofOfWork: null,
      },
    });
    const json = surveyDelivery('/responses', parsed(sampleConfig()), 'https://site.example.org/page');
    expect(json.ok && json.delivery).to.include({ url: 'https://site.example.org/responses', profile: 'json' });
    expect(surveyDelivery(null, parsed(sampleConfig()), 'https://site.example.org/')).to.have.property('ok', false);
  });
});

describe('delivery options read before validation', () => {
  it('are refused by the outbox check with a reason, never thrown as a TypeError', async () => {
    const { checkEndpointDelivery } = await import('../../../src/core/outbox/endpoint.js');
    const odd = { profile: 'carrier-pigeon', redirectHosts: 'echo.example.org', fields: 7, headers: 'x' } as never;
    const checked = checkEndpointDelivery(odd, { timeoutMs: 15000 });
    expect(checked.ok).to.equal(false);
    expect(checkEndpointDelivery({ profile: 'simple', redirectHosts: 'echo.example.org' } as never, { timeoutMs: 15000 })).to.deep.include({ ok: false });
  });
});

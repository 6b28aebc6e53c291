import { expect } from '@open-wc/testing';
import { SurveyConfigError } from '../../../src/core/config/errors.js';
import { parseSurveyConfig, parseSurveyConfigJson, safeParseSurveyConfig } from '../../../src/core/config/parse.js';
import { issuesOf, parsed, sampleConfig, withQuestions } from './fixtures.js';

const single = (id: string, values: string[], extra: Record<string, unknown> = {}) => ({
  id,
  type: 'single',
  label: id,
  options: values.map((value) => ({ value, label: value })),
  ...extra,
});

describe('parseSurveyConfig', () => {
  it('applies defaults', () => {
    const config = parsed({ id: 's', version: '2024-1', title: 'T', questions: [{ id: 'q', type: 'text', label: 'Q' }] });
    expect(config.locales).to.deep.equal(['en']);
    expect(config.tags).to.deep.equal({});
    expect(config.timeBucket).to.equal('day');
    expect(config.delivery).to.deep.equal({ timeoutMs: 15000 });
    expect(config.kiosk).to.deep.equal({ idleSeconds: 60, warningSeconds: 20, thankYouSeconds: 8, onIdle: 'discard', passTheTablet: false });
    expect(config.privacy).to.deep.equal({ freeText: 'warn' });
    expect(config.questions[0]).to.deep.equal({ id: 'q', type: 'text', label: 'Q', required: false, multiline: false, maxLength: 500 });
  });

  it('fills support-types options from the taxonomy, by name or in full', () => {
    const config = parsed(sampleConfig());
    const support = config.questions[0]!;
    expect(support.type === 'support-types' && support.options.map((o) => o.value)).to.deep.equal([
      'emotional', 'social', 'information', 'practical', 'advocacy', 'wellness', 'crisis', 'other',
    ]);
    const picked = parsed(withQuestions([{ id: 's', type: 'support-types', label: 'S', options: ['social', { value: 'peer', label: 'Peer' }] }]));
    expect((picked.questions[0] as { options: unknown[] }).options).to.deep.equal([
      { value: 'social', label: { en: 'Social connection', es: 'Conexión social', fr: 'Lien social', ar: 'التواصل الاجتماعي' }, description: (picked.questions[0] as { options: Array<{ description: unknown }> }).options[0]!.description },
      { value: 'peer', label: 'Peer' },
    ]);
  });

  it('throws a SurveyConfigError with code config-invalid and every issue on its own line', () => {
    let caught: unknown;
    try {
      parseSurveyConfig({ id: 's', version: 1, title: '', questions: [] });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(SurveyConfigError);
    const error = caught as SurveyConfigError;
    expect(error.code).to.equal('config-invalid');
    expect(error.issues).to.deep.equal([
      { path: 'questions', message: 'Must not be empty' },
      { path: 'title', message: 'Must not be blank' },
    ]);
    expect(error.message).to.equal('Survey config has 2 problems:\n  questions: Must not be empty\n  title: Must not be blank');
  });

  it('reports structural problems in plain words', () => {
    expect(issuesOf({ id: 's', version: 1, title: 5, timeBucket: 'year', questions: [{ id: 'a', type: 'single', lable: 'A', options: [] }, { id: 'b', type: 'wat' }] })).to.deep.equal([
      { path: 'title', message: 'Expected text, or translations like {"en": "…"}' },
      { path: 'questions[0].label', message: 'Required' },
      { path: 'questions[0].options', message: 'Must not be empty' },
      { path: 'questions[0]', message: 'Unknown key "lable"' },
      { path: 'questions[1].type', message: 'Must be one of: support-types, single, multiple, rating, text' },
      { path: 'timeBucket', message: 'Must be one of: hour, day, week, month' },
    ]);
    expect(issuesOf(sampleConfig({ version: true, tags: { site: 3 } }))).to.deep.equal([
      { path: 'version', message: 'Expected text or a number' },
      { path: 'tags.site', message: 'Expected text' },
    ]);
    expect(issuesOf('nope')).to.deep.equal([{ path: '', message: 'Expected a survey config object' }]);
  });

  it('catches duplicate question ids', () => {
    expect(issuesOf(withQuestions([single('a', ['x']), single('b', ['x']), single('a', ['x'])]))).to.deep.equal([
      { path: 'questions[2].id', message: 'Duplicate question id "a" (also used by questions[0])' },
    ]);
  });

  it('catches duplicate option values and empty option lists', () => {
    expect(issuesOf(withQuestions([single('a', ['x', 'y', 'x'])]))).to.deep.equal([
      { path: 'questions[0].options[2].value', message: 'Duplicate option value "x"' },
    ]);
    expect(issuesOf(withQuestions([single('a', [])]))).to.deep.equal([{ path: 'questions[0].options', message: 'Must not be empty' }]);
  });

  it('catches min > max for choices and ratings, and impossible scales', () => {
    const multi = { id: 'm', type: 'multiple', label: 'M', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], min: 2, max: 1 };
    expect(issuesOf(withQuestions([multi]))).to.deep.equal([{ path: 'questions[0].min', message: 'min (2) is greater than max (1)' }]);
    expect(issuesOf(withQuestions([{ ...multi, min: 3, max: undefined }]))).to.deep.equal([
      { path: 'questions[0].min', message: 'min (3) is more than the number of options (2)' },
    ]);
    expect(issuesOf(withQuestions([{ id: 'r', type: 'rating', label: 'R', min: 5, max: 1 }]))).to.deep.equal([
      { path: 'questions[0].min', message: 'min (5) is greater than max (1)' },
    ]);
    expect(issuesOf(withQuestions([{ id: 'r', type: 'rating', label: 'R', min: 0, max: 11, pointLabels: { '12': 'x' } }]))).to.deep.equal([
      { path: 'questions[0].max', message: 'A scale can have at most 11 points (max − min ≤ 10)' },
      { path: 'questions[0].pointLabels["12"]', message: 'Not a point on the scale (0 to 11)' },
    ]);
  });

  it('caps text maxLength at 2000', () => {
    expect(issuesOf(withQuestions([{ id: 't', type: 'text', label: 'T', maxLength: 2001 }]))).to.deep.equal([
      { path: 'questions[0].maxLength', message: 'Must be at most 2000' },
    ]);
  });

  it('requires showIf to name an earlier question, with one operator and a real option', () => {
    const issues = issuesOf(
      withQuestions([
        single('a', ['yes', 'no'], { showIf: { question: 'a', equals: 'yes' } }),
        single('b', ['x'], { showIf: { question: 'c', equals: 'x' } }),
        single('c', ['x'], { showIf: { question: 'nope', answered: true } }),
        single('d', ['x'], { showIf: { question: 'a', equals: 'maybe' } }),
        single('e', ['x'], { showIf: { question: 'a', in: ['yes'], answered: true } }),
        { id: 'r', type: 'rating', label: 'R' },
        single('f', ['x'], { showIf: { question: 'r', in: [4, 9] } }),
      ]),
    );
    expect(issues).to.deep.equal([
      { path: 'questions[0].showIf.question', message: 'A question cannot depend on itself' },
      { path: 'questions[1].showIf.question', message: 'Must refer to an earlier question ("c" comes later)' },
      { path: 'questions[2].showIf.question', message: 'Unknown question "nope"' },
      { path: 'questions[3].showIf.equals', message: '"maybe" is not an option of question "a"' },
      { path: 'questions[4].showIf', message: 'Use exactly one of: equals, in, notIn, answered' },
      { path: 'questions[6].showIf.in[1]', message: 'Not a point on the scale of question "r" (1 to 5)' },
    ]);
  });

  it('checks locales and per-locale text', () => {
    expect(issuesOf(sampleConfig({ locales: ['en', 'en', 'not a tag'], title: { en: 'T', de: 'X' }, intro: { es: 'Hola' } }))).to.deep.equal([
      { path: 'locales[1]', message: 'Duplicate locale "en"' },
      { path: 'locales[2]', message: '"not a tag" is not a valid language tag (for example "en" or "es-MX")' },
      { path: 'title.de', message: 'Unknown locale "de" (add it to locales or remove this translation)' },
      { path: 'intro.es', message: 'Unknown locale "es" (add it to locales or remove this translation)' },
      { path: 'intro', message: 'Missing text for the default locale "en"' },
    ]);
    expect(issuesOf(withQuestions([single('a', ['x'], { label: { en: ' ', 'es-MX': 'A' } })], { locales: ['en', 'es-MX'] }))).to.deep.equal([
      { path: 'questions[0].label', message: 'Missing text for the default locale "en"' },
    ]);
  });

  it('requires https endpoints (localhost may use http) and safe links everywhere', () => {
    expect(issuesOf(sampleConfig({ endpoint: 'http://example.org/collect' }))).to.deep.equal([
      { path: 'endpoint', message: 'Must use https:// (http:// is allowed only for localhost)' },
    ]);
    expect(parsed(sampleConfig({ endpoint: 'http://127.0.0.1:8080/c' })).endpoint).to.equal('http://127.0.0.1:8080/c');
    expect(parsed(sampleConfig({ endpoint: '  HTTPS://example.org/c ' })).endpoint).to.equal('https://example.org/c');
    const issues = issuesOf(
      sampleConfig({
        privacyUrl: ' \tJaVa\nScRiPt:alert(1)',
        safety: {
          helplines: [{ name: 'Line', url: 'data:text/html,<script>alert(1)</script>' }, { name: 'Call', url: 'TEL:+15550100' }, { name: 'None' }],
          quickExit: { url: 'vbscript:msgbox(1)' },
        },
      }),
    );
    expect(issues).to.deep.equal([
      { path: 'privacyUrl', message: 'Unsafe link: "javascript:" URLs are not allowed' },
      { path: 'safety.helplines[0].url', message: 'Unsafe link: "data:" URLs are not allowed' },
      { path: 'safety.quickExit.url', message: 'Unsafe link: "vbscript:" URLs are not allowed' },
      { path: 'safety.helplines[2]', message: 'Needs a phone number or a url' },
    ]);
  });

  it('checks kiosk and delivery options', () => {
    expect(issuesOf(sampleConfig({ kiosk: { idleSeconds: 20, warningSeconds: 15, staffPin: '12a4' }, delivery: { timeoutMs: 10 } }))).to.deep.equal([
      { path: 'delivery.timeoutMs', message: 'Must be at least 1000' },
      { path: 'kiosk.idleSeconds', message: 'Must be at least 30' },
      { path: 'kiosk.warningSeconds', message: 'Must be at least 20' },
      { path: 'kiosk.staffPin', message: 'Must be 4 to 12 digits' },
    ]);
    expect(issuesOf(sampleConfig({ kiosk: { idleSeconds: 40, warningSeconds: 45 } }))).to.deep.equal([
      { path: 'kiosk.warningSeconds', message: 'Must be less than idleSeconds (40)' },
    ]);
  });

  it('checks privacy.freeText: warn, redact or off', () => {
    expect(parsed(sampleConfig({ privacy: { freeText: 'redact' } })).privacy).to.deep.equal({ freeText: 'redact' });
    expect(parsed(sampleConfig({ privacy: {} })).privacy).to.deep.equal({ freeText: 'warn' });
    expect(issuesOf(sampleConfig({ privacy: { freeText: 'hide' } }))).to.deep.equal([
      { path: 'privacy.freeText', message: 'Must be one of: warn, redact, off' },
    ]);
    expect(issuesOf(sampleConfig({ privacy: { freetext: 'off' } }))).to.deep.equal([{ path: 'privacy', message: 'Unknown key "freetext"' }]);
  });

  it('lists every problem in one round, also those in the parts that are well formed', () => {
    const issues = issuesOf(
      withQuestions([
        single('a', []),
        single('b', ['x']),
        single('b', ['x']),
        { id: 'm', type: 'multiple', label: 'M', options: [{ value: 'x', label: 'X' }], min: 2, max: 1 },
        single('c', ['x'], { showIf: { question: 'nope', equals: 'x' } }),
        single('d', ['x'], { showIf: { question: 'a', equals: 'x' } }),
      ]),
    );
    expect(issues).to.deep.equal([
      { path: 'questions[0].options', message: 'Must not be empty' },
      { path: 'questions[2].id', message: 'Duplicate question id "b" (also used by questions[1])' },
      { path: 'questions[3].min', message: 'min (2) is greater than max (1)' },
      { path: 'questions[3].min', message: 'min (2) is more than the number of options (1)' },
      { path: 'questions[4].showIf.question', message: 'Unknown question "nope"' },
    ]);
  });

  it('refuses configs that validate but could never deliver', () => {
    expect(issuesOf(sampleConfig({ endpoint: 'https://user:secret@example.org/responses' }))).to.deep.equal([
      { path: 'endpoint', message: 'Must not contain a user name or password ("user:pass@")' },
    ]);
    const headers = { 'X-Api-Key': 'fine', 'IDEMPOTENCY-KEY': 'mine', 'content-type': 'text/plain', Cookie: 'a=b', 'Sec-Fetch-Mode': 'x' };
    expect(issuesOf(sampleConfig({ delivery: { headers } }))).to.deep.equal([
      { path: 'delivery.headers["IDEMPOTENCY-KEY"]', message: '"IDEMPOTENCY-KEY" is set by encounter-survey itself and cannot be configured' },
      { path: 'delivery.headers["content-type"]', message: '"content-type" is set by encounter-survey itself and cannot be configured' },
      { path: 'delivery.headers["Cookie"]', message: '"Cookie" is a header browsers do not let a page set' },
      { path: 'delivery.headers["Sec-Fetch-Mode"]', message: '"Sec-Fetch-Mode" is a header browsers do not let a page set' },
    ]);
    expect(issuesOf(sampleConfig({ delivery: { proofOfWork: { challengeUrl: 'http://example.org/challenge' } } }))).to.deep.equal([
      { path: 'delivery.proofOfWork.challengeUrl', message: 'Must use https:// (http:// is allowed only for localhost)' },
    ]);
    expect(parsed(sampleConfig({ delivery: { proofOfWork: { challengeUrl: ' https://example.org/challenge' } } })).delivery.proofOfWork).to.deep.equal({
      challengeUrl: 'https://example.org/challenge',
    });
  });

  it('checks pages: known ids, once each, in question order, none left out', () => {
    const questions = [single('a', ['x']), single('b', ['x']), single('c', ['x'])];
    expect(parsed(withQuestions(questions, { pages: [{ questions: ['a', 'b'] }, { questions: ['c'] }] })).pages).to.have.length(2);
    expect(issuesOf(withQuestions(questions, { pages: [{ questions: ['b', 'a', 'zz'] }, { questions: ['b'] }] }))).to.deep.equal([
      { path: 'pages[0].questions[1]', message: 'Must follow the order of questions ("a" comes before the question listed ahead of it)' },
      { path: 'pages[0].questions[2]', message: 'Unknown question "zz"' },
      { path: 'pages[1].questions[0]', message: 'Question "b" is already on pages[0]' },
      { path: 'pages', message: 'Question "c" is not on any page' },
    ]);
  });

  it('rejects unknown support types and allowOther without an "other" option', () => {
    expect(issuesOf(withQuestions([{ id: 's', type: 'support-types', label: 'S', options: ['emotional', 'hugs'], allowOther: true }]))).to.deep.equal([
      {
        path: 'questions[0].options[1]',
        message: 'Unknown support type "hugs" (use one of: emotional, social, information, practical, advocacy, wellness, crisis, other, or an option object)',
      },
      { path: 'questions[0].allowOther', message: 'allowOther needs an option with value "other"' },
    ]);
  });

  it('does not pollute prototypes', () => {
    const text = '{"__proto__":{"polluted":1},"id":"s","version":1,"title":"T","tags":{"constructor":"x"},"questions":[{"id":"q","type":"text","label":{"en":"Q","__proto__":{"polluted":2}}}]}';
    const result = safeParseSurveyConfig(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(result.success).to.equal(false);
    expect(!result.success && result.error.issues).to.deep.equal([
      { path: '', message: 'Unknown key "__proto__"' },
    ]);
    // zod skips a "__proto__" key inside records; other keys stay plain own properties.
    const again = parsed(JSON.parse(text.replace('"__proto__":{"polluted":1},', '')));
    expect(again.questions[0]!.label).to.deep.equal({ en: 'Q' });
    expect(Object.getPrototypeOf(again.questions[0]!.label)).to.equal(Object.prototype);
    expect(Object.keys(again.tags)).to.deep.equal(['constructor']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype).not.to.have.property('polluted');
  });

  it('never throws anything but a SurveyConfigError', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); } });
    const result = safeParseSurveyConfig(hostile);
    expect(result.success).to.equal(false);
    expect(!result.success && result.error).to.be.instanceOf(SurveyConfigError);
  });

  // Speed is measured by `npm run bench`, not asserted here; this proves a config that size is accepted whole.
  it('parses 200 questions × 50 options', () => {
    const options = Array.from({ length: 50 }, (_, j) => ({ value: `o${j}`, label: `Option ${j}` }));
    const questions = Array.from({ length: 200 }, (_, i) => ({ id: `q${i}`, type: 'multiple', label: `Q${i}`, options, showIf: i ? { question: `q${i - 1}`, in: ['o1', 'o49'] } : undefined }));
    const config = parsed(withQuestions(questions));
    expect(config.questions).to.have.length(200);
    expect(config.questions[199]!.showIf).to.deep.equal({ question: 'q198', in: ['o1', 'o49'] });
  });
});

describe('parseSurveyConfigJson', () => {
  const failure = (text: string, source: string) => {
    try {
      parseSurveyConfigJson(text, source);
    } catch (error) {
      return error as SurveyConfigError;
    }
    throw new Error('expected a SurveyConfigError');
  };

  it('names the source when the text is HTML, empty or broken JSON', () => {
    const html = failure('<!doctype html><title>404</title>', 'https://x/survey.json');
    expect(html).to.be.instanceOf(SurveyConfigError);
    expect(html.message).to.equal(
      'Config from "https://x/survey.json" is not JSON: it looks like an HTML page (check the address, and that the server returns the file, not an error page)',
    );
    expect(html.issues).to.have.length(1);
    expect(html.issues[0]!.path).to.equal('');
    expect(failure('  ', 'inline').message).to.equal('Config from "inline" is not JSON: it is empty');
    expect(failure('{"id": ', 'inline').message).to.match(/^Config from "inline" is not JSON: \S/);
  });

  it('names the source for invalid configs and parses valid ones', () => {
    expect(failure('{"id":"s"}', 'survey.json').message).to.match(/^Config from "survey.json" has \d+ problems:\n {2}version: Required/);
    expect(parseSurveyConfigJson(JSON.stringify(sampleConfig()), 'survey.json').id).to.equal('sample');
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SurveySummary as SurveySummaryData } from '../../../src/core/summary.js';
import type { SurveySummary } from '../../../src/components/survey-summary/survey-summary.js';
import '../../../src/components/survey-summary/survey-summary.define.js';

const fixtureUrl = new URL('./fixtures/summary.json', import.meta.url).href;

const data: SurveySummaryData = {
  survey: 'after-call',
  total: 30,
  totalDisplay: '30',
  k: 11,
  questions: [
    {
      id: 'types',
      kind: 'multi',
      answered: 30,
      answeredDisplay: '30',
      counts: [
        { value: 'emotional', count: 24, display: '24', percent: 80 },
        { value: 'information', count: 12, display: '12', percent: 40 },
        { value: 'crisis', count: null, display: '<11', percent: null },
      ],
    },
  ],
};

const root = (el: SurveySummary) => el.shadowRoot!;
const rows = (el: SurveySummary) => [...root(el).querySelectorAll('[part="row"]')];
const tableRows = (el: SurveySummary) =>
  [...root(el).querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));

describe('<survey-summary>', () => {
  it('is accessible and draws a bar per support type from the summary property', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    await expect(el).to.be.accessible();
    expect(rows(el)).to.have.length(3);
    const chart = root(el).querySelector('[part="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.contain('Emotional support: 24 (80%)').and.contain('Crisis support: fewer than 11');
    const fills = [...root(el).querySelectorAll('rect.fill')];
    expect(fills.map((rect) => rect.getAttribute('width'))).to.deep.equal(['80%', '40%']);
  });

  it('shows suppressed cells as "<11" with no bar and no share', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    const crisis = rows(el)[2]!;
    expect(crisis.querySelector('[part="value"]')!.textContent!.trim()).to.equal('<11');
    expect(crisis.querySelector('rect.fill')).to.equal(null);
    expect(tableRows(el)[2]).to.deep.equal(['Crisis support', '<11fewer than 11', '']);
    expect(root(el).querySelector('[part="note"]')!.textContent).to.contain('under 11');
  });

  it('has a real data table with the same figures and the totals', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    expect(tableRows(el).slice(0, 2)).to.deep.equal([
      ['Emotional support', '24', '80%'],
      ['Information & resources', '12', '40%'],
    ]);
    expect(root(el).querySelector('tfoot')!.textContent).to.contain('30');
    expect(root(el).querySelector('[part="totals"]')!.textContent).to.contain('Responses: 30');
  });

  it('the toggle shows the table and says so', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    const table = root(el).querySelector('#table')!;
    const toggle = root(el).querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(table.contains(root(el).querySelector('table'))).to.equal(true);
    expect(table.classList.contains('visually-hidden')).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(table.classList.contains('visually-hidden')).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('uses labels given by the page over the taxonomy, and ignores inherited keys', async () => {
    const labels = { emotional: 'Feeling supported', information: 'Information' };
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data} .labels=${labels}></survey-summary>`);
    expect(rows(el).map((row) => row.querySelector('[part="label"]')!.textContent)).to.deep.equal([
      'Feeling supported',
      'Information',
      'Crisis support',
    ]);
    const odd = { ...data, questions: [{ ...data.questions[0]!, counts: [{ value: 'constructor', count: 12, display: '12', percent: 40 }] }] };
    el.summary = odd;
    await el.updateComplete;
    expect(rows(el)[0]!.querySelector('[part="label"]')!.textContent).to.equal('constructor');
  });

  it('labels support types from the taxonomy in the page language', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary lang="es" .summary=${data}></survey-summary>`);
    await waitUntil(() => rows(el).length > 0, 'Spanish strings to load');
    expect(rows(el)[0]!.querySelector('[part="label"]')!.textContent).to.equal('Apoyo emocional');
  });

  it('renders values as inert text', async () => {
    const hostile = { ...data, questions: [{ ...data.questions[0]!, counts: [{ value: '<img src=x onerror="window.pwned=1">', count: 12, display: '12', percent: 40 }] }] };
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${hostile}></survey-summary>`);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('loads from src (first multi-select question by default), without cookies', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary src=${fixtureUrl}></survey-summary>`);
    await waitUntil(() => rows(el).length > 0, 'summary never rendered');
    expect(el.summary!.survey).to.equal('peer-support-encounter');
    expect(rows(el).map((row) => row.querySelector('[part="label"]')!.textContent)).to.deep.equal([
      'Emotional support',
      'Information & resources',
      'Crisis support',
    ]);
    expect(root(el).querySelector('[part="totals"]')!.textContent).to.contain('42');
    await expect(el).to.be.accessible();
  });

  it('charts the question named by `question`; complementary-suppressed cells show "<11"', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary src=${fixtureUrl} question="helped"></survey-summary>`);
    await waitUntil(() => rows(el).length > 0, 'summary never rendered');
    expect(rows(el).map((row) => row.querySelector('[part="value"]')!.textContent!.trim())).to.deep.equal(['29 (72.5%)', '<11', '<11']);
  });

  it('shows a loading state, then an error for a missing or malformed summary', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary src="./no-such-summary.json"></survey-summary>`);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain('Loading');
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();

    const blob = URL.createObjectURL(new Blob(['{"not":"a summary"}'], { type: 'application/json' }));
    el.src = blob;
    await waitUntil(() => root(el).querySelector('[role="alert"]') && el.summary === null, 'malformed JSON accepted');
    URL.revokeObjectURL(blob);
  });

  it('refuses javascript: and data: sources', async () => {
    for (const src of ['javascript:alert(1)', 'data:application/json,{}']) {
      const el = await fixture<SurveySummary>(html`<survey-summary src=${src}></survey-summary>`);
      await el.updateComplete;
      expect(root(el).querySelector('[role="alert"]'), src).to.exist;
    }
  });

  it('follows the closest lang: Arabic is right-to-left with Arabic strings', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar"><survey-summary .summary=${data}></survey-summary></div>`);
    const el = wrapper.querySelector('survey-summary')!;
    await waitUntil(() => root(el).querySelector('.summary') !== null, 'Arabic strings to load');
    expect(root(el).querySelector('.summary')!.getAttribute('dir')).to.equal('rtl');
    expect(root(el).querySelector('[part="caption"]')!.textContent).to.equal('أنواع الدعم المُقدَّم');
    // Bars grow from the right.
    const fill = root(el).querySelector('rect.fill')!;
    expect(fill.getAttribute('x')).to.equal('20%');
    await expect(el).to.be.accessible();
  });

  it('a lang attribute picks the strings (Spanish)', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary lang="es" .summary=${data}></survey-summary>`);
    await waitUntil(() => root(el).querySelector('[part="caption"]') !== null, 'Spanish strings to load');
    expect(root(el).querySelector('[part="caption"]')!.textContent).to.equal('Tipos de apoyo recibidos');
    expect(root(el).querySelector('[part="toggle"]')!.textContent!.trim()).to.equal('Ver como tabla');
  });

  it('a suppressed total shows "<11"', async () => {
    const small = { ...data, total: null, totalDisplay: '<11', questions: [] };
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${small}></survey-summary>`);
    expect(root(el).querySelector('[part="totals"]')!.textContent).to.contain('<11');
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain('No answers yet');
    await expect(el).to.be.accessible();
  });

  it('registration tolerates a second define module load', async () => {
    // @ts-expect-error -- query string makes the browser evaluate the module again
    await import('../../../src/components/survey-summary/survey-summary.define.js?again');
    expect(customElements.get('survey-summary')).to.exist;
  });
});

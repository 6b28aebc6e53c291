import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SurveySummary as SurveySummaryData } from '../../../src/core/summary/types.js';
import type { SurveySummary } from '../../../src/components/survey-summary/survey-summary.js';
import '../../../src/components/survey-summary/survey-summary.define.js';

const fixtureUrl = new URL('./fixtures/summary.json', import.meta.url).href;
const data = (await (await fetch(fixtureUrl)).json()) as SurveySummaryData;

const root = (el: SurveySummary) => el.shadowRoot!;
const figures = (el: SurveySummary) => [...root(el).querySelectorAll('figure')];
const figure = (el: SurveySummary, caption: string) => figures(el).find((f) => f.querySelector('figcaption')!.textContent === caption)!;
const values = (scope: Element) => [...scope.querySelectorAll('[part="value"]')].map((value) => value.textContent!.trim());
const labels = (scope: Element) => [...scope.querySelectorAll('[part="label"]')].map((label) => label.textContent!.trim());
const tableRows = (scope: Element) => [...scope.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));
const ready = (el: SurveySummary) => waitUntil(() => figures(el).length > 0, 'summary never rendered');

describe('<survey-summary>', () => {
  it('is accessible and charts the series and every question, with the config\'s labels', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    await expect(el).to.be.accessible();
    expect(figures(el).map((f) => f.querySelector('figcaption')!.textContent)).to.deep.equal([
      'Responses per month',
      'What did you receive?',
      'Did you feel heard?',
      'How helpful was it?',
    ]);
    expect(root(el).querySelector('[part="title"]')!.textContent).to.equal('After your conversation');
    expect(labels(figure(el, 'Did you feel heard?'))).to.deep.equal(['Yes', 'Somewhat', 'No']);
    expect(labels(figure(el, 'What did you receive?'))[0]).to.equal('Emotional support');
  });

  it('multiple choice: every option, suppressed ones as "<11" with no bar and no share, spoken as "fewer than 11"', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    const support = figure(el, 'What did you receive?');
    expect(values(support)).to.deep.equal(['95 (79%)', '<11', '50 (42%)', '<11']);
    expect([...support.querySelectorAll('rect.fill')].map((rect) => rect.getAttribute('width'))).to.deep.equal(['79%', '42%']);
    expect(support.querySelector('[part="chart"]')!.getAttribute('aria-label')).to.contain('Emotional support: 95 (79%)').and.contain('Social connection: fewer than 11');
    expect(tableRows(support)[1]).to.deep.equal(['Social connection', '<11fewer than 11', '']);
  });

  it('rating: the distribution, the median and the ends of the scale', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    const helpful = figure(el, 'How helpful was it?');
    expect(labels(helpful)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(values(helpful)).to.deep.equal(['<11', '<11', '20 (17%)', '50 (42%)', '50 (42%)']);
    const totals = helpful.querySelector('[part="totals"]')!.textContent!;
    expect(totals).to.contain('Median: 4').and.contain('1 = Not helpful').and.contain('5 = Very helpful');
  });

  it('the series: one column per closed month, with a table', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    const series = figure(el, 'Responses per month');
    expect(tableRows(series)).to.deep.equal([['September 2026', '60'], ['October 2026', '60']]);
    expect(series.querySelectorAll('rect.fill')).to.have.length(2);
    expect(root(el).querySelector('[part="totals"]')!.textContent).to.contain('Responses: 120').and.contain('Covers Sep 1, 2026 – Oct 31, 2026');
  });

  it('says how figures are protected, and that the open period is not broken down', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    expect(root(el).querySelector('[part="note"]')!.textContent).to.contain('under 11').and.contain('multiple of 5');
    expect(root(el).querySelector('[part="totals"]')!.textContent).to.contain('This month so far: fewer than 11 responses');
  });

  it('the toggle shows every table and says so, by keyboard too', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part="toggle"]')!;
    const wraps = [...root(el).querySelectorAll('.table-wrap')];
    expect(wraps.every((wrap) => wrap.classList.contains('visually-hidden'))).to.equal(true);
    expect(toggle.getAttribute('aria-controls')!.split(' ')).to.have.length(4);
    toggle.focus();
    toggle.click();
    await el.updateComplete;
    expect(wraps.every((wrap) => !wrap.classList.contains('visually-hidden'))).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('`question` charts one question alone; `caption` names it; `labels` override the config\'s', async () => {
    const el = await fixture<SurveySummary>(
      html`<survey-summary .summary=${data} question="heard" caption="Felt heard" .labels=${{ yes: 'Yes, fully', constructor: 'x' }}></survey-summary>`,
    );
    expect(figures(el)).to.have.length(1);
    expect(figures(el)[0]!.querySelector('figcaption')!.textContent).to.equal('Felt heard');
    expect(labels(figures(el)[0]!)).to.deep.equal(['Yes, fully', 'Somewhat', 'No']);
    await expect(el).to.be.accessible();
  });

  it('loads from src, without cookies; Spanish labels come from the config', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary lang="es" src=${fixtureUrl}></survey-summary>`);
    await ready(el);
    expect(root(el).querySelector('[part="title"]')!.textContent).to.equal('Después de su conversación');
    expect(labels(figure(el, '¿Se sintió escuchado/a?'))).to.deep.equal(['Sí', 'Algo', 'No']);
    expect(labels(figure(el, '¿Qué recibió?'))[0]).to.equal('Apoyo emocional');
    expect(tableRows(figure(el, 'Respuestas por mes'))[0]![0]).to.equal('septiembre de 2026');
  });

  it('renders values and labels as inert text', async () => {
    const hostile = structuredClone(data);
    hostile.questions[1]!.cells[0]!.label = '<img src=x onerror="window.pwned=1">';
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${hostile}></survey-summary>`);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('shows a loading state, then an error for a missing or malformed summary (an old format too)', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary src="./no-such-summary.json"></survey-summary>`);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain('Loading');
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    const old = { survey: 's', total: 30, totalDisplay: '30', k: 11, questions: [] };
    const blob = URL.createObjectURL(new Blob([JSON.stringify(old)], { type: 'application/json' }));
    el.src = blob;
    await waitUntil(() => root(el).querySelector('[role="alert"]') && el.summary === null, 'old format accepted');
    URL.revokeObjectURL(blob);
  });

  it('refuses javascript: and data: sources', async () => {
    for (const src of ['javascript:alert(1)', 'data:application/json,{}']) {
      const el = await fixture<SurveySummary>(html`<survey-summary src=${src}></survey-summary>`);
      await el.updateComplete;
      expect(root(el).querySelector('[role="alert"]'), src).to.exist;
    }
  });

  it('follows the closest lang: Arabic is right-to-left, bars grow from the right', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar"><survey-summary .summary=${data}></survey-summary></div>`);
    const el = wrapper.querySelector('survey-summary')!;
    await waitUntil(() => figures(el).length > 0, 'Arabic strings to load');
    expect(root(el).querySelector('.summary')!.getAttribute('dir')).to.equal('rtl');
    expect(figures(el)[0]!.querySelector('figcaption')!.textContent).to.equal('الردود في كل شهر');
    const fill = figure(el, 'What did you receive?').querySelector('rect.fill')!;
    expect(fill.getAttribute('x')).to.equal('21%');
    await expect(el).to.be.accessible();
  });

  it('before any period has closed, says so instead of charting', async () => {
    const none = { ...data, range: null, series: [], total: { count: null, display: '<11' } };
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${none}></survey-summary>`);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.equal('No whole month has ended yet.');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px (a small phone) without anything sticking out sideways, tables shown', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 320px"><survey-summary .summary=${data} show-table></survey-summary></div>`);
    const el = wrapper.querySelector('survey-summary')!;
    const inner = root(el).querySelector<HTMLElement>('.summary')!;
    expect(inner.scrollWidth).to.be.at.most(320);
    for (const table of root(el).querySelectorAll('table')) expect(table.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('registration tolerates a second define module load', async () => {
    // @ts-expect-error -- query string makes the browser evaluate the module again
    await import('../../../src/components/survey-summary/survey-summary.define.js?again');
    expect(customElements.get('survey-summary')).to.exist;
  });
});

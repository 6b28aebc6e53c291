// The dashboard's looks, its sign-in field and its printed monthly report (src/dashboard/templates.ts,
// survey-dashboard.styles.ts, and the series chart of <survey-summary> it draws), against the scripted
// staff API (./staff-api-fixture.mjs). Print styles are checked in Chromium, the one engine whose
// driver can emulate print media.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { SurveyDashboard } from '../../src/dashboard/survey-dashboard.js';
import type { SurveySummary } from '../../src/components/survey-summary/survey-summary.js';
import type { SurveySummary as SummaryData } from '../../src/core/summary/types.js';
import '../../src/dashboard/survey-dashboard.define.js';
import '../../src/components/survey-summary/survey-summary.define.js';

const TOKEN = 'dashboard-fixture-token-0123456789';
const isChromium = /Chrome/.test(navigator.userAgent);
const root = (el: SurveyDashboard) => el.shadowRoot!;
const base = (prefix = 'b') => `/__staff/${prefix}${crypto.randomUUID().replaceAll('-', '')}/`;

async function signedOut(prefix?: string): Promise<SurveyDashboard> {
  const el = await fixture<SurveyDashboard>(html`<survey-dashboard lang="en" collector=${base(prefix)}></survey-dashboard>`);
  await waitUntil(() => root(el).querySelector('#token'), 'sign-in form never shown');
  return el;
}

async function signIn(el: SurveyDashboard, token = TOKEN) {
  root(el).querySelector<HTMLInputElement>('#token')!.value = token;
  root(el).querySelector<HTMLButtonElement>('.sign-in button')!.click();
}

async function report(prefix?: string): Promise<SurveyDashboard> {
  const el = await signedOut(prefix);
  await signIn(el);
  await waitUntil(() => root(el).querySelector('.report-form button'), 'not signed in');
  root(el).querySelector<HTMLButtonElement>('.report-form button')!.click();
  await waitUntil(() => root(el).querySelector('.report .page survey-summary')?.shadowRoot?.querySelector('figure'), 'no report');
  return el;
}

const summaries = (el: SurveyDashboard) => [...root(el).querySelectorAll<SurveySummary>('.report survey-summary')];
const px = (element: Element) => parseFloat(getComputedStyle(element).fontSize);

describe('dashboard looks and report', () => {
  it('uses a sans-serif font stack, not the browser default serif', async () => {
    const el = await signedOut();
    const font = getComputedStyle(root(el).querySelector('.dashboard')!).fontFamily;
    expect(font).to.match(/sans-serif/);
    expect(font).not.to.match(/^"?(serif|Times)/i);
  });

  it('spaces the summary: a chart does not sit on the totals line above it', async () => {
    const el = await signedOut();
    await signIn(el);
    await waitUntil(() => root(el).querySelector('survey-summary')?.shadowRoot?.querySelector('figure'), 'summary never shown');
    const summary = root(el).querySelector('survey-summary')!.shadowRoot!;
    const totals = summary.querySelector('.summary > [part="totals"]')!.getBoundingClientRect();
    const chart = summary.querySelector('figure')!.getBoundingClientRect();
    expect(chart.top - totals.bottom).to.be.at.least(12);
  });

  it('a wrong token marks the field invalid and points it at the error', async () => {
    const el = await signedOut();
    const input = root(el).querySelector<HTMLInputElement>('#token')!;
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
    await signIn(el, 'not-the-token');
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'the field is not marked invalid');
    const described = input.getAttribute('aria-describedby')!.split(/\s+/).map((id) => root(el).getElementById(id)?.textContent?.trim());
    expect(described).to.include('That is not the staff token.');
    await expect(el).to.be.accessible();
    await signIn(el);
    await waitUntil(() => root(el).querySelector('.filters'), 'not signed in');
  });

  it('the series chart shows every period’s value and draws no empty tracks', async () => {
    const data = (await (await fetch('/test/dashboard/fixtures/all.json')).json()) as SummaryData;
    const suppressed = { count: null, display: '<11' };
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
    data.series = [
      ...months.map((month, i) => ({ start: `${month}-01`, end: `${months[i + 1] ?? '2026-08'}-01`, ...suppressed })),
      ...data.series,
    ];
    const summary = await fixture<SurveySummary>(html`<survey-summary lang="en" .summary=${data}></survey-summary>`);
    const series = summary.shadowRoot!.querySelector('[part~="series"]')!;
    expect([...series.querySelectorAll('[part="value"]')].map((value) => value.textContent!.trim())).to.deep.equal([
      ...months.map(() => '<11'),
      '100',
      '100',
      '100',
    ]);
    expect(series.querySelectorAll('.track').length, 'grey tracks').to.equal(0);
    await expect(summary).to.be.accessible();
  });

  it('a closed month’s report says nothing about a month “so far”', async () => {
    const el = await report();
    for (const summary of summaries(el)) expect(summary.shadowRoot!.textContent).not.to.match(/so far/i);
  });

  it('the month caption is not larger than the survey’s heading', async () => {
    const el = await report();
    const heading = root(el).querySelector('.report .page h2')!;
    const caption = summaries(el)[0]!.shadowRoot!.querySelector('[part="title"]');
    if (caption) expect(px(caption)).to.be.at.most(px(heading));
    for (const figure of summaries(el)[0]!.shadowRoot!.querySelectorAll('figcaption')) expect(px(figure)).to.be.at.most(px(heading));
  });

  it('two surveys with the same title are told apart by their id, in the report and the survey list', async () => {
    const el = await report('twins');
    expect([...root(el).querySelectorAll('.report .page h2')].map((h) => h.textContent!.trim())).to.deep.equal([
      'Drop-in visits (drop-in)',
      'Drop-in visits (drop-in-east)',
    ]);
    root(el).querySelectorAll<HTMLButtonElement>('.report .controls button')[1]!.click();
    await waitUntil(() => root(el).querySelector('.filters'), 'not back');
    expect([...root(el).querySelectorAll('select[name="survey"] option')].map((option) => option.textContent!.trim())).to.deep.equal([
      'Drop-in visits (drop-in)',
      'Drop-in visits (drop-in-east)',
    ]);
  });

  describe('printed (A4)', () => {
    before(function () {
      if (!isChromium) this.skip(); // only Playwright can emulate print media
    });
    afterEach(async () => {
      if (isChromium) await emulateMedia({ media: 'screen' });
    });

    it('keeps each chart on one page, lets small surveys share a page, and keeps headings with what follows', async () => {
      const el = await report('twins');
      await emulateMedia({ media: 'print' });
      const pages = [...root(el).querySelectorAll('.report .page')];
      expect(pages).to.have.length(2);
      for (const page of pages) expect(getComputedStyle(page).breakAfter, 'a page of its own').not.to.equal('page');
      for (const heading of root(el).querySelectorAll('.report h2')) expect(getComputedStyle(heading).breakAfter).to.equal('avoid');
      for (const summary of summaries(el)) {
        for (const figure of summary.shadowRoot!.querySelectorAll('figure')) expect(getComputedStyle(figure).breakInside).to.equal('avoid');
      }
      const heading = root(el).querySelector('.report .page h2')!;
      const caption = summaries(el)[0]!.shadowRoot!.querySelector('[part="title"]');
      if (caption) expect(px(caption)).to.be.at.most(px(heading));
    });
  });
});

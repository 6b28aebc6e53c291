// <survey-dashboard> in Chromium, Firefox and WebKit, over real HTTP and real cookies against the
// scripted staff API (./staff-api-fixture.mjs): sign-in, filters, a suppressed cell, the report's
// headline sentences, sign-out; keyboard, axe, 320 px, and every built-in language.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SurveyDashboard } from '../../src/dashboard/survey-dashboard.js';
import type { SurveySummary } from '../../src/components/survey-summary/survey-summary.js';
import '../../src/dashboard/survey-dashboard.define.js';

// No letter twice in a row: WebKit's WebDriver types "ff" as "f".
const TOKEN = 'dashboard-fixture-token-0123456789';
const base = () => `/__staff/b${crypto.randomUUID().replaceAll('-', '')}/`;
const root = (el: SurveyDashboard) => el.shadowRoot!;
const summaryOf = (el: SurveyDashboard) => root(el).querySelector<SurveySummary>('survey-summary');
const status = (el: SurveyDashboard) => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

async function signedOut(lang = 'en'): Promise<SurveyDashboard> {
  const el = await fixture<SurveyDashboard>(html`<survey-dashboard lang=${lang} collector=${base()}></survey-dashboard>`);
  await waitUntil(() => root(el).querySelector('#token'), 'sign-in form never shown');
  return el;
}

async function signIn(el: SurveyDashboard, token = TOKEN) {
  const input = root(el).querySelector<HTMLInputElement>('#token')!;
  input.value = token;
  root(el).querySelector<HTMLButtonElement>('.sign-in button')!.click();
}

async function signedIn(lang = 'en'): Promise<SurveyDashboard> {
  const el = await signedOut(lang);
  await signIn(el);
  await waitUntil(() => summaryOf(el)?.shadowRoot?.querySelector('figure'), 'summary never shown');
  return el;
}

/** The displayed values of one chart of the summary, by its caption. */
function chartValues(el: SurveyDashboard, caption: string): string[] {
  const figures = [...summaryOf(el)!.shadowRoot!.querySelectorAll('figure')];
  const figure = figures.find((candidate) => candidate.querySelector('figcaption')!.textContent === caption)!;
  return [...figure.querySelectorAll('[part="value"]')].map((value) => value.textContent!.trim());
}

describe('<survey-dashboard>', () => {
  it('signed out: an accessible sign-in form; a wrong token says so, empties the field and keeps focus there', async () => {
    const el = await signedOut();
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('label[for="token"]')!.textContent).to.equal('Staff token');
    await signIn(el, 'not-the-token');
    await waitUntil(() => status(el) === 'That is not the staff token.', 'no wrong-token message');
    expect(root(el).querySelector<HTMLInputElement>('#token')!.value).to.equal('');
    expect(root(el).activeElement?.id).to.equal('token');
  });

  it('signs in by keyboard alone: Tab to the field, type, Enter; focus lands on the heading', async () => {
    const el = await signedOut();
    const input = root(el).querySelector<HTMLInputElement>('#token')!;
    input.focus();
    await sendKeys({ type: TOKEN });
    expect(input.value, 'typed into the field').to.equal(TOKEN);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => summaryOf(el), 'not signed in');
    await waitUntil(() => root(el).activeElement?.localName === 'h1', 'focus not on the heading');
    expect(root(el).querySelector('h1')!.textContent).to.equal('Survey dashboard');
  });

  it('shows every question of the survey, the filters its configs declare, and the downloads', async () => {
    const el = await signedIn();
    await expect(el).to.be.accessible();
    expect([...root(el).querySelectorAll('select[name="tag.site"] option')].map((option) => option.textContent)).to.deep.equal(['All', 'north', 'south']);
    expect(chartValues(el, 'Did you feel heard?')).to.have.length(3);
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('.downloads a')].map((link) => new URL(link.href).pathname + new URL(link.href).search);
    expect(links[0]).to.match(/\/export\.csv\?survey=drop-in$/);
    expect(links[1]).to.match(/\/export\.json\?survey=drop-in$/);
  });

  it('filter by site: the south summary, with a suppressed cell', async () => {
    const el = await signedIn();
    const site = root(el).querySelector<HTMLSelectElement>('select[name="tag.site"]')!;
    site.value = 'south';
    root(el).querySelector<HTMLButtonElement>('.filters button[type="submit"]')!.click();
    await waitUntil(() => summaryOf(el)!.summary?.filters.tags?.site === 'south', 'south never shown');
    await summaryOf(el)!.updateComplete;
    expect(chartValues(el, 'Did you feel heard?')).to.deep.equal(['<11', '65 (87%)', '<11']);
  });

  it('the monthly report: headline sentences from the figures, print and back', async () => {
    const el = await signedIn();
    root(el).querySelector<HTMLButtonElement>('.report-form button')!.click();
    await waitUntil(() => root(el).querySelector('.report .headline'), 'no report');
    const sentences = [...root(el).querySelectorAll('.headline')].map((p) => p.textContent!);
    expect(sentences[0]).to.match(/^In \w+ \d{4}, 70% of responses included emotional support and 30% information & resources \(n = 100\)\.$/);
    expect(sentences.some((sentence) => sentence.startsWith('To “Did you feel heard?”'))).to.equal(true);
    expect(root(el).activeElement?.localName).to.equal('h1');
    await expect(el).to.be.accessible();
    const [print, back] = root(el).querySelectorAll<HTMLButtonElement>('.report .controls button');
    expect(print!.textContent).to.equal('Print');
    back!.click();
    await waitUntil(() => root(el).querySelector('.filters'), 'not back');
  });

  it('sign out: back to the form, and the session cookie no longer opens the API', async () => {
    const el = await signedIn();
    const collector = el.collector!;
    root(el).querySelector<HTMLButtonElement>('.sign-out')!.click();
    await waitUntil(() => status(el) === 'You are signed out.', 'not signed out');
    expect(root(el).activeElement?.id).to.equal('token');
    expect((await fetch(`${collector}staff/session`)).status).to.equal(401);
    expect(document.cookie).to.equal('', 'the session cookie is HttpOnly');
  });

  it('fits 320 px without anything sticking out sideways', async () => {
    const el = await signedIn();
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 320px"></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('.dashboard')!.scrollWidth).to.be.at.most(320);
  });

  for (const [lang, heading, signInLabel] of [
    ['es', 'Panel de encuestas', 'Clave del personal'],
    ['fr', 'Tableau de bord des enquêtes', 'Jeton du personnel'],
    ['ar', 'لوحة الاستبيانات', 'رمز الموظفين'],
  ] as const) {
    it(`${lang}: its own words${lang === 'ar' ? ', right to left' : ''}, axe-clean`, async () => {
      const el = await signedOut(lang);
      await waitUntil(() => root(el).querySelector('label[for="token"]')!.textContent === signInLabel, 'strings never loaded');
      await signIn(el);
      await waitUntil(() => root(el).querySelector('h1')?.textContent === heading && summaryOf(el), 'not signed in');
      expect(root(el).querySelector('.dashboard')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
    });
  }
});

import { html, LitElement, nothing, type PropertyValues } from 'lit';
import '../components/survey-summary/survey-summary.define.js';
import './forwarding-panel.define.js';
import { staffFormStyles } from '../components/shared/staff-form.styles.js';
import { themeStyles } from '../components/shared/theme.styles.js';
import { formatters } from '../components/survey-summary/charts.js';
import { closedPeriods } from '../core/summary/periods.js';
import type { SurveySummary } from '../core/summary/types.js';
import { BUILT_IN_LANGUAGES, type DashboardStrings } from '../i18n/index.js';
import { dashboardStrings } from '../i18n/dashboard/index.js';
import { headlines } from './headlines.js';
import { StaffApi, StaffApiError, type StaffError, type SummaryRequest, type SurveyDescription } from './staff-api.js';
import { dashboardStyles } from './survey-dashboard.styles.js';
import { defaultRequest, filtersForm, reportView, signInForm, surveyName, type ReportPage } from './templates.js';

/**
 * The staff dashboard the reference collector serves at `/dashboard`: sign-in with the staff token
 * (exchanged for a session cookie), every survey's summary with its filters and a series, the
 * exports, and a printable monthly report with headline sentences. Not public API: it talks to the
 * collector's own staff routes, on the collector's own origin, and is loaded only by that page.
 *
 * @summary Staff dashboard for the reference collector (internal; served at /dashboard).
 * @tag survey-dashboard
 */
export class SurveyDashboard extends LitElement {
  static override styles = [themeStyles, staffFormStyles, dashboardStyles];

  static override properties = {
    collector: { type: String },
    locale: { attribute: 'lang', reflect: true },
  };

  /** Base URL of the collector (default: this page's origin). */
  declare collector: string | null;
  declare locale: string | null;

  #phase: 'checking' | 'signed-out' | 'signed-in' = 'checking';
  #message: keyof DashboardStrings | null = null;
  #surveys: SurveyDescription[] = [];
  #request: SummaryRequest | null = null;
  #summary: SurveySummary | null = null;
  #loading = false;
  #report: { month: string; pages: ReportPage[] } | null = null;

  constructor() {
    super();
    this.collector = null;
    this.locale = null;
  }

  get #api() {
    return StaffApi.at(this.collector);
  }

  #lang(): string {
    return this.locale ?? document.documentElement.lang ?? 'en';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#checkSession();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const lang = this.#lang();
    if (!dashboardStrings.get(lang)) void dashboardStrings.load(lang).then(() => this.requestUpdate());
  }

  async #checkSession() {
    try {
      this.#surveys = await this.#api.session();
      this.#phase = 'signed-in';
      if (this.#surveys[0]) await this.#show(defaultRequest(this.#surveys[0]));
    } catch (error) {
      this.#fail(error);
    }
    this.requestUpdate();
  }

  #fail(error: unknown) {
    const code: StaffError = error instanceof StaffApiError ? error.code : 'unreachable';
    if (code === 'unauthorized') {
      this.#message = this.#phase === 'signed-in' ? 'sessionEnded' : null;
      this.#phase = 'signed-out';
      this.#report = null;
    } else this.#message = code === 'wrong-token' ? 'wrongToken' : 'unreachable';
    if (this.#phase === 'checking') this.#phase = 'signed-out';
  }

  async #signIn(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value;
    input.value = ''; // never kept in the page
    this.#message = 'loading';
    this.requestUpdate();
    try {
      await this.#api.signIn(token);
      this.#message = null;
      await this.#checkSession();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.#fail(error);
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#token')?.focus();
    }
  }

  async #signOut() {
    try {
      await this.#api.signOut();
      this.#phase = 'signed-out';
      this.#message = 'signedOut';
      this.#summary = null;
      this.#report = null;
    } catch (error) {
      this.#fail(error);
    }
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#token')?.focus();
  }

  async #show(request: SummaryRequest) {
    this.#request = request;
    this.#loading = true;
    this.requestUpdate();
    try {
      this.#summary = await this.#api.summary(request);
      this.#message = null;
    } catch (error) {
      this.#fail(error);
    }
    this.#loading = false;
    this.requestUpdate();
  }

  async #openReport(month: string) {
    this.#loading = true;
    this.requestUpdate();
    try {
      const pages = await Promise.all(
        this.#surveys.map(async (survey) => ({ survey, summary: await this.#api.summary({ survey: survey.id, unit: 'month', from: month, to: month }) })),
      );
      this.#report = { month, pages };
      usePrintPageSize();
    } catch (error) {
      this.#fail(error);
    }
    this.#loading = false;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.report h1')?.focus();
  }

  override render() {
    const lang = this.#lang();
    const t = dashboardStrings.get(lang);
    if (!t) return nothing;
    const status = this.#loading ? t.loading : this.#message ? (t[this.#message] as string) : '';
    const wrongToken = !this.#loading && this.#message === 'wrongToken';
    const statusLine = html`<p id="status" class=${wrongToken ? 'status error' : 'status'} role="status">${status}</p>`;
    let body;
    if (this.#phase === 'checking') body = statusLine;
    else if (this.#phase === 'signed-out') body = html`${signInForm(t, (event) => void this.#signIn(event), wrongToken ? 'status' : null)}${statusLine}`;
    else if (this.#report) body = html`${reportView(this.#report, t, lang, headlines, () => this.#closeReport())}${statusLine}`;
    else body = this.#main(t, lang, statusLine);
    return html`<div class="dashboard" dir=${t.$dir}>${body}</div>`;
  }

  #main(t: DashboardStrings, lang: string, statusLine: unknown) {
    const survey = this.#surveys.find((candidate) => candidate.id === this.#request?.survey);
    const months = closedPeriods(new Date(), { unit: 'month', count: 12 }).reverse();
    return html`
      <header class="bar">
        <h1 tabindex="-1">${t.title}</h1>
        <label class="language">${t.language}
          <select @change=${(event: Event) => (this.locale = (event.target as HTMLSelectElement).value)}>
            ${BUILT_IN_LANGUAGES.map((code) => html`<option value=${code} ?selected=${code === lang}>${new Intl.DisplayNames([code], { type: 'language' }).of(code)}</option>`)}
          </select>
        </label>
        <button type="button" class="sign-out" @click=${() => void this.#signOut()}>${t.signOut}</button>
      </header>
      ${this.#surveys.length === 0
        ? html`<p>${t.noSurveys}</p>`
        : html`
            ${filtersForm({ t, lang, surveys: this.#surveys, request: this.#request!, onSubmit: (request) => void this.#show(request) })}
            ${survey
              ? html`<p class="downloads">${t.downloads}:
                  <a href=${this.#api.exportUrl(survey.id, 'csv')} download>${t.downloadCsv}</a>
                  <a href=${this.#api.exportUrl(survey.id, 'json')} download>${t.downloadJson}</a></p>`
              : nothing}
            <form class="report-form" @submit=${(event: SubmitEvent) => {
              event.preventDefault();
              void this.#openReport(((event.target as HTMLFormElement).elements.namedItem('month') as HTMLSelectElement).value);
            }}>
              <h2>${t.report}</h2>
              <label>${t.reportMonth}
                <select name="month">${months.map((month) => html`<option value=${month.start}>${formatters(lang).month(month.start)}</option>`)}</select>
              </label>
              <button type="submit">${t.openReport}</button>
            </form>
            ${statusLine}
            ${this.#summary ? html`<survey-summary lang=${lang} .summary=${this.#summary} caption=${survey ? surveyName(survey, this.#surveys, lang) : ''}></survey-summary>` : nothing}
            <survey-forwarding lang=${lang} .collector=${this.collector}></survey-forwarding>
          `}
    `;
  }

  async #closeReport() {
    this.#report = null;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}


/** `@page` cannot live in a shadow root: one A4 sheet per survey needs it in the document. */
function usePrintPageSize() {
  if (document.adoptedStyleSheets.some((sheet) => (sheet as CSSStyleSheet & { esPrint?: boolean }).esPrint)) return;
  const sheet = new CSSStyleSheet() as CSSStyleSheet & { esPrint?: boolean };
  sheet.replaceSync('@page { size: A4; margin: 14mm; }');
  sheet.esPrint = true;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

import { html, nothing } from 'lit';
import { formatters } from '../components/survey-summary/charts.js';
import type { SurveySummary } from '../core/summary/types.js';
import { localize } from '../core/text.js';
import type { DashboardStrings } from '../i18n/index.js';
import type { headlines as Headlines } from './headlines.js';
import type { SummaryRequest, SurveyDescription } from './staff-api.js';

/** The dashboard's forms and its report, as plain templates; the element owns every state change. */
/** `errorId`: the element saying what was wrong with the last token, or null when nothing was. */
export function signInForm(t: DashboardStrings, onSubmit: (event: SubmitEvent) => void, errorId: string | null = null) {
  return html`<h1>${t.title}</h1>
    <form class="sign-in" @submit=${onSubmit}>
      <h2>${t.signInHeading}</h2>
      <label for="token">${t.tokenLabel}</label>
      <p id="token-help" class="help">${t.tokenHelp}</p>
      <input
        id="token"
        name="token"
        type="password"
        autocomplete="current-password"
        aria-describedby=${errorId ? `token-help ${errorId}` : 'token-help'}
        aria-invalid=${errorId ? 'true' : nothing}
        required
      />
      <button type="submit">${t.signIn}</button>
    </form>`;
}

export interface FiltersOptions {
  t: DashboardStrings;
  lang: string;
  surveys: SurveyDescription[];
  request: SummaryRequest;
  onSubmit(request: SummaryRequest): void;
}

/** Survey, unit, period and the filters its configs declare; submitting asks for a new summary. */
export function filtersForm({ t, lang, surveys, request, onSubmit }: FiltersOptions) {
  const survey = surveys.find((candidate) => candidate.id === request.survey) ?? surveys[0]!;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => (data.get(name) as string | null) || undefined;
    const chosen = surveys.find((candidate) => candidate.id === value('survey')) ?? survey;
    if (chosen.id !== survey.id) return onSubmit(defaultRequest(chosen));
    const tags: Record<string, string> = {};
    for (const name of Object.keys(survey.tags)) if (value(`tag.${name}`)) tags[name] = value(`tag.${name}`)!;
    onSubmit({
      survey: survey.id,
      unit: (value('unit') as SummaryRequest['unit']) ?? request.unit,
      from: value('from'),
      to: value('to'),
      version: value('version'),
      locale: value('locale'),
      ...(Object.keys(tags).length ? { tags } : {}),
    });
  };
  const select = (name: string, label: string, options: string[], current: string | undefined, all = true) =>
    html`<label>${label}
      <select name=${name}>
        ${all ? html`<option value="" ?selected=${!current}>${t.all}</option>` : nothing}
        ${options.map((option) => html`<option value=${option} ?selected=${option === current}>${option}</option>`)}
      </select>
    </label>`;
  return html`<form class="filters" @submit=${submit}>
    <fieldset>
      <legend>${t.filters}</legend>
      <label>${t.survey}
        <select name="survey">
          ${surveys.map((option) => html`<option value=${option.id} ?selected=${option.id === survey.id}>${surveyName(option, surveys, lang)}</option>`)}
        </select>
      </label>
      <label>${t.unit}
        <select name="unit">${survey.units.map((unit) => html`<option value=${unit} ?selected=${unit === request.unit}>${t[unit]}</option>`)}</select>
      </label>
      <label>${t.from} <input type="date" name="from" .value=${request.from ?? ''} /></label>
      <label>${t.to} <input type="date" name="to" .value=${request.to ?? ''} /></label>
      ${survey.versions.length > 1 ? select('version', t.version, survey.versions, request.version) : nothing}
      ${survey.locales.length > 1 ? select('locale', t.locale, survey.locales, request.locale) : nothing}
      ${Object.entries(survey.tags)
        .filter(([, values]) => values.length > 1)
        .map(([name, values]) => select(`tag.${name}`, name, values, request.tags?.[name]))}
      <button type="submit">${t.show}</button>
    </fieldset>
  </form>`;
}

export interface ReportPage {
  survey: SurveyDescription;
  summary: SurveySummary;
}

/** A survey's title in the page language, with its id when another survey has the same title (or none). */
export function surveyName(survey: SurveyDescription, surveys: readonly SurveyDescription[], lang: string): string {
  const title = (candidate: SurveyDescription) => localize(candidate.title, lang, 'en');
  const own = title(survey);
  if (!own) return survey.id;
  return surveys.some((other) => other.id !== survey.id && title(other) === own) ? `${own} (${survey.id})` : own;
}

/**
 * The report: one section per survey (its name, the headline sentences, its charts), which flow one
 * after another on paper; a chart is never split across pages (see the print styles). The month is
 * closed, so the summary's note about the period still open is left out. Print hides the buttons.
 */
export function reportView(report: { month: string; pages: ReportPage[] }, t: DashboardStrings, lang: string, headlines: typeof Headlines, onClose: () => void) {
  const surveys = report.pages.map((page) => page.survey);
  const month = formatters(lang).month(report.month);
  return html`<div class="report">
    <p class="controls">
      <button type="button" @click=${() => window.print()}>${t.print}</button>
      <button type="button" @click=${onClose}>${t.closeReport}</button>
    </p>
    <h1 tabindex="-1">${t.report}: ${month}</h1>
    ${report.pages.map(
      ({ survey, summary }) => html`<section class="page">
        <h2>${surveyName(survey, surveys, lang)}</h2>
        ${headlines(summary, month, t, lang).map((sentence) => html`<p class="headline">${sentence}</p>`)}
        ${summary.total.count === null ? nothing : html`<survey-summary lang=${lang} .summary=${{ ...summary, open: { ...summary.open, total: null } }} caption=${month}></survey-summary>`}
      </section>`,
    )}
  </div>`;
}

/** A survey's first view: by month where it may be, else its one unit; the last 12 closed periods. */
export function defaultRequest(survey: SurveyDescription): SummaryRequest {
  return { survey: survey.id, unit: survey.units.includes('month') ? 'month' : survey.units[0]! };
}

import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { summaryProblems, type QuestionSummary, type SummaryCell, type SurveySummary as SurveySummaryData } from '../../core/summary/types.js';
import { JsonSourceController, type JsonSourceState } from '../../controllers/json-source-controller.js';
import type { SummaryStrings } from '../../i18n/index.js';
import { summaryStrings } from '../../i18n/summary/index.js';
import { themeStyles } from '../shared/theme.styles.js';
import { formatters, questionChart, seriesChart, text, type ChartContext } from './charts.js';
import { surveySummaryStyles } from './survey-summary.styles.js';

/**
 * A survey summary as charts: responses per week or month, and every choice and rating question
 * (bars per option; ratings with their median), each with the same figures in a real table for
 * screen readers (and for anyone, with the toggle). Only what the disclosure rules let through is
 * ever drawn: counts under the summary's `k` arrive as "<11" and are shown with no bar and no share;
 * the other counts arrive rounded. Option labels come from the survey's config, in the page language.
 * A summary of the wrong shape (as `summary`, or from `src`) draws nothing and shows an error naming
 * the fields missing or wrong (`questions[1].cells`); nothing is thrown.
 *
 * @summary Accessible charts and tables of a survey summary (`GET /summary`): every question, and a series.
 * @tag survey-summary
 *
 * @csspart summary - The wrapper.
 * @csspart title - The survey's title (whole-survey view).
 * @csspart totals - Response counts, under the title and under each chart.
 * @csspart figure - One chart with its caption and table (`<figure>`).
 * @csspart series - The chart of responses per week or month (also a `figure`).
 * @csspart caption - A chart's caption.
 * @csspart chart - A chart (`role="img"`, its `aria-label` lists every figure).
 * @csspart row - One bar with its label and value.
 * @csspart label - A bar's label.
 * @csspart value - A bar's count and share ("50 (83%)" or "<11"); over each column of the series, its count.
 * @csspart column - One period of the series: its count over its column.
 * @csspart bar - The SVG of one bar.
 * @csspart note - How the figures are protected.
 * @csspart toggle - The "Show as tables" button.
 * @csspart table - A data table (visually hidden until toggled, always read by screen readers).
 * @csspart status - The loading / error / empty message.
 *
 * @cssproperty --es-color-accent - Bars.
 * @cssproperty --es-color-surface - The track behind each bar.
 * @cssproperty --es-color-text - Text colour.
 * @cssproperty --es-color-muted - Totals and the privacy note.
 * @cssproperty --es-color-border - Table rules.
 * @cssproperty --es-color-danger - The error message.
 * @cssproperty --es-font-family - Font (inherits the page's by default).
 * @cssproperty --es-spacing - Base spacing unit.
 * @cssproperty --es-radius - Corner radius of bars and the button.
 * @cssproperty --es-target-size - Minimum size of the toggle button.
 * @cssproperty --es-accent - The one brand colour the bars derive from (contrast checked).
 * @cssproperty --es-color-focus - Focus ring.
 * @cssproperty --es-font-size - Base font size.
 * @cssproperty --es-max-width - Maximum width of the summary.
 */
export class SurveySummary extends LitElement {
  static override styles = [themeStyles, surveySummaryStyles];

  static override properties = {
    src: { type: String },
    summary: { attribute: false },
    question: { type: String },
    labels: { attribute: false },
    caption: { type: String },
    showTable: { type: Boolean, attribute: 'show-table' },
    locale: { attribute: 'lang' },
  };

  /** URL of a collector's `/summary?survey=…` (format 2); fetched without cookies or referrer. */
  declare src: string | null;
  /** The summary to draw; set it directly to skip fetching, or read what `src` loaded. */
  declare summary: SurveySummaryData | null;
  /** One question id to chart alone; unset: the whole survey (the series and every question). */
  declare question: string | null;
  /** Display labels by value, e.g. `{ yes: 'Yes' }`, over the config's own labels the summary carries. */
  declare labels: Record<string, string> | null;
  /** Caption: of the one question charted, or the title of the whole survey. Default: the config's. */
  declare caption: string | null;
  /** Shows the data tables visibly (they are always available to screen readers). */
  declare showTable: boolean;
  /** Language of the UI strings (`lang` attribute); otherwise the closest `[lang]`. */
  declare locale: string | null;

  /** Set when what `src` answered is not JSON. */
  #unreadable = false;
  /** What is wrong with `summary`, or with what `src` answered (`format`, `questions[1].cells`); empty: nothing. */
  #problems: string[] = [];
  readonly #source = new JsonSourceController(this, (state) => this.#fromSource(state));

  constructor() {
    super();
    this.src = null;
    this.summary = null;
    this.question = null;
    this.labels = null;
    this.caption = null;
    this.showTable = false;
    this.locale = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('summary')) this.#problems = this.summary === null ? [] : summaryProblems(this.summary);
    if (changed.has('src')) this.#source.load(this.src);
    const lang = this.#lang();
    if (!summaryStrings.get(lang)) void summaryStrings.load(lang).then(() => this.requestUpdate());
  }

  #fromSource(state: JsonSourceState) {
    this.#unreadable = false;
    if (state.status !== 'ready') return;
    let data: unknown;
    try {
      data = JSON.parse(state.text);
    } catch {
      this.#unreadable = true;
      return;
    }
    const problems = summaryProblems(data);
    if (problems.length === 0) this.summary = data as SurveySummaryData;
    else this.#problems = problems;
  }

  #lang(): string {
    return this.locale ?? this.closest('[lang]')?.getAttribute('lang') ?? 'en';
  }

  /** The one question charted (with `question`), if the summary has it. */
  get chartedQuestion(): QuestionSummary | null {
    if (!this.question || this.#problems.length > 0) return null;
    return this.summary?.questions.find((question) => question.id === this.question) ?? null;
  }

  #label(cell: SummaryCell, lang: string): string {
    const key = String(cell.value);
    if (this.labels && Object.hasOwn(this.labels, key)) return String(this.labels[key]);
    return text(cell.label, lang) || key;
  }

  override render() {
    const lang = this.#lang();
    const t = summaryStrings.get(lang);
    if (!t) return nothing;
    const status = this.#source.state.status;
    const summary = this.summary;
    let body: unknown;
    if (status === 'loading' && !summary) body = html`<p part="status" role="status">${t.loading}</p>`;
    else if (status === 'error' || this.#unreadable) body = html`<p part="status" class="error" role="alert">${t.error}</p>`;
    // Named, so whoever set `summary` or `src` sees what to fix; a render never reads a malformed summary.
    else if (this.#problems.length > 0) body = html`<p part="status" class="error" role="alert">${t.malformed(shortList(this.#problems))}</p>`;
    else if (!summary) body = nothing;
    else body = this.#renderSummary(summary, t, lang);
    return html`<div part="summary" class="summary" dir=${t.$dir} aria-busy=${status === 'loading' ? 'true' : 'false'}>${body}</div>`;
  }

  #renderSummary(summary: SurveySummaryData, t: SummaryStrings, lang: string) {
    const format = formatters(lang);
    const context: ChartContext = { t, lang, summary, rtl: t.$dir === 'rtl', showTable: this.showTable, label: (cell) => this.#label(cell, lang) };
    const one = this.question ? this.chartedQuestion : null;
    const questions = this.question ? (one ? [one] : []) : summary.questions;
    const charts = [
      ...(!this.question && summary.series.length > 1 ? [seriesChart(summary.series, context)] : []),
      ...questions.map((question) => questionChart(question, (one && this.caption) || text(question.label, lang) || question.id, context)),
    ];
    const range = summary.range ? `${format.day(summary.range.start)} – ${format.day(dayBefore(summary.range.end))}` : null;
    const tables = [...(!this.question && summary.series.length > 1 ? ['table-series'] : []), ...questions.map((question) => `table-${question.id}`)];
    const empty = summary.range === null ? t.noClosedPeriod(summary.unit) : t.empty;
    return html`
      ${this.question ? nothing : html`<p part="title" class="title">${this.caption ?? (text(summary.title, lang) || t.caption)}</p>`}
      <p part="totals" class="totals">
        ${t.responses(format.count(summary.total))}${range ? html` · ${t.covers(range)}` : nothing}
        ${this.question || !summary.open.total ? nothing : html`<br />${t.openPeriod(summary.unit, summary.open.total.count === null ? null : format.count(summary.open.total), summary.k)}`}
      </p>
      ${summary.range === null || charts.length === 0 ? html`<p part="status" role="status">${empty}</p>` : charts}
      <p part="note" class="note">${t.suppressedNote(summary.k, summary.rounding)}</p>
      ${charts.length === 0
        ? nothing
        : html`<button part="toggle" type="button" aria-expanded=${this.showTable ? 'true' : 'false'} aria-controls=${tables.join(' ')} @click=${() => (this.showTable = !this.showTable)}>
            ${this.showTable ? t.hideTable : t.showTable}
          </button>`}
    `;
  }
}

/** At most 8 of the problems, then "…": the box names what to fix first, not every cell of a broken table. */
const shortList = (problems: string[]) => (problems.length > 8 ? [...problems.slice(0, 8), '…'] : problems);

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

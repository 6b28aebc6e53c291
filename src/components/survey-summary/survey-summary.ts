import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { isSurveySummary, type QuestionSummary, type SummaryCell, type SurveySummary as SurveySummaryData } from '../../core/summary.js';
import { taxonomyOptions } from '../../core/taxonomy.js';
import { localize } from '../../core/text.js';
import { JsonSourceController, type JsonSourceState } from '../../controllers/json-source-controller.js';
import type { SummaryStrings } from '../../i18n/index.js';
import { summaryStrings } from '../../i18n/summary/index.js';
import { themeStyles } from '../shared/theme.styles.js';
import { surveySummaryStyles } from './survey-summary.styles.js';

/**
 * A bar chart of one question of a survey summary (by default the support types received), with
 * the same figures in a real table for screen readers (and for anyone, with the toggle). Counts
 * under the summary's `k` arrive suppressed and are shown as "<11" with no bar and no share.
 * Only aggregate data is ever drawn: the collector's `GET /summary` does the suppression.
 *
 * @summary Accessible bar chart and table of a `/summary` (support types received, suppressed small cells).
 * @tag survey-summary
 *
 * @csspart figure - The wrapper (`<figure>`).
 * @csspart caption - The caption above the chart.
 * @csspart chart - The chart (`role="img"`, its `aria-label` lists every figure).
 * @csspart row - One bar with its label and value.
 * @csspart label - A bar's label.
 * @csspart value - A bar's count and share ("24 (80%)" or "<11").
 * @csspart bar - The SVG of one bar.
 * @csspart totals - The line with the number of responses.
 * @csspart note - The privacy note about suppressed counts.
 * @csspart toggle - The "Show as a table" button.
 * @csspart table - The data table (visually hidden until toggled, always read by screen readers).
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

  /** URL of a collector's `/summary?survey=…`; fetched without cookies or referrer. */
  declare src: string | null;
  /** The summary to draw; set it directly to skip fetching, or read what `src` loaded. */
  declare summary: SurveySummaryData | null;
  /** Question id to chart. Default: the first multiple-choice question (the support types). */
  declare question: string | null;
  /** Display labels by value, e.g. `{ yes: 'Yes' }`; support-type values default to the taxonomy's labels, others show as is. */
  declare labels: Record<string, string> | null;
  /** Caption above the chart. Default: "Kinds of support received" in the active language. */
  declare caption: string | null;
  /** Shows the data table visibly (it is always available to screen readers). */
  declare showTable: boolean;
  /** Language of the UI strings (`lang` attribute); otherwise the closest `[lang]`. */
  declare locale: string | null;

  /** Set when what `src` answered is not a summary. */
  #unreadable = false;
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
      data = null;
    }
    if (isSurveySummary(data)) this.summary = data;
    else this.#unreadable = true;
  }

  #lang(): string {
    return this.locale ?? this.closest('[lang]')?.getAttribute('lang') ?? 'en';
  }

  /** The question being charted, if the summary has it. */
  get chartedQuestion(): QuestionSummary | null {
    const questions = this.summary?.questions ?? [];
    if (this.question) return questions.find((question) => question.id === this.question) ?? null;
    return questions.find((question) => question.kind === 'multi') ?? questions[0] ?? null;
  }

  #label(value: string | number, lang: string): string {
    const key = String(value);
    if (this.labels && Object.hasOwn(this.labels, key)) return String(this.labels[key]);
    // Support-type values read as the taxonomy's own labels unless the page says otherwise.
    const type = taxonomyOptions.get(key);
    return type ? localize(type.label, lang, 'en') : key;
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
    else if (!summary) body = nothing;
    else body = this.#renderSummary(summary, t, lang);
    return html`<div class="summary" dir=${t.$dir} aria-busy=${status === 'loading' ? 'true' : 'false'}>${body}</div>`;
  }

  #renderSummary(summary: SurveySummaryData, t: SummaryStrings, lang: string) {
    const question = this.chartedQuestion;
    const caption = this.caption ?? t.caption;
    const numbers = new Intl.NumberFormat(lang);
    const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const count = (cell: SummaryCell) => (cell.count === null ? cell.display : numbers.format(cell.count));
    const share = (cell: SummaryCell) => (cell.percent === null ? '' : percents.format(cell.percent / 100));
    const total = summary.total === null ? summary.totalDisplay : numbers.format(summary.total);
    const cells = question?.counts ?? [];
    const answered = !question ? '' : question.answered === null ? question.answeredDisplay : numbers.format(question.answered);
    const suppressed = cells.some((cell) => cell.count === null) || summary.total === null;
    const spoken = cells
      .map((cell) => `${this.#label(cell.value, lang)}: ${cell.count === null ? t.fewerThan(summary.k) : `${count(cell)} (${share(cell)})`}`)
      .join('; ');
    const rtl = t.$dir === 'rtl';
    return html`
      <figure part="figure">
        <figcaption part="caption">${caption}</figcaption>
        ${cells.length === 0
          ? html`<p part="status" role="status">${t.empty}</p>`
          : html`<div part="chart" class="chart" role="img" aria-label=${t.chartLabel(caption, spoken)}>
              ${cells.map((cell) => {
                const width = cell.percent === null ? 0 : Math.min(100, Math.max(0, cell.percent));
                return html`<div part="row" class="row">
                  <span part="label" class="label">${this.#label(cell.value, lang)}</span>
                  <span part="value" class="value">${count(cell)}${cell.percent === null ? nothing : ` (${share(cell)})`}</span>
                  <svg part="bar" class="bar" width="100%" height="100%" aria-hidden="true" focusable="false">
                    ${svg`<rect class="track" x="0" y="0" width="100%" height="100%"></rect>`}
                    ${cell.percent === null
                      ? nothing
                      : svg`<rect class="fill" x=${rtl ? `${100 - width}%` : '0'} y="0" width=${`${width}%`} height="100%"></rect>`}
                  </svg>
                </div>`;
              })}
            </div>`}
        <p part="totals" class="totals">
          ${t.responses(total)}${question ? html` · ${t.answered(answered)}` : nothing}
        </p>
        ${suppressed ? html`<p part="note" class="note">${t.suppressedNote(summary.k)}</p>` : nothing}
        ${cells.length === 0
          ? nothing
          : html`<button part="toggle" type="button" aria-expanded=${this.showTable ? 'true' : 'false'} aria-controls="table" @click=${() => (this.showTable = !this.showTable)}>
                ${this.showTable ? t.hideTable : t.showTable}
              </button>
              <!-- A table cannot be narrower than its words: hide its wrapper, so nothing keeps the page wide. -->
              <div id="table" class=${this.showTable ? 'table-wrap' : 'table-wrap visually-hidden'}>
              <table part="table" class="table">
                <caption>${caption}</caption>
                <thead>
                  <tr><th scope="col">${t.answer}</th><th scope="col">${t.count}</th><th scope="col">${t.share}</th></tr>
                </thead>
                <tbody>
                  ${cells.map(
                    (cell) => html`<tr>
                      <th scope="row">${this.#label(cell.value, lang)}</th>
                      <td>${cell.count === null
                        ? html`<span aria-hidden="true">${cell.display}</span><span class="visually-hidden">${t.fewerThan(summary.k)}</span>`
                        : count(cell)}</td>
                      <td>${share(cell)}</td>
                    </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr><th scope="row">${t.answeredHeading}</th><td>${answered}</td><td></td></tr>
                </tfoot>
              </table>
              </div>`}
      </figure>
    `;
  }
}

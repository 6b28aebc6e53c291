import { html, nothing, svg, type TemplateResult } from 'lit';
import type { LocalizedText } from '../../core/config/schema.js';
import type { Count, PeriodTotal, QuestionSummary, SummaryCell, SurveySummary } from '../../core/summary/types.js';
import { localize } from '../../core/text.js';
import type { SummaryStrings } from '../../i18n/index.js';

/**
 * The charts of `<survey-summary>`: bars for a question's options (single, multiple, rating), columns
 * for the series, each drawn by Lit as small SVG and each followed by a real table with the same
 * figures. Suppressed figures read "<11", have no bar and no share, and are spoken as "fewer than 11".
 */
export interface ChartContext {
  t: SummaryStrings;
  lang: string;
  summary: SurveySummary;
  rtl: boolean;
  showTable: boolean;
  label(cell: SummaryCell): string;
}

export const text = (value: LocalizedText | undefined, lang: string) => localize(value, lang, 'en');

export function formatters(lang: string) {
  const numbers = new Intl.NumberFormat(lang);
  const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    count: (count: Count) => (count.count === null ? count.display : numbers.format(count.count)),
    number: (value: number) => numbers.format(value),
    percent: (value: number | null) => (value === null ? '' : percents.format(value / 100)),
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    month: (iso: string) => month.format(new Date(`${iso}T00:00:00Z`)),
  };
}

/** "March 2026", or "Week of 2 Mar 2026". */
export function periodName(period: { start: string }, unit: 'week' | 'month', t: SummaryStrings, lang: string): string {
  const format = formatters(lang);
  return unit === 'month' ? format.month(period.start) : t.weekOf(format.day(period.start));
}

function bar(width: number | null, rtl: boolean) {
  return html`<svg part="bar" class="bar" width="100%" height="100%" aria-hidden="true" focusable="false">
    ${svg`<rect class="track" x="0" y="0" width="100%" height="100%"></rect>`}
    ${width === null ? nothing : svg`<rect class="fill" x=${rtl ? `${100 - width}%` : '0'} y="0" width=${`${width}%`} height="100%"></rect>`}
  </svg>`;
}

/** Spoken value of a figure: "24 (80%)" or "fewer than 11". */
function spoken(count: Count, percent: number | null, context: ChartContext): string {
  const format = formatters(context.lang);
  if (count.count === null) return context.t.fewerThan(context.summary.k);
  return percent === null ? format.count(count) : `${format.count(count)} (${format.percent(percent)})`;
}

function suppressedCell(count: Count, context: ChartContext) {
  return count.count === null
    ? html`<span aria-hidden="true">${count.display}</span><span class="visually-hidden">${context.t.fewerThan(context.summary.k)}</span>`
    : formatters(context.lang).count(count);
}

export function questionChart(question: QuestionSummary, caption: string, context: ChartContext): TemplateResult {
  const { t, lang } = context;
  const format = formatters(lang);
  const items = question.cells.map((cell) => `${context.label(cell)}: ${spoken(cell, cell.percent, context)}`).join('; ');
  const details = [t.answered(format.count(question.answered))];
  if (question.kind === 'rating' && question.median !== undefined && question.median !== null) details.push(t.median(format.number(question.median)));
  const first = question.cells[0];
  const last = question.cells.at(-1);
  const scale =
    question.kind === 'rating' && first && last && (question.minLabel || question.maxLabel)
      ? t.scale(`${String(first.value)} = ${text(question.minLabel, lang) || String(first.value)}`, `${String(last.value)} = ${text(question.maxLabel, lang) || String(last.value)}`)
      : null;
  const tableId = `table-${question.id}`;
  return html`<figure part="figure" class="figure">
    <figcaption part="caption">${caption}</figcaption>
    <div part="chart" class="chart" role="img" aria-label=${t.chartLabel(caption, items)}>
      ${question.cells.map(
        (cell) => html`<div part="row" class="row">
          <span part="label" class="label">${context.label(cell)}</span>
          <span part="value" class="value">${format.count(cell)}${cell.percent === null ? nothing : ` (${format.percent(cell.percent)})`}</span>
          ${bar(cell.percent === null ? null : Math.min(100, Math.max(0, cell.percent)), context.rtl)}
        </div>`,
      )}
    </div>
    <p part="totals" class="totals">${details.join(' · ')}${scale ? html`<br />${scale}` : nothing}</p>
    <div id=${tableId} class=${context.showTable ? 'table-wrap' : 'table-wrap visually-hidden'}>
      <table part="table">
        <caption>${caption}</caption>
        <thead><tr><th scope="col">${t.answer}</th><th scope="col">${t.count}</th><th scope="col">${t.share}</th></tr></thead>
        <tbody>
          ${question.cells.map(
            (cell) => html`<tr><th scope="row">${context.label(cell)}</th><td>${suppressedCell(cell, context)}</td><td>${format.percent(cell.percent)}</td></tr>`,
          )}
        </tbody>
        <tfoot><tr><th scope="row">${t.answeredHeading}</th><td>${suppressedCell(question.answered, context)}</td><td></td></tr></tfoot>
      </table>
    </div>
  </figure>`;
}

export function seriesChart(series: PeriodTotal[], context: ChartContext): TemplateResult {
  const { t, lang, summary } = context;
  const format = formatters(lang);
  const caption = t.seriesCaption(summary.unit);
  const highest = Math.max(1, ...series.map((point) => point.count ?? 0));
  const names = series.map((point) => periodName(point, summary.unit, t, lang));
  const items = series.map((point, i) => `${names[i]}: ${spoken(point, null, context)}`).join('; ');
  // One column per period with its figure over it and no grey track behind it: a period with too few
  // responses to show reads "<11" and has no column. The grid follows the text direction (RTL mirrors).
  return html`<figure part="figure series" class="figure">
    <figcaption part="caption">${caption}</figcaption>
    <div part="chart" class="columns" role="img" aria-label=${t.chartLabel(caption, items)}>
      <div class="column-chart" aria-hidden="true">
        ${series.map((point) => {
          const height = point.count === null ? 0 : (point.count / highest) * 40;
          return html`<div part="column" class="column">
            <span part="value" class="value">${format.count(point)}</span>
            <svg class="column-bar" viewBox="0 0 10 40" preserveAspectRatio="none" focusable="false">
              ${height > 0 ? svg`<rect class="fill" x="1" y=${40 - height} width="8" height=${height}></rect>` : nothing}
            </svg>
          </div>`;
        })}
      </div>
      <p class="axis" aria-hidden="true"><span>${names[0]}</span><span>${names.at(-1)}</span></p>
    </div>
    <div id="table-series" class=${context.showTable ? 'table-wrap' : 'table-wrap visually-hidden'}>
      <table part="table">
        <caption>${caption}</caption>
        <thead><tr><th scope="col">${t.period}</th><th scope="col">${t.count}</th></tr></thead>
        <tbody>${series.map((point, i) => html`<tr><th scope="row">${names[i]}</th><td>${suppressedCell(point, context)}</td></tr>`)}</tbody>
      </table>
    </div>
  </figure>`;
}

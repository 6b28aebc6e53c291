import { css } from 'lit';

export const surveySummaryStyles = css`
  :host {
    display: block;
    max-inline-size: var(--_max-width);
  }
  figure {
    margin: var(--_spacing) 0 calc(var(--_spacing) * 1.5);
  }
  .title {
    font-weight: 700;
    font-size: 1.25em;
    margin-block: 0 calc(var(--_spacing) * 0.5);
  }
  .column-chart {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 0.25em;
    align-items: end;
    border-block-end: 1px solid var(--_border);
  }
  .column {
    display: flex;
    flex-direction: column;
    align-items: center;
    min-inline-size: 0;
  }
  .column .value {
    font-size: 0.75em;
    white-space: normal;
    overflow-wrap: anywhere;
    text-align: center;
  }
  .column-bar {
    display: block;
    inline-size: 100%;
    block-size: 6rem;
  }
  .axis {
    display: flex;
    justify-content: space-between;
    gap: var(--_spacing);
    margin: 0.25em 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  figcaption {
    font-weight: 600;
    font-size: 1.125em;
    margin-block-end: calc(var(--_spacing) * 0.75);
  }
  .chart {
    display: grid;
    gap: calc(var(--_spacing) * 0.75);
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    column-gap: var(--_spacing);
    row-gap: 0.25em;
    align-items: end;
  }
  .label {
    overflow-wrap: anywhere;
  }
  .value {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bar {
    grid-column: 1 / -1;
    display: block;
    block-size: 1.25em;
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .track {
    fill: var(--_surface);
  }
  .fill {
    fill: var(--_accent);
  }
  .totals,
  .note,
  .axis {
    color: var(--_muted);
    margin-block: calc(var(--_spacing) * 0.75) 0;
  }
  .error {
    color: var(--_danger);
  }
  button {
    margin-block-start: calc(var(--_spacing) * 0.75);
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.25em 0.75em;
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  th {
    overflow-wrap: anywhere;
  }
  table {
    border-collapse: collapse;
    margin-block-start: calc(var(--_spacing) * 0.75);
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  td {
    font-variant-numeric: tabular-nums;
  }
  @media print {
    /* A chart and its caption stay on one sheet. */
    figure {
      break-inside: avoid;
    }
    figcaption {
      break-after: avoid;
    }
  }
  @media (forced-colors: active) {
    .track {
      fill: Canvas;
      stroke: CanvasText;
    }
    .fill {
      fill: Highlight;
    }
  }
`;

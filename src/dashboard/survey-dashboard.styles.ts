import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    display: block;
    max-inline-size: 60rem;
    margin-inline: auto;
    padding: var(--_spacing);
    background: var(--_background);
  }
  h1 {
    font-size: 1.5em;
    margin: 0 0 var(--_spacing);
  }
  h2 {
    font-size: 1.2em;
    margin: var(--_spacing) 0 calc(var(--_spacing) * 0.5);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing);
    margin-block-end: var(--_spacing);
  }
  .bar h1 {
    flex: 1 1 auto;
    margin: 0;
  }
  form,
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_spacing) * 0.75);
  }
  fieldset {
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_spacing);
    margin: 0;
    min-inline-size: 0;
  }
  .sign-in {
    flex-direction: column;
    align-items: stretch;
    max-inline-size: 26rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    font-weight: 600;
    min-inline-size: 0;
  }
  .help {
    margin: 0;
    color: var(--_muted);
  }
  input,
  select,
  button {
    font: inherit;
    min-block-size: var(--_target);
    max-inline-size: 100%;
    padding: 0.25em 0.5em;
    border: var(--_border-width) solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_background);
    color: var(--_text);
  }
  button {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    padding-inline: 1em;
    cursor: pointer;
  }
  a {
    color: var(--_accent);
  }
  .downloads a {
    margin-inline-start: 0.5em;
  }
  .status:empty {
    display: none;
  }
  .headline {
    font-size: 1.1em;
  }
  survey-summary {
    margin-block-start: var(--_spacing);
    max-inline-size: none;
  }
  @media print {
    :host {
      padding: 0;
      max-inline-size: none;
    }
    .controls,
    .status,
    survey-summary::part(toggle) {
      display: none;
    }
    .page {
      break-after: page;
      font-size: 0.85em;
    }
    .page:last-child {
      break-after: auto;
    }
  }
`;

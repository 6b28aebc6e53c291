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
  .status.error {
    color: var(--_danger);
    font-weight: 600;
  }
  .report-form h2 {
    flex-basis: 100%;
    margin-block-end: 0;
  }
  .downloads {
    margin-block: var(--_spacing);
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
  /* In the report the survey's name is the heading; the month under it is a caption, not a bigger heading. */
  .page survey-summary::part(title) {
    font-size: 1em;
    font-weight: 600;
    color: var(--_muted);
  }
  .page survey-summary::part(caption) {
    font-size: 1em;
  }
  .page + .page {
    margin-block-start: calc(var(--_spacing) * 2);
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
    /* Surveys flow one after another (a small one does not get a near-empty sheet to itself);
       a chart stays whole on one sheet (the summary's print styles), a heading stays with what follows. */
    .page {
      font-size: 0.85em;
    }
    h1,
    h2 {
      break-after: avoid;
    }
    .headline {
      break-inside: avoid;
    }
  }
`;

import { css } from 'lit';

export const surveyEditorStyles = css`
  :host {
    display: block;
    background: var(--_background);
  }
  .editor {
    padding: var(--_spacing);
  }
  h1 {
    font-size: 1.5em;
    margin: 0 0 var(--_spacing);
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 calc(var(--_spacing) * 0.75);
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 calc(var(--_spacing) * 0.5);
  }
  .columns {
    display: grid;
    gap: var(--_spacing);
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 70rem) {
    .columns {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
    .side {
      position: sticky;
      inset-block-start: 0;
      max-block-size: 100vh;
      overflow: auto;
    }
  }
  .panel {
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_spacing);
    margin-block-end: var(--_spacing);
    background: var(--_background);
  }
  .question {
    border-block-start: var(--_border-width) solid var(--_border);
    padding-block: var(--_spacing);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) * 0.75);
    align-items: end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin-block-end: calc(var(--_spacing) * 0.75);
    min-inline-size: 0;
    flex: 1 1 12rem;
  }
  .field.check {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .field.number {
    flex: 0 1 10rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: var(--_border-width) solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_spacing) * 0.75);
    margin: 0 0 calc(var(--_spacing) * 0.75);
    min-inline-size: 0;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    accent-color: var(--_accent);
  }
  textarea.code {
    font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
    font-size: 0.875em;
    inline-size: 100%;
    direction: ltr;
  }
  button.quiet {
    background: var(--_background);
    color: var(--_accent);
    border-color: currentColor;
  }
  button.danger {
    color: var(--_danger);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-end: calc(var(--_spacing) * 0.75);
  }
  .option-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: end;
  }
  .help {
    margin: 0;
    color: var(--_muted);
  }
  .issue {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .missing {
    align-self: start;
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--_danger-soft);
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }
  .translations {
    display: grid;
    gap: calc(var(--_spacing) * 0.5);
  }
  .translation {
    display: grid;
    gap: calc(var(--_spacing) * 0.5);
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  .translation legend {
    grid-column: 1 / -1;
  }
  .summary ul,
  .lint {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .summary li,
  .lint li {
    margin-block-end: 0.5em;
  }
  .starts {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .announce:empty {
    display: none;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
  }
  .choices label {
    display: flex;
    gap: 0.35em;
    align-items: center;
    min-block-size: var(--_target);
    font-weight: 400;
  }
  .frame {
    margin-block-start: var(--_spacing);
    border: var(--_border-width) dashed var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_spacing) * 0.5);
    overflow: auto;
  }
  .frame.phone {
    inline-size: min(100%, 375px);
  }
`;

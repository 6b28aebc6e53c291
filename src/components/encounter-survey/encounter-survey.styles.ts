import { css } from 'lit';

export const encounterSurveyStyles = css`
  :host {
    display: block;
    max-inline-size: var(--_max-width);
  }
  :host([mode='kiosk']) {
    --_target: var(--es-target-size, 44px);
    font-size: var(--es-font-size, 1.25rem);
    max-inline-size: none;
    min-block-size: 100%;
  }
  [part='base'] {
    background: var(--_background);
    border-radius: var(--_radius);
    padding: var(--_spacing);
  }
  h2 {
    font-size: 1.4em;
    line-height: 1.25;
    margin-block: 0 calc(var(--_spacing) / 2);
  }
  p {
    margin-block: 0 calc(var(--_spacing) / 2);
  }
  form {
    display: grid;
    gap: var(--_spacing);
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 2);
  }
  .point {
    flex-direction: column;
    align-items: center;
    min-inline-size: var(--_target);
    gap: 0.2em;
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part='error-summary'] {
    color: var(--_danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 2);
    justify-content: space-between;
  }
  button {
    font: inherit;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.4em 1.2em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_background);
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    margin-inline-start: auto;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  :host([mode='kiosk']) .start button {
    font-size: 1.5em;
    padding: 0.6em 2em;
  }
  [part='status'] {
    color: var(--_muted);
  }
  [part='config-error'] {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_spacing);
  }
  [part='config-error'] code {
    font-weight: 600;
  }
  [part='footer'] {
    margin-block-start: var(--_spacing);
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_spacing) / 2);
    font-size: 0.9em;
  }
  a {
    color: var(--_accent);
  }
  .link-button {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }
  dialog {
    color: var(--_text);
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-inline-size: min(32rem, 90vw);
  }
  .staff-corner {
    position: fixed;
    inset-block-start: 0;
    inset-inline-end: 0;
    inline-size: 48px;
    block-size: 48px;
    background: transparent;
    border: 0;
    padding: 0;
    opacity: 0;
  }
  dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0.25em 1em;
  }
  dd {
    margin: 0;
  }
`;

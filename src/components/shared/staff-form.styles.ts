import { css } from 'lit';

/**
 * What the staff-facing elements (the dashboard, the editor) share: a system sans-serif font stack
 * (their pages set none, and the browser's default is a serif), native form controls at the target
 * size in the theme's colours, accent buttons, and a field marked invalid.
 */
export const staffFormStyles = css`
  :host {
    font-family: var(--es-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif);
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea,
  button {
    box-sizing: border-box;
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
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  a {
    color: var(--_accent);
  }
`;

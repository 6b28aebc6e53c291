import { css } from 'lit';

/**
 * How a question looks wherever it is rendered (the survey, the standalone selector): choice cards
 * that are wholly the label, a segmented rating scale of large buttons, calm text fields. Native
 * inputs stay underneath. A checked card shows its tick or dot and a thicker border, never colour
 * alone; every target is at least 44 × 44 px.
 */
export const questionStyles = css`
  .question {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend,
  .text-label {
    display: block;
    font-weight: 650;
    font-size: 1.0625em;
    padding: 0;
    margin-block-end: calc(var(--_spacing) / 2);
  }
  .optional,
  .help,
  .description,
  .count {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.9375em;
  }
  .help {
    margin-block: calc(var(--_spacing) / -4) calc(var(--_spacing) / 2);
  }
  .options {
    display: grid;
    gap: calc(var(--_spacing) / 2);
  }
  .option {
    display: flex;
    align-items: start;
    gap: calc(var(--_spacing) * 0.75);
    min-block-size: var(--_target);
    box-sizing: border-box;
    padding: 0.625rem 0.875rem;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .option:hover {
    border-color: var(--_accent);
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: var(--_accent-soft);
  }
  .option:has(input:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .option:has(input:disabled) {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .option input {
    outline: none;
  }
  .option-text {
    display: grid;
    gap: 0.125em;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .option-label {
    font-weight: 550;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    margin-block-start: 0.125em;
    accent-color: var(--_accent);
    flex: none;
  }
  .other {
    display: grid;
    gap: 0.25em;
    margin-block-start: calc(var(--_spacing) / 2);
  }
  input[type='text'],
  input[type='password'],
  textarea {
    /* 16 px at least, so iOS Safari does not zoom into the field. */
    font: inherit;
    font-size: max(16px, 1em);
    color: var(--_text);
    background: var(--_background);
    border: var(--_border-width) solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.625rem 0.75rem;
    min-block-size: var(--_target);
    inline-size: 100%;
    box-sizing: border-box;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] input[type='text'],
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .error,
  .count.over {
    display: flex;
    align-items: start;
    gap: 0.375em;
    color: var(--_danger);
    font-weight: 600;
    margin-block: 0 calc(var(--_spacing) / 2);
  }
  .count {
    margin-block: 0.375em 0;
  }
  /* A question with a problem: a bar along its side, beside the icon and the words. */
  [part~='question'][aria-invalid='true'],
  [part~='question']:has([aria-invalid='true']) {
    border-inline-start: 0.25rem solid var(--_danger);
    padding-inline-start: 0.75rem;
  }
`;

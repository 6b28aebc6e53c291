import { css } from 'lit';

/** How a question looks wherever it is rendered: in the survey, or as the standalone selector. */
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
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--_spacing) / 2);
  }
  .optional,
  .help,
  .description,
  .count,
  .progress {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.9em;
  }
  .options {
    display: grid;
    gap: calc(var(--_spacing) / 4);
  }
  .option,
  .point,
  .other {
    display: flex;
    align-items: start;
    gap: calc(var(--_spacing) / 2);
    min-block-size: var(--_target);
    cursor: pointer;
  }
  .option-text {
    display: grid;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: max(1.1em, calc(var(--_target) * 0.6));
    block-size: max(1.1em, calc(var(--_target) * 0.6));
    margin: 0;
    margin-block-start: 0.15em;
    accent-color: var(--_accent);
    flex: none;
  }
  .other {
    flex-direction: column;
    margin-block-start: calc(var(--_spacing) / 2);
  }
  input[type='text'],
  input[type='password'],
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5em;
    min-block-size: var(--_target);
    inline-size: 100%;
    box-sizing: border-box;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error,
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
`;

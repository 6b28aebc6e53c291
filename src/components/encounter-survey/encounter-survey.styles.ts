import { css } from 'lit';

/** The survey's own layout: calm spacing, the segmented scale, buttons, progress, status, footer, kiosk. */
export const encounterSurveyStyles = css`
  :host {
    display: block;
    max-inline-size: var(--_max-width);
  }
  [part~='base'] {
    background: var(--_background);
    border-radius: calc(var(--_radius) * 1.5);
    padding: calc(var(--_spacing) * 1.25);
    overflow-wrap: break-word;
  }
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
    margin-block: 0 calc(var(--_spacing) / 2);
  }
  p {
    margin-block: 0 calc(var(--_spacing) / 2);
  }
  [part~='intro'] {
    color: var(--_muted);
  }
  form {
    display: grid;
    gap: calc(var(--_spacing) * 1.75);
    margin-block-start: var(--_spacing);
  }
  form:focus {
    outline: none;
  }
  .page {
    display: grid;
    gap: calc(var(--_spacing) * 1.75);
  }
  /* A calm turn of the page (off under prefers-reduced-motion, with every other motion). */
  .page.turned {
    animation: es-page-in 200ms ease-out;
  }
  @keyframes es-page-in {
    from {
      opacity: 0;
      transform: translateX(0.75rem);
    }
  }

  /* Progress: "Step 2 of 3" and a bar. */
  [part~='progress'] {
    display: grid;
    gap: 0.375em;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  [part~='progress'] p {
    margin: 0;
  }
  [part~='progress-bar'] {
    display: block;
    inline-size: 100%;
    block-size: 0.5rem;
    border-radius: 0.25rem;
    overflow: hidden;
  }
  [part~='progress-bar'] .track {
    fill: var(--_surface);
    stroke: var(--_border);
  }
  [part~='progress-bar'] .fill {
    fill: var(--_accent);
  }

  /* The rating scale: one row of large segments (still a radio group), ends labelled under the ends. */
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .point {
    position: relative;
    flex: 1 1 2.75rem;
    display: grid;
    place-items: center;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    box-sizing: border-box;
    padding: 0.375rem;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .point:hover {
    border-color: var(--_accent);
  }
  .point input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .point:has(input:checked) {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    box-shadow: 0 0 0 2px var(--_background), 0 0 0 4px var(--_accent);
  }
  .point:has(input:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 3px;
  }
  .face {
    inline-size: 2.25rem;
    block-size: 2.25rem;
  }
  .face circle {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
  }
  .face .feature {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
  }
  .face .eye {
    fill: currentColor;
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_spacing);
    margin-block-start: 0.375rem;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .scale-ends span:last-child {
    text-align: end;
  }

  /* Errors: an icon and words, never colour alone. */
  [part~='error-summary'] p {
    display: flex;
    align-items: start;
    gap: 0.5em;
    margin: var(--_spacing) 0 0;
    padding: 0.75rem 1rem;
    border: var(--_border-width) solid var(--_danger);
    border-inline-start-width: 0.375rem;
    border-radius: var(--_radius);
    background: var(--_danger-soft);
    color: var(--_text);
    font-weight: 600;
  }
  [part~='error-summary'] .icon {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 2);
    justify-content: space-between;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.5em 1.5em;
    border-radius: 999px;
    border: 2px solid var(--_accent);
    background: var(--_background);
    color: var(--_accent);
    cursor: pointer;
  }
  button:hover {
    background: var(--_accent-soft);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    margin-inline-start: auto;
  }
  button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  button:disabled {
    opacity: 0.65;
    cursor: progress;
  }
  /* Forced colours: let the system draw every button, so no label can vanish into its background. */
  @media (forced-colors: active) {
    button,
    button.primary,
    button:hover,
    button.primary:hover {
      background: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
    .point:has(input:checked) {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
  }

  [part~='thank-you'] {
    padding-block: var(--_spacing);
  }
  [part~='thank-you']:focus {
    outline: none;
  }
  [part~='status'] {
    color: var(--_muted);
    margin-block: var(--_spacing) 0;
  }
  [part~='status']:empty {
    margin: 0;
  }
  [part~='config-error'] {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_spacing);
  }
  [part~='config-error'] code {
    font-weight: 600;
  }

  /* The safety footer: one heading, the organisation's words, helplines, quick exit, disclosure. */
  [part~='footer'] {
    margin-block-start: calc(var(--_spacing) * 1.5);
    border-block-start: var(--_border-width) solid var(--_border);
    padding-block-start: var(--_spacing);
    font-size: 0.9375em;
    display: grid;
    gap: calc(var(--_spacing) / 2);
  }
  [part~='quick-exit'],
  [part~='disclosure'] {
    justify-self: start;
  }
  [part~='footer'] > * {
    margin: 0;
  }
  [part~='safety-heading'] {
    font-size: 1em;
    font-weight: 650;
  }
  [part~='helplines'] {
    padding-inline-start: 1.25em;
    display: grid;
    gap: 0.25em;
  }
  .helpline-name {
    font-weight: 600;
  }
  [part~='quick-exit'] {
    border-color: var(--_text);
    color: var(--_text);
  }
  [part~='disclosure'] summary {
    cursor: pointer;
    color: var(--_accent);
    min-block-size: var(--_target);
    box-sizing: border-box;
    padding-block: 0.625rem;
  }
  a {
    color: var(--_accent);
    overflow-wrap: anywhere;
  }

`;

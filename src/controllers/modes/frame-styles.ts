import { css, svg } from 'lit';

export const closeIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" fill="none"/></svg>`;

/** What the dialog and the slide-in share: the top bar with Close, and "don't ask again". */
export const frameStyles = css`
  :host([mode='dialog']),
  :host([mode='slide-in']) {
    display: contents;
  }
  :host([mode='dialog']) [part~='base'],
  :host([mode='slide-in']) [part~='base'] {
    padding: 0;
    background: none;
  }
  .frame-bar {
    display: flex;
    justify-content: flex-end;
    margin-block-end: calc(var(--_spacing) / -2);
  }
  [part~='close-button'] {
    display: inline-grid;
    place-items: center;
    inline-size: var(--_target);
    block-size: var(--_target);
    padding: 0;
    border: 2px solid transparent;
    border-radius: 50%;
    background: none;
    color: var(--_text);
  }
  [part~='close-button']:hover {
    border-color: var(--_border);
  }
  [part~='close-button'] svg {
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  [part~='dont-ask-again'] {
    margin-block-start: calc(var(--_spacing) / 2);
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    padding-inline: 0;
  }
`;

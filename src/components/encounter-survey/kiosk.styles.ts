import { css } from 'lit';

/** Kiosk mode's own styles: larger type, the start screen, the idle warning and the staff panel (loaded with kiosk mode). */
export const kioskStyles = css`
  :host([mode='kiosk']) {
    font-size: var(--es-font-size, 1.25rem);
    max-inline-size: none;
    min-block-size: 100%;
  }
  .start {
    display: grid;
    gap: var(--_spacing);
    justify-items: start;
  }
  :host([mode='kiosk']) .start button {
    font-size: 1.25em;
    padding: 0.6em 2em;
    margin-inline-start: 0;
  }
  .idle-warning {
    margin-block-start: var(--_spacing);
    padding: var(--_spacing);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent-soft);
  }
  .staff-corner {
    position: fixed;
    inset-block-start: 0;
    inset-inline-end: 0;
    inline-size: 48px;
    block-size: 48px;
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

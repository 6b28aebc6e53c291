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
  .idle-overlay {
    position: fixed;
    inset: 0;
    z-index: 2;
    display: grid;
    place-items: center;
    padding: var(--_spacing);
    background: rgb(0 0 0 / 0.6);
  }
  .idle-warning {
    box-sizing: border-box;
    inline-size: min(100%, 32rem);
    padding: calc(var(--_spacing) * 1.5);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
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

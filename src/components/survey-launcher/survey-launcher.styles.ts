import { css } from 'lit';

export const surveyLauncherStyles = css`
  :host {
    display: inline-block;
  }
  :host(:not([position='inline'])) {
    position: fixed;
    z-index: 2147482000;
  }
  :host([position='middle-end']),
  :host(:not([position])) {
    inset-inline-end: var(--es-launcher-offset, 0);
    inset-block-start: 50%;
    transform: translateY(-50%);
  }
  :host([position='middle-start']) {
    inset-inline-start: var(--es-launcher-offset, 0);
    inset-block-start: 50%;
    transform: translateY(-50%);
  }
  :host([position='bottom-end']) {
    inset-inline-end: var(--es-launcher-offset, 1rem);
    inset-block-end: var(--es-launcher-offset, 1rem);
  }
  :host([position='bottom-start']) {
    inset-inline-start: var(--es-launcher-offset, 1rem);
    inset-block-end: var(--es-launcher-offset, 1rem);
  }
  button {
    font: inherit;
    font-weight: 650;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.5em 1.25em;
    border: 2px solid var(--_accent);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
  }
  button:hover {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  /* The side tab: text runs along the edge of the page. */
  :host([position='middle-end']) button,
  :host([position='middle-start']) button,
  :host(:not([position])) button {
    writing-mode: vertical-rl;
    padding: 1.25em 0.5em;
    border-radius: var(--_radius);
  }
  :host([position='middle-end']) button,
  :host(:not([position])) button {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  :host([position='middle-start']) button {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  :host([position='inline']) button {
    box-shadow: none;
  }
  /* On a phone a side tab would cover the page's text (the more so in Arabic): the floating button
     docks in a bottom corner, one line of text, 44px high. */
  @media (max-width: 40rem) {
    :host(:not([position='inline'])) {
      inset-block: auto var(--es-launcher-offset, 0.5rem);
      inset-inline: auto var(--es-launcher-offset, 0.5rem);
      transform: none;
    }
    :host([position='middle-start']),
    :host([position='bottom-start']) {
      inset-inline: var(--es-launcher-offset, 0.5rem) auto;
    }
    :host(:not([position='inline'])) button {
      writing-mode: horizontal-tb;
      block-size: var(--_target);
      padding: 0 1em;
      border-radius: 999px;
    }
  }
  @media (forced-colors: active) {
    button,
    button:hover {
      background: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
  }
`;

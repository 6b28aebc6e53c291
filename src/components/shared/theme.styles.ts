import { css } from 'lit';

/**
 * Design tokens shared by every element. Page authors theme with the `--es-*` custom properties
 * (one brand colour, `--es-accent`, derives the rest); nothing here is built from config strings.
 * `theme`: light (default), dark, auto (follows the device), high-contrast; forced colours use the
 * system's own. Every pair of colours in each theme passes WCAG 1.4.3 / 1.4.11 (tested).
 */
/** The dark palette, for `theme="dark"` and for `theme="auto"` on a device set to dark. */
const darkTokens = css`
  color-scheme: dark;
  --_text: var(--es-color-text, #e8eeec);
  --_muted: var(--es-color-muted, #a9b4b0);
  --_background: var(--es-color-background, #121816);
  --_surface: var(--es-color-surface, #1b2320);
  --_border: var(--es-color-border, #7d8884);
  --_accent: var(--es-color-accent, var(--es-accent, #6fd6c1));
  --_accent-text: var(--es-color-accent-text, #0b1412);
  --_danger: var(--es-color-danger, #ff8a80);
  --_accent-soft: color-mix(in srgb, var(--_accent) 16%, var(--_background));
`;

export const themeStyles = css`
  :host {
    --_text: var(--es-color-text, #1d2321);
    --_muted: var(--es-color-muted, #56605c);
    --_background: var(--es-color-background, #ffffff);
    --_surface: var(--es-color-surface, #f5f7f6);
    --_border: var(--es-color-border, #8a9490);
    --_accent: var(--es-color-accent, var(--es-accent, #0e6e5c));
    --_accent-text: var(--es-color-accent-text, #ffffff);
    --_danger: var(--es-color-danger, #b3261e);
    --_focus: var(--es-color-focus, var(--_accent));
    --_accent-soft: color-mix(in srgb, var(--_accent) 10%, var(--_background));
    --_danger-soft: color-mix(in srgb, var(--_danger) 8%, var(--_background));
    --_border-width: 1px;
    --_focus-width: 3px;
    --_radius: var(--es-radius, 0.75rem);
    --_spacing: var(--es-spacing, 1rem);
    --_target: var(--es-target-size, 44px);
    --_max-width: var(--es-max-width, 40rem);
    font-family: var(--es-font-family, inherit);
    font-size: var(--es-font-size, 1rem);
    color: var(--_text);
    line-height: 1.5;
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  /* A fixed palette: black on white, no grey text, thick borders and focus rings. */
  :host([theme='high-contrast']) {
    --_text: #000000;
    --_muted: #000000;
    --_background: #ffffff;
    --_surface: #ffffff;
    --_border: #000000;
    --_accent: #0037a3;
    --_accent-text: #ffffff;
    --_danger: #a00000;
    --_focus: #000000;
    --_accent-soft: #e6ecf8;
    --_danger-soft: #ffffff;
    --_border-width: 2px;
    --_focus-width: 4px;
  }
  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_background: Canvas;
      --_surface: Canvas;
      --_border: CanvasText;
      --_accent: Highlight;
      --_accent-text: HighlightText;
      --_danger: CanvasText;
      --_focus: Highlight;
      --_accent-soft: Canvas;
      --_danger-soft: Canvas;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host *,
    :host *::before,
    :host *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
`;

import { css } from 'lit';

/**
 * Design tokens shared by every element. Page authors theme with these custom properties
 * (prefix `--es-`); nothing here is built from config strings.
 * Light by default, dark under `prefers-color-scheme: dark`, system colours under forced colours.
 */
export const themeStyles = css`
  :host {
    --_text: var(--es-color-text, #1f2328);
    --_muted: var(--es-color-muted, #57606a);
    --_background: var(--es-color-background, #ffffff);
    --_surface: var(--es-color-surface, #f6f8fa);
    --_border: var(--es-color-border, #8c959f);
    --_accent: var(--es-color-accent, #0b5cad);
    --_accent-text: var(--es-color-accent-text, #ffffff);
    --_danger: var(--es-color-danger, #b42318);
    --_focus: var(--es-color-focus, #0b5cad);
    --_radius: var(--es-radius, 0.5rem);
    --_spacing: var(--es-spacing, 1rem);
    --_target: var(--es-target-size, 24px);
    --_max-width: var(--es-max-width, 40rem);
    font-family: var(--es-font-family, inherit);
    font-size: var(--es-font-size, 1rem);
    color: var(--_text);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--es-color-text, #e6edf3);
      --_muted: var(--es-color-muted, #a5afbb);
      --_background: var(--es-color-background, #0d1117);
      --_surface: var(--es-color-surface, #161b22);
      --_border: var(--es-color-border, #6e7681);
      --_accent: var(--es-color-accent, #6cb6ff);
      --_accent-text: var(--es-color-accent-text, #0d1117);
      --_danger: var(--es-color-danger, #ff8b80);
      --_focus: var(--es-color-focus, #6cb6ff);
    }
  }
  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_background: Canvas;
      --_surface: Canvas;
      --_border: CanvasText;
      --_accent: Highlight;
      --_accent-text: HighlightText;
      --_danger: CanvasText;
      --_focus: Highlight;
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
    outline: 3px solid var(--_focus);
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
`;

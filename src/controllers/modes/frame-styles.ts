import { css, type CSSResult, type LitElement } from 'lit';

/**
 * Adds a mode's stylesheet to the element when the mode loads (and removes it when the mode goes),
 * so an inline survey never downloads the styles of dialogs and slide-ins. Constructed stylesheets
 * are not inline styles: a strict `style-src 'self'` allows them.
 */
export function adoptModeStyles(host: LitElement, styles: CSSResult): () => void {
  const root = host.renderRoot as ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return () => undefined;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}

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

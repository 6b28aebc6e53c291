import type { LitElement } from 'lit';
import { checkAccent, contrast, toHex, type Rgb } from '../core/contrast.js';
import { SurveyConfigWarningEvent } from '../events/survey-config-warning.js';

/** Any CSS colour the browser understands, as sRGB numbers (a 1×1 canvas does the conversion). */
function resolveColour(value: string): Rgb | null {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  // A colour the canvas refuses leaves fillStyle as it was: set it twice to tell.
  context.fillStyle = '#000000';
  context.fillStyle = value;
  const first = context.fillStyle;
  context.fillStyle = '#ffffff';
  context.fillStyle = value;
  if (first !== context.fillStyle) return null;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

/**
 * Derives the survey's accent colours from a brand colour, adjusted until text and controls in it
 * pass WCAG 1.4.3 and 1.4.11 against the theme's background, and tells the page author when it had
 * to. The rule written is built from numbers only, never from the colour text the page gave.
 * Returns a function that removes it.
 */
export function applyAccent(host: LitElement, given: string, source: string): () => void {
  const style = getComputedStyle(host);
  const background = resolveColour(style.getPropertyValue('--_background').trim());
  const text = resolveColour(style.getPropertyValue('--_text').trim());
  const accent = resolveColour(given);
  if (!background || !text) return () => undefined;
  if (!accent) {
    warn(host, source, `"${given}" is not a colour the browser understands; the default accent is used.`);
    return () => undefined;
  }
  const check = checkAccent(accent, background, text);
  if (check.adjusted) {
    warn(
      host,
      source,
      `The accent ${toHex(accent)} has a contrast of ${check.given.toFixed(1)}:1 against the background ${toHex(background)}; ` +
        `text and controls in it need 4.5:1 (WCAG 1.4.3, 1.4.11). Using ${toHex(check.accent)} instead ` +
        `(${contrast(check.accent, background).toFixed(1)}:1).`,
    );
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host { --_accent: ${toHex(check.accent)} !important; --_accent-text: ${toHex(check.accentText)} !important; }`);
  const root = host.renderRoot as ShadowRoot;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}

function warn(host: LitElement, path: string, message: string) {
  host.dispatchEvent(new SurveyConfigWarningEvent({ issues: [{ path, message }] }));
  console.warn(`encounter-survey: ${path}: ${message}`);
}

/**
 * WCAG contrast for a brand colour: relative luminance, the contrast ratio, and the nearest colour
 * (mixed toward black or white) that reaches a ratio. Pure arithmetic on sRGB triples; the element
 * turns whatever CSS colour a page gives into numbers first, so nothing here ever reads CSS text.
 */
export type Rgb = readonly [number, number, number];

/** `#abc` or `#aabbcc` → [r, g, b]; null for anything else. */
export function parseHex(value: string): Rgb | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return null;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((digit) => digit + digit).join('') : match[1]!;
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as unknown as Rgb;
}

export const toHex = (rgb: Rgb) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

function channel(value: number) {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const mix = (from: Rgb, to: Rgb, amount: number): Rgb => from.map((value, i) => value + (to[i]! - value) * amount) as unknown as Rgb;

/**
 * `colour` if it reaches `ratio` against `background`; otherwise the least change toward black or
 * white (whichever gets there) that does.
 */
export function reachContrast(colour: Rgb, background: Rgb, ratio: number): Rgb {
  if (contrast(colour, background) >= ratio) return colour;
  const toward: Rgb = luminance(background) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 100; step++) {
    const candidate = mix(colour, toward, step / 100).map(Math.round) as unknown as Rgb;
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return toward;
}

export interface AccentCheck {
  accent: Rgb;
  /** Text on accent-coloured buttons: the background or the text colour, whichever reads better. */
  accentText: Rgb;
  /** Contrast of the colour as given, against the background. */
  given: number;
  adjusted: boolean;
}

/** WCAG 1.4.3 (text, 4.5:1) covers 1.4.11 (controls and focus rings, 3:1) for an accent used as both. */
export const TEXT_CONTRAST = 4.5;

export function checkAccent(accent: Rgb, background: Rgb, text: Rgb): AccentCheck {
  const safe = reachContrast(accent, background, TEXT_CONTRAST);
  const accentText = contrast(background, safe) >= contrast(text, safe) ? background : text;
  return { accent: safe, accentText, given: contrast(accent, background), adjusted: safe !== accent };
}

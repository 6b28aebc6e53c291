import type { LitElement, ReactiveController } from 'lit';
import { afterPaint } from './after-paint.js';

type ThemedHost = LitElement & { theme: string };

/**
 * The brand colour: `--es-accent` from the page's CSS, else `theme.accent` from the config. When one
 * is given, its contrast is checked against the theme in use and adjusted where it fails (in a chunk
 * loaded only then); high contrast and forced colours keep their own palette.
 */
export class ThemeController implements ReactiveController {
  private checked = '';
  private readonly dark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  private drop?: () => void;

  constructor(
    private readonly host: ThemedHost,
    private readonly configAccent: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.dark?.addEventListener('change', this.recheck);
  }

  hostDisconnected() {
    this.dark?.removeEventListener('change', this.recheck);
  }

  hostUpdated() {
    const key = `${this.host.theme}|${this.configAccent() ?? ''}|${this.dark?.matches ?? false}`;
    if (key === this.checked) return;
    this.checked = key;
    void afterPaint().then(() => this.check());
  }

  /** Checks again at the next update (the device's colour scheme changed, or the page's `--es-accent`). */
  readonly recheck = () => {
    this.checked = '';
    this.host.requestUpdate();
  };

  private async check() {
    const pageAccent = getComputedStyle(this.host).getPropertyValue('--es-accent').trim();
    const accent = pageAccent || this.configAccent();
    const fixedPalette = this.host.theme === 'high-contrast' || matchMedia('(forced-colors: active)').matches;
    if (!accent || fixedPalette) return this.apply(undefined);
    try {
      const { applyAccent } = await import('./theme-check.js');
      this.apply(applyAccent(this.host, accent, pageAccent ? '--es-accent' : 'theme.accent'));
    } catch {
      /* the check could not load: the page's own colours stay as they are */
    }
  }

  private apply(drop: (() => void) | undefined) {
    this.drop?.();
    this.drop = drop;
  }
}

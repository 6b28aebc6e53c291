import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterPaint } from './after-paint.js';

/** After the first question shows, what a response needs loads on the first touch, or after this long anyway. */
export const WARM_UP_AFTER_MS = 2000;

export interface WarmUpOptions {
  /** True once the first question can be on screen (the config is known). */
  ready: () => boolean;
  /** Loads what storing a response needs: validation, the payload builder, the outbox and its IndexedDB. */
  warm: () => Promise<unknown>;
}

/**
 * Keeps what a response needs but the first question does not off the first question's path (its
 * bytes, its time, its memory), without making anyone wait for it at Submit: it loads at the first
 * touch of the survey, or a couple of seconds after the first question shows (responses from an
 * earlier visit may be waiting to be sent), whichever comes first. A load that failed (the network
 * dropped) is tried again at the next touch or when the browser is back online.
 */
export class WarmUpController implements ReactiveController {
  private armed = false;
  private warmed = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: WarmUpOptions,
  ) {
    host.addController(this);
  }

  hostUpdated() {
    if (this.armed || !this.options.ready()) return;
    this.armed = true;
    this.listen();
    void afterPaint().then(() => setTimeout(this.warm, WARM_UP_AFTER_MS));
  }

  private listen() {
    this.host.addEventListener('focusin', this.warm, { once: true });
    this.host.addEventListener('pointerdown', this.warm, { once: true });
    addEventListener('online', this.warm, { once: true });
  }

  private readonly warm = () => {
    if (this.warmed) return;
    this.warmed = true;
    this.options.warm().catch(() => {
      this.warmed = false;
      this.listen();
    });
  };
}

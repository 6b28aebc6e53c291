import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from './clock.js';

export interface IdleOptions {
  clock: () => Clock;
  idleMs: () => number;
  warningMs: () => number;
  onTimeout: () => void;
}

/**
 * Kiosk inactivity: after `idleMs` without input, a warning counts down `warningMs` (announced,
 * extendable with one tap, per WCAG 2.2.1); if nobody answers, `onTimeout` runs.
 * Activity on the host (pointer, keys, input) restarts the wait, except while the warning shows.
 */
export class IdleController implements ReactiveController {
  /** Seconds left in the warning, or null while no warning shows. */
  secondsLeft: number | null = null;
  private handle: unknown;
  private running = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: IdleOptions,
  ) {
    host.addController(this);
  }

  hostConnected() {
    for (const type of ['pointerdown', 'keydown', 'input']) this.host.addEventListener(type, this.onActivity, true);
  }

  hostDisconnected() {
    for (const type of ['pointerdown', 'keydown', 'input']) this.host.removeEventListener(type, this.onActivity, true);
    this.stop();
  }

  /** Starts (or restarts) the wait for inactivity. */
  start() {
    this.running = true;
    this.schedule(this.options.idleMs(), () => this.warn());
  }

  stop() {
    this.running = false;
    this.options.clock().clearTimeout(this.handle);
    this.handle = undefined;
    this.setSeconds(null);
  }

  /** "I'm still here": hide the warning and wait again. */
  extend() {
    if (this.running) this.start();
    this.setSeconds(null);
  }

  private readonly onActivity = () => {
    // While the warning shows, only a click on its own button extends: a keydown or pointerdown that
    // ended it would move focus back to the form mid-key, and Enter would then submit the survey.
    if (this.running && this.secondsLeft === null) this.extend();
  };

  private warn() {
    const deadline = this.options.clock().now() + this.options.warningMs();
    const tick = () => {
      const left = Math.max(0, Math.ceil((deadline - this.options.clock().now()) / 1000));
      if (left === 0) {
        this.stop();
        this.options.onTimeout();
        return;
      }
      this.setSeconds(left);
      this.schedule(Math.min(1000, deadline - this.options.clock().now()), tick);
    };
    tick();
  }

  private schedule(ms: number, callback: () => void) {
    const clock = this.options.clock();
    clock.clearTimeout(this.handle);
    this.handle = clock.setTimeout(callback, ms);
  }

  private setSeconds(seconds: number | null) {
    if (seconds === this.secondsLeft) return;
    this.secondsLeft = seconds;
    this.host.requestUpdate();
  }
}

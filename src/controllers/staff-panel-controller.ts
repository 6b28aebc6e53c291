import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pinMatches } from '../core/pin.js';
import type { Outbox } from '../outbox/index.js';
import type { Clock } from './clock.js';

export type StaffPanelState = 'closed' | 'pin' | 'open';

export interface StaffPanelOptions {
  clock: () => Clock;
  /** The configured staff PIN, if any. */
  pin: () => string | undefined;
  outbox: () => Promise<Outbox>;
  /** A panel left open closes by itself after this long without a touch (the kiosk's idle time). */
  idleMs: () => number;
}

/** How long the corner must be held before the staff panel opens. */
export const LONG_PRESS_MS = 3000;

/**
 * The kiosk's staff panel: opened by a deliberate long press on a corner, then an optional PIN
 * (checked on the device, in constant time). Respondents never see queue internals.
 */
export class StaffPanelController implements ReactiveController {
  state: StaffPanelState = 'closed';
  wrongPin = false;
  busy = false;
  private pressHandle: unknown;
  private idleHandle: unknown;

  /** Export hands over every waiting response, so it is offered only behind a PIN. */
  get canExport(): boolean {
    return Boolean(this.options.pin());
  }

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StaffPanelOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.pressEnd();
    this.close();
  }

  pressStart = () => {
    this.pressEnd();
    this.pressHandle = this.options.clock().setTimeout(() => this.open(), LONG_PRESS_MS);
  };

  pressEnd = () => {
    this.options.clock().clearTimeout(this.pressHandle);
    this.pressHandle = undefined;
  };

  open() {
    this.wrongPin = false;
    this.set(this.options.pin() ? 'pin' : 'open');
  }

  unlock(typed: string) {
    const expected = this.options.pin();
    if (!expected || pinMatches(typed, expected)) {
      this.wrongPin = false;
      this.set('open');
    } else {
      this.wrongPin = true;
      this.host.requestUpdate();
    }
  }

  close() {
    this.options.clock().clearTimeout(this.idleHandle);
    this.set('closed');
  }

  /** Staff are still using the panel: restart its own idle time. */
  touch = () => {
    if (this.state === 'closed') return;
    this.options.clock().clearTimeout(this.idleHandle);
    this.idleHandle = this.options.clock().setTimeout(() => this.close(), this.options.idleMs());
  };

  async sendNow() {
    await this.while(async () => (await this.options.outbox()).flush({ ignoreBackoff: true }));
  }

  /** Saves what is queued as a JSON file staff can re-import with `importAll()`. */
  async exportResponses() {
    if (!this.canExport || this.state !== 'open') return;
    await this.while(async () => {
      const data = await (await this.options.outbox()).exportAll();
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `encounter-survey-responses-${new Date(this.options.clock().now()).toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
  }

  private async while(action: () => Promise<void>) {
    this.busy = true;
    this.host.requestUpdate();
    try {
      await action();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private set(state: StaffPanelState) {
    this.state = state;
    this.touch();
    this.host.requestUpdate();
  }
}

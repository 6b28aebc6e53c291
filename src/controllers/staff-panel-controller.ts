import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pinMatches } from '../core/pin.js';
import type { Outbox } from '../outbox/index.js';
import type { Clock } from './clock.js';

export type StaffPanelState = 'closed' | 'pin' | 'open';

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
    return Boolean(this.pin());
  }

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => Clock,
    private readonly pin: () => string | undefined,
    private readonly outbox: () => Outbox,
    /** A panel left open closes by itself after this long without a touch (the kiosk's idle time). */
    private readonly idleMs: () => number,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.pressEnd();
    this.close();
  }

  pressStart = () => {
    this.pressEnd();
    this.pressHandle = this.clock().setTimeout(() => this.open(), LONG_PRESS_MS);
  };

  pressEnd = () => {
    this.clock().clearTimeout(this.pressHandle);
    this.pressHandle = undefined;
  };

  open() {
    this.wrongPin = false;
    this.set(this.pin() ? 'pin' : 'open');
  }

  unlock(typed: string) {
    const expected = this.pin();
    if (!expected || pinMatches(typed, expected)) {
      this.wrongPin = false;
      this.set('open');
    } else {
      this.wrongPin = true;
      this.host.requestUpdate();
    }
  }

  close() {
    this.clock().clearTimeout(this.idleHandle);
    this.set('closed');
  }

  /** Staff are still using the panel: restart its own idle time. */
  touch = () => {
    if (this.state === 'closed') return;
    this.clock().clearTimeout(this.idleHandle);
    this.idleHandle = this.clock().setTimeout(() => this.close(), this.idleMs());
  };

  async sendNow() {
    await this.while(() => this.outbox().flush({ ignoreBackoff: true }));
  }

  /** Saves what is queued as a JSON file staff can re-import with `importAll()`. */
  async exportResponses() {
    if (!this.canExport || this.state !== 'open') return;
    await this.while(async () => {
      const data = await this.outbox().exportAll();
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `encounter-survey-responses-${new Date(this.clock().now()).toISOString().slice(0, 10)}.json`;
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

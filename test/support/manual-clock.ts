import type { Clock } from '../../src/controllers/clock.js';

/** A clock that moves only when a test says so: kiosk timers without real waiting. */
export class ManualClock implements Clock {
  private time = 1_700_000_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now() {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }

  /** Runs every timer due within `ms`, in order, including timers those timers set. */
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      let nextId: number | undefined;
      let next: { at: number; callback: () => void } | undefined;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && (!next || timer.at < next.at)) {
          nextId = id;
          next = timer;
        }
      }
      if (!next || nextId === undefined) break;
      this.timers.delete(nextId);
      this.time = next.at;
      next.callback();
    }
    this.time = end;
  }

  get pendingTimers() {
    return this.timers.size;
  }
}

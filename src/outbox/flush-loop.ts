/**
 * One flush at a time per page and, through the Web Lock, per origin. Requests that arrive while a
 * cycle runs join the next one, which runs with the strongest trigger asked for in between.
 */
import type { Trigger } from '../core/outbox/schedule.js';
import { exclusive, type LockManagerLike } from './coordination.js';

const STRENGTH: Record<Trigger, number> = { timer: 0, wake: 1, force: 2 };

export class FlushLoop {
  private running: Promise<void> | null = null;
  private wanted: Trigger | null = null;

  constructor(
    private readonly options: {
      cycle: (trigger: Trigger) => Promise<void>;
      ready: Promise<void>;
      locks: LockManagerLike | null;
      lockName: string;
      signal: AbortSignal;
    },
  ) {}

  request(trigger: Trigger): Promise<void> {
    if (this.options.signal.aborted) return Promise.resolve();
    if (this.wanted === null || STRENGTH[trigger] > STRENGTH[this.wanted]) this.wanted = trigger;
    if (this.running) return this.running;
    const { cycle, ready, locks, lockName, signal } = this.options;
    this.running = (async () => {
      await ready;
      while (this.wanted !== null && !signal.aborted) {
        const next = this.wanted;
        this.wanted = null;
        await exclusive(locks, lockName, signal, () => cycle(next));
      }
    })()
      .catch((error: unknown) => {
        if (!signal.aborted) console.warn('encounter-survey outbox: flush failed', error);
      })
      .finally(() => (this.running = null));
    return this.running;
  }
}

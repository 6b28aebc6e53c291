import type { ReactiveController, ReactiveControllerHost } from 'lit';

const FIRST_MS = 2000;
const CAP_MS = 30_000;

/**
 * When Submit could not store a response because part of the page could not load (the network
 * dropped before the warm-up finished), stores it by itself once that part loads: tried again
 * after 2 s, doubling to every 30 s, and at once when the browser is back online. The respondent
 * pressed Submit; they should not have to notice the connection came back.
 */
export class SubmitRetryController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private delayMs = FIRST_MS;
  private again?: () => Promise<unknown> | null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * A submit failed with `error`: if a part could not load, `again()` runs later (it returns null
   * when there is nothing left to store: the answers were cleared or stored meanwhile).
   */
  failed(error: unknown, again: () => Promise<unknown> | null) {
    this.cancel();
    if ((error as { code?: string })?.code !== 'part-unavailable') return void (this.delayMs = FIRST_MS);
    this.again = again;
    this.timer = setTimeout(this.run, this.delayMs);
    this.delayMs = Math.min(this.delayMs * 2, CAP_MS);
    addEventListener('online', this.run);
  }

  cancel() {
    clearTimeout(this.timer);
    removeEventListener('online', this.run);
  }

  hostDisconnected() {
    this.cancel();
  }

  private readonly run = () => {
    this.cancel();
    const again = this.again;
    void again?.()?.then(
      () => (this.delayMs = FIRST_MS),
      (error: unknown) => this.failed(error, again),
    );
  };
}

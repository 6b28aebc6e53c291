import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isSurveySummary, type SurveySummary } from '../../core/summary.js';

export type SummaryLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Fetches a summary from a URL for `<survey-summary>`: no cookies, no referrer, aborts the
 * previous request when the URL changes or the element disconnects, ignores stale answers, and
 * checks the shape before handing it over. Only `http:`, `https:` and `blob:` URLs are fetched.
 */
export class SummaryController implements ReactiveController {
  status: SummaryLoadStatus = 'idle';
  readonly #host: ReactiveControllerHost;
  readonly #onData: (summary: SurveySummary) => void;
  #abort: AbortController | null = null;
  #src: string | null = null;

  constructor(host: ReactiveControllerHost, onData: (summary: SurveySummary) => void) {
    this.#host = host;
    this.#onData = onData;
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected after a move in the DOM: fetch again if we were cut off.
    if (this.#src && this.status === 'loading' && !this.#abort) void this.load(this.#src);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
  }

  async load(src: string | null): Promise<void> {
    this.#abort?.abort();
    this.#abort = null;
    this.#src = src;
    if (!src) {
      this.#set('idle');
      return;
    }
    let url: URL;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      this.#set('error');
      return;
    }
    if (!['http:', 'https:', 'blob:'].includes(url.protocol)) {
      this.#set('error');
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#set('loading');
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        headers: { accept: 'application/json' },
        signal: abort.signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data: unknown = await response.json();
      if (abort.signal.aborted) return;
      if (!isSurveySummary(data)) throw new Error('not a summary');
      this.#abort = null;
      this.#onData(data);
      this.#set('ready');
    } catch {
      if (abort.signal.aborted) return; // superseded or disconnected: not an error
      this.#abort = null;
      this.#set('error');
    }
  }

  #set(status: SummaryLoadStatus): void {
    this.status = status;
    this.#host.requestUpdate();
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveFetchUrl } from '../core/urls.js';

export type JsonSourceState =
  | { status: 'idle' }
  | { status: 'loading'; url: string }
  | { status: 'ready'; url: string; text: string }
  /** `httpStatus` when the server answered with an error; otherwise no answer or an unusable URL. */
  | { status: 'error'; url: string; message: string; httpStatus?: number };

/**
 * Fetches a JSON file named by an attribute (a survey config, a summary), after Lit's `Task`: one
 * request at a time, the previous one aborted when the URL changes or the element leaves the page,
 * stale answers ignored, and the request made again if a move in the DOM cut it off. No cookies, no
 * referrer. Hands over the text; what it means is the element's business.
 */
export class JsonSourceController implements ReactiveController {
  state: JsonSourceState = { status: 'idle' };
  private abort?: AbortController;
  private src: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (state: JsonSourceState) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected() {
    if (this.state.status === 'loading' && !this.abort) void this.fetch(this.src);
  }

  hostDisconnected() {
    if (this.state.status !== 'loading') return;
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Loads `src` unless it is what is loaded (or loading) already; null clears. */
  load(src: string | null) {
    if (src === this.src && this.state.status !== 'idle') return;
    void this.fetch(src);
  }

  private async fetch(src: string | null) {
    this.abort?.abort();
    this.abort = undefined;
    this.src = src;
    if (!src) return this.set({ status: 'idle' });
    const target = resolveFetchUrl(src, document.baseURI);
    if (!target.ok) return this.set({ status: 'error', url: src, message: target.message });
    const abort = (this.abort = new AbortController());
    this.set({ status: 'loading', url: src });
    try {
      const response = await fetch(target.url, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        headers: { accept: 'application/json' },
        signal: abort.signal,
      });
      const text = await response.text();
      if (abort.signal.aborted) return;
      this.abort = undefined;
      if (!response.ok) return this.set({ status: 'error', url: src, message: `HTTP ${response.status}`, httpStatus: response.status });
      this.set({ status: 'ready', url: src, text });
    } catch (error) {
      if (abort.signal.aborted) return; // superseded or disconnected: not an error
      this.abort = undefined;
      this.set({ status: 'error', url: src, message: (error as Error).message });
    }
  }

  private set(state: JsonSourceState) {
    this.state = state;
    this.onChange(state);
    this.host.requestUpdate();
  }
}

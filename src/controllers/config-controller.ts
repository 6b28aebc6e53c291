import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SurveyConfigError } from '../core/config/errors.js';
import { parseSurveyConfig, parseSurveyConfigJson } from '../core/config/parse.js';
import type { SurveyConfig } from '../core/config/schema.js';
import { getPreset, presets, type PresetName } from '../presets/index.js';

export type ConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: SurveyConfig }
  | { status: 'error'; issues: ReadonlyArray<{ path: string; message: string }> };

export interface ConfigSources {
  /** The `config` property: an object (or JSON text) set from script. */
  config: unknown;
  /** Text of an inline `<script type="application/json">` child. */
  inlineJson: string | null;
  /** The `src` attribute: URL of a JSON file. */
  src: string | null;
  /** The `preset` attribute. */
  preset: string | null;
}

const issuesOf = (error: unknown) =>
  error instanceof SurveyConfigError ? error.issues : [{ path: '', message: String((error as Error)?.message ?? error) }];

/**
 * Turns the element's config sources into a parsed config, in order of precedence:
 * `config` property, inline JSON, `src`, `preset` (default `peer-support-encounter`).
 * A `src` fetch is aborted when the sources change, and a stale answer is ignored.
 */
export class ConfigController implements ReactiveController {
  state: ConfigState = { status: 'loading' };
  private abort?: AbortController;
  private lastKey?: unknown[];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onResolved: (state: ConfigState) => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Moved in the DOM while a `src` fetch was in flight: fetch again.
    if (!this.lastKey) this.host.requestUpdate();
  }

  hostDisconnected() {
    // Only an unfinished fetch is abandoned; a resolved config stays as it is (no re-parse, no reset).
    if (this.state.status === 'loading' && this.abort && !this.abort.signal.aborted) {
      this.abort.abort();
      this.lastKey = undefined;
    }
  }

  /** Resolves again when any source changed since the last call. */
  update(sources: ConfigSources) {
    const key = [sources.config, sources.inlineJson, sources.src, sources.preset];
    if (this.lastKey && key.every((part, index) => part === this.lastKey![index])) return;
    this.lastKey = key;
    this.abort?.abort();
    if (sources.config !== undefined && sources.config !== null) {
      return this.settle(() =>
        typeof sources.config === 'string'
          ? parseSurveyConfigJson(sources.config, 'the config property')
          : parseSurveyConfig(sources.config),
      );
    }
    if (sources.inlineJson !== null) {
      return this.settle(() => parseSurveyConfigJson(sources.inlineJson!, 'the inline <script type="application/json">'));
    }
    if (sources.src) return void this.load(sources.src);
    const name = (sources.preset || 'peer-support-encounter') as PresetName;
    return this.settle(() => {
      if (!(name in presets)) {
        throw new SurveyConfigError([
          { path: 'preset', message: `Unknown preset "${name}". Use one of: ${Object.keys(presets).join(', ')}.` },
        ]);
      }
      return parseSurveyConfig(getPreset(name));
    });
  }

  private settle(parse: () => SurveyConfig) {
    try {
      this.set({ status: 'ready', config: parse() });
    } catch (error) {
      this.set({ status: 'error', issues: issuesOf(error) });
    }
  }

  private async load(src: string) {
    const abort = (this.abort = new AbortController());
    this.set({ status: 'loading' });
    let url: URL;
    try {
      url = new URL(src, document.baseURI);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    } catch {
      return this.set({ status: 'error', issues: [{ path: 'src', message: `"${src}" is not an http(s) URL.` }] });
    }
    try {
      const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: abort.signal });
      const text = await response.text();
      if (abort.signal.aborted) return;
      if (!response.ok) {
        return this.set({
          status: 'error',
          issues: [{ path: 'src', message: `Config from "${src}" could not be loaded (HTTP ${response.status}).` }],
        });
      }
      this.settle(() => parseSurveyConfigJson(text, src));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.set({
        status: 'error',
        issues: [{ path: 'src', message: `Config from "${src}" could not be loaded: ${(error as Error).message}.` }],
      });
    }
  }

  private set(state: ConfigState) {
    this.state = state;
    this.onResolved(state);
    this.host.requestUpdate();
  }
}

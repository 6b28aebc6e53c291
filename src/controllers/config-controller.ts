import type { ReactiveControllerHost } from 'lit';
import type { ConfigIssue } from '../core/config/errors.js';
import { readSurveyConfig } from '../core/config/read.js';
import type { SurveyConfig } from '../core/config/schema.js';
import { afterPaint } from './after-paint.js';
import { JsonSourceController, type JsonSourceState } from './json-source-controller.js';
import { loadRespondParts, PartUnavailableError } from './load-part.js';

export { PartUnavailableError };

export type ConfigState =
  | { status: 'loading' }
  /** `validated` is false while only the quick read is done (enough to show, not to submit). */
  | { status: 'ready'; config: SurveyConfig; validated: boolean }
  | { status: 'error'; issues: readonly ConfigIssue[] };

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

const DEFAULT_PRESET = 'peer-support-encounter';

/**
 * Turns the element's config sources into a config, in order of precedence: `config` property,
 * inline JSON, `src`, `preset` (default `peer-support-encounter`). A quick read shows the survey at
 * once; full validation (zod, a chunk of its own) follows once the survey warms up (`prepare()`),
 * and replaces it with the normalised config or with every problem found. `validated()` is what
 * Submit waits for.
 */
export class ConfigController {
  state: ConfigState = { status: 'loading' };
  private readonly source: JsonSourceController;
  private sources?: ConfigSources;
  private configJson?: string;
  /** Bumped whenever the sources change, so a late answer for old sources is dropped. */
  private generation = 0;
  private validation?: { input: unknown; from: string; result?: Promise<SurveyConfig> };
  /** Until the survey warms up (first touch, or shortly after it shows), validation waits. */
  private warm = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (state: ConfigState) => void,
  ) {
    this.source = new JsonSourceController(host, (state) => this.fromSource(state));
  }

  /** Resolves again when a source changed since the last call; an equal `config` object changes nothing. */
  update(sources: ConfigSources) {
    const last = this.sources;
    this.sources = sources;
    if (last && last.inlineJson === sources.inlineJson && last.src === sources.src && last.preset === sources.preset) {
      if (last.config === sources.config) return;
      // A framework passing a fresh copy of the same config on every render must not disturb anything.
      const json = contentOf(sources.config);
      if (json !== undefined && json === this.configJson) return;
    }
    this.configJson = contentOf(sources.config);
    this.generation++;
    this.validation = undefined;
    const { config, inlineJson, src, preset } = sources;
    const fromConfig = config !== undefined && config !== null;
    this.source.load(fromConfig || inlineJson !== null ? null : src || null);
    if (fromConfig) return this.settle(config, 'the config property');
    if (inlineJson !== null) return this.settle(inlineJson, 'the inline <script type="application/json">');
    if (src) return this.set({ status: 'loading' });
    void this.fromPreset(preset || DEFAULT_PRESET, this.generation);
  }

  /** Loads and runs full validation now, and for every later config as soon as it shows. */
  prepare() {
    this.warm = true;
    // Again after a failed load (the warm-up retries): validation's verdict should not wait for Submit.
    if (this.validation && !this.validation.result) this.validate().catch(() => undefined);
  }

  /** The fully validated config; rejects with the config's problems, or when validation cannot load. */
  validated(): Promise<SurveyConfig> {
    if (this.state.status === 'error') return Promise.reject(new Error('The survey config has problems.'));
    if (!this.validation) return Promise.reject(new Error('The survey config is still loading.'));
    return this.validate();
  }

  private fromSource(state: JsonSourceState) {
    if (!this.sources?.src || this.sources.config != null || this.sources.inlineJson !== null) return;
    if (state.status === 'ready') this.settle(state.text, state.url);
    else if (state.status === 'error') {
      const why = state.httpStatus ? `could not be loaded (HTTP ${state.httpStatus})` : `could not be loaded: ${state.message}`;
      this.set({ status: 'error', issues: [{ path: 'src', message: `Config from "${state.url}" ${why}.` }] });
    }
  }

  private async fromPreset(name: string, generation: number) {
    this.set({ status: 'loading' });
    try {
      const { getPreset, presets } = await import('../presets/index.js');
      if (generation !== this.generation) return;
      const preset = getPreset(name);
      if (preset) return this.settle(preset, `the "${name}" preset`);
      const message = `Unknown preset "${name}". Use one of: ${Object.keys(presets).join(', ')}.`;
      this.set({ status: 'error', issues: [{ path: 'preset', message }] });
    } catch {
      if (generation === this.generation) this.set({ status: 'error', issues: [{ path: 'preset', message: `The "${name}" preset could not be loaded; check the connection and reload the page.` }] });
    }
  }

  /** JSON text or a value: show the quick read now, validate after the first paint. */
  private settle(input: unknown, from: string) {
    let value = input;
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input);
      } catch {
        value = undefined; // the parser's own message explains what is wrong with the text
      }
    }
    const quick = value === undefined ? null : readSurveyConfig(value);
    this.validation = { input, from };
    if (!quick) {
      this.set({ status: 'loading' });
      return void this.validate().catch(() => undefined);
    }
    this.set({ status: 'ready', config: quick, validated: false });
    if (!this.warm) return;
    const generation = this.generation;
    void afterPaint().then(() => {
      if (generation === this.generation) this.validate().catch(() => undefined);
    });
  }

  private validate(): Promise<SurveyConfig> {
    const validation = this.validation!;
    if (validation.result) return validation.result;
    const generation = this.generation;
    const result = loadRespondParts().then(
      ({ safeParseSurveyConfigJson, safeParseSurveyConfig }) => {
        const { input, from } = validation;
        const parsed = typeof input === 'string' ? safeParseSurveyConfigJson(input, from) : safeParseSurveyConfig(input, from);
        if (generation === this.generation) {
          this.set(parsed.success ? { status: 'ready', config: parsed.config, validated: true } : { status: 'error', issues: parsed.error.issues });
        }
        if (!parsed.success) throw parsed.error;
        return parsed.config;
      },
      (error: unknown) => {
        // Offline or a missing file: keep showing the survey; Submit says it could not finish, and retries.
        if (validation.result === result) validation.result = undefined;
        throw error;
      },
    );
    validation.result = result;
    return result;
  }

  private set(state: ConfigState) {
    this.state = state;
    this.onChange(state);
    this.host.requestUpdate();
  }
}

/** The config property's content, for telling a fresh copy from a real change; undefined if unreadable. */
function contentOf(config: unknown): string | undefined {
  if (config === undefined || config === null) return undefined;
  if (typeof config === 'string') return config;
  try {
    return JSON.stringify(config);
  } catch {
    return undefined;
  }
}

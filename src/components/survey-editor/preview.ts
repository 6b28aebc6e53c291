import { html, nothing, type TemplateResult } from 'lit';
import type { SurveyConfigInput } from '../../core/config/schema.js';
import type { EncounterSurvey } from '../encounter-survey/encounter-survey.js';
import '../encounter-survey/encounter-survey.define.js';
import { previewOutbox } from './preview-outbox.js';
import type { EditorStrings } from '../../i18n/editor/index.js';

/**
 * The live preview: the real `<encounter-survey>` with the survey being written. It never posts:
 * Submit is cancelled at `survey-submit` (before anything is stored), its outbox holds and sends
 * nothing (./preview-outbox.ts), and its endpoint is a reserved `.invalid` name that cannot resolve.
 * Kiosk, dialog and slide-in are the survey's own modes.
 */
export const PREVIEW_ENDPOINT = 'https://preview.invalid/responses';
export type PreviewMode = 'inline' | 'kiosk' | 'dialog' | 'slide-in';
export const PREVIEW_MODES: readonly PreviewMode[] = ['inline', 'kiosk', 'dialog', 'slide-in'];

export interface PreviewState {
  /** The last config without problems (null: none yet). */
  config: SurveyConfigInput | null;
  stale: boolean;
  mode: PreviewMode;
  locale: string;
  width: 'phone' | 'desktop';
  message: string;
}

export interface PreviewOptions extends PreviewState {
  t: EditorStrings;
  locales: readonly string[];
  languageName(code: string): string;
  change(update: Partial<PreviewState>): void;
}

export function previewPanel(options: PreviewOptions): TemplateResult {
  const { t } = options;
  const framed = options.mode === 'dialog' || options.mode === 'slide-in';
  const radios = <T extends string>(name: string, legend: string, values: readonly T[], current: T, labels: Record<string, string>, pick: (value: T) => void) =>
    html`<fieldset class="choices">
      <legend>${legend}</legend>
      ${values.map(
        (value) => html`<label><input type="radio" name=${name} .checked=${value === current} @change=${() => pick(value)} />${labels[value] ?? value}</label>`,
      )}
    </fieldset>`;
  return html`<section class="panel preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${t.preview}</h2>
    <div class="row">
      ${radios('preview-mode', t.previewMode, PREVIEW_MODES, options.mode, t.previewModes, (mode) => options.change({ mode }))}
      ${radios('preview-width', t.previewWidth, ['phone', 'desktop'] as const, options.width, t.widths, (width) => options.change({ width }))}
      ${options.locales.length > 1
        ? radios('preview-lang', t.previewLanguage, options.locales, options.locale, Object.fromEntries(options.locales.map((code) => [code, options.languageName(code)])), (locale) =>
            options.change({ locale }),
          )
        : nothing}
    </div>
    ${options.stale ? html`<p class="help">${t.previewStale}</p>` : nothing}
    <p class="help" role="status">${options.message}</p>
    ${framed
      ? html`<button type="button" id="open-preview" @click=${(event: Event) =>
          ((event.target as HTMLElement).closest('.preview')!.querySelector('encounter-survey') as EncounterSurvey | null)?.open()}>${t.openPreview}</button>`
      : nothing}
    ${options.config
      ? html`<div class=${`frame ${options.width}`}>
          <encounter-survey
            .config=${options.config}
            .outbox=${previewOutbox}
            endpoint=${PREVIEW_ENDPOINT}
            mode=${options.mode}
            lang=${options.locale}
            @survey-submit=${(event: Event) => {
              event.preventDefault();
              options.change({ message: t.previewNothingSent });
            }}
          ></encounter-survey>
        </div>`
      : nothing}
  </section>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ConfigIssue } from '../../core/config/errors.js';
import { getAt, pathKey, textIn, type EditableConfig, type Path } from '../../core/editor/edits.js';
import type { LocalizedText } from '../../core/config/schema.js';
import type { EditorStrings } from '../../i18n/editor/index.js';

/**
 * The editor's form fields, each bound to a path in the config: its label, its control, and the
 * config's issues for that path right under it (`aria-invalid`, `aria-describedby`), so a problem is
 * read out with the field it belongs to. The element owns every change (`set`).
 */
export interface FieldContext {
  t: EditorStrings;
  config: EditableConfig;
  issues: readonly ConfigIssue[];
  /** A new value at a path; typing in one field is one undo step (`coalesce`). */
  set(path: Path, value: unknown, options?: { coalesce?: boolean }): void;
  /** The text of a translatable field in one language (one undo step per field typed in). */
  setText(path: Path, locale: string, text: string): void;
}

/** `questions[2].label` → `questions-2-label`, usable in an id. */
export const idFor = (path: Path, prefix = 'f') => `${prefix}-${path.map((key) => String(key).replace(/[^A-Za-z0-9_-]/g, '_')).join('-')}`;

/** The issues a field shows: those at its path, and those under it (a translation of its text). */
export function issuesAt(issues: readonly ConfigIssue[], path: Path): ConfigIssue[] {
  const key = pathKey(path);
  return issues.filter((issue) => issue.path === key || issue.path.startsWith(`${key}.`) || issue.path.startsWith(`${key}[`));
}

function described(context: FieldContext, path: Path, help?: string, prefix = 'f') {
  const id = idFor(path, prefix);
  const problems = issuesAt(context.issues, path);
  const ids = [help ? `${id}-help` : '', problems.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const below = html`${help ? html`<p id="${id}-help" class="help">${help}</p>` : nothing}${problems.length
    ? html`<p id="${id}-error" class="issue">${problems.map((issue) => issue.message).join(' · ')}</p>`
    : nothing}`;
  return { id, ids: ids || nothing, invalid: problems.length ? 'true' : nothing, below };
}

export interface TextOptions {
  label: string;
  help?: string;
  multiline?: boolean;
  /** Text in one language of a translatable field (default: the survey's first language). */
  locale?: string;
  /** The control's id prefix (the translations table has its own). */
  prefix?: string;
  /** The language and direction of the text typed (a translation; Arabic is typed right to left). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Shown after the control (the "Missing" flag of a translation). */
  after?: unknown;
  /** Plain string fields (ids, addresses). */
  plain?: boolean;
  type?: string;
}

/** A text field; for translatable text, the text in one language. */
export function textField(context: FieldContext, path: Path, options: TextOptions): TemplateResult {
  const { config } = context;
  const locales = config.locales ?? ['en'];
  const locale = options.locale ?? locales[0]!;
  const raw = getAt(config, path);
  const value = options.plain ? (raw === undefined ? '' : String(raw)) : textIn(raw as LocalizedText | undefined, locale, locales[0]!);
  const { id, ids, invalid, below } = described(context, path, options.help, options.prefix);
  const onInput = (event: Event) => {
    const text = (event.target as HTMLInputElement).value;
    if (options.plain) context.set(path, text === '' ? undefined : text, { coalesce: true });
    else context.setText(path, locale, text);
  };
  const control = options.multiline
    ? html`<textarea id=${id} rows="2" lang=${options.lang ?? nothing} dir=${options.dir ?? nothing} .value=${live(value)} aria-describedby=${ids} aria-invalid=${invalid} @input=${onInput}></textarea>`
    : html`<input id=${id} type=${options.type ?? 'text'} lang=${options.lang ?? nothing} dir=${options.dir ?? nothing} .value=${live(value)} aria-describedby=${ids} aria-invalid=${invalid} @input=${onInput} />`;
  return html`<div class="field"><label for=${id}>${options.label}</label>${control}${options.after ?? nothing}${below}</div>`;
}

/** A whole number; empty removes the key (its default applies). */
export function numberField(context: FieldContext, path: Path, label: string, { min, max, fallback }: { min?: number; max?: number; fallback?: number } = {}): TemplateResult {
  const raw = getAt(context.config, path);
  const { id, ids, invalid, below } = described(context, path);
  return html`<div class="field number"><label for=${id}>${label}</label>
    <input id=${id} type="number" inputmode="numeric" min=${min ?? nothing} max=${max ?? nothing} placeholder=${fallback ?? nothing} .value=${live(raw === undefined ? '' : String(raw))}
      aria-describedby=${ids} aria-invalid=${invalid}
      @input=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        context.set(path, text === '' ? undefined : Number(text), { coalesce: true });
      }} />${below}</div>`;
}

export function checkboxField(context: FieldContext, path: Path, label: string, fallback = false): TemplateResult {
  const raw = getAt(context.config, path);
  const { id, ids, invalid, below } = described(context, path);
  return html`<div class="field check">
    <input id=${id} type="checkbox" .checked=${live(raw === undefined ? fallback : Boolean(raw))} aria-describedby=${ids} aria-invalid=${invalid}
      @change=${(event: Event) => context.set(path, (event.target as HTMLInputElement).checked)} />
    <label for=${id}>${label}</label>${below}</div>`;
}

export function selectField(
  context: FieldContext,
  path: Path,
  label: string,
  choices: ReadonlyArray<{ value: string; label: string }>,
  onChange: (value: string) => void = (value) => context.set(path, value),
  /** What the survey uses when the config does not say (shown as chosen). */
  fallback = '',
): TemplateResult {
  const current = String(getAt(context.config, path) ?? fallback);
  const { id, ids, invalid, below } = described(context, path);
  return html`<div class="field"><label for=${id}>${label}</label>
    <select id=${id} aria-describedby=${ids} aria-invalid=${invalid} @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}>
      ${choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === current}>${choice.label}</option>`)}
    </select>${below}</div>`;
}

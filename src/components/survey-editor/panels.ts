import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULTS } from '../../core/config/defaults.js';
import type { ConfigIssue } from '../../core/config/errors.js';
import type { LocalizedText } from '../../core/config/schema.js';
import { EDITOR_LOCALES, getAt, missingTranslations, pathKey, textFields, textIn, type Path } from '../../core/editor/edits.js';
import type { LintFinding } from '../../core/editor/lint.js';
import { embedSnippet, SNIPPET_KINDS, type SnippetKind } from '../../core/editor/snippets.js';
import { checkboxField, idFor, numberField, selectField, textField, type FieldContext } from './fields.js';

const TIME_BUCKETS = ['hour', 'day', 'week', 'month'];

// Intl.DisplayNames is slow to construct and the translations table asks for a name per cell.
const names = new Map<string, string>();
export const languageName = (code: string, lang: string) => {
  const key = `${lang}|${code}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    names.set(key, name);
  }
  return name;
};

/** The survey's own settings: id, title, texts, languages, time bucket, endpoint, looks, tags, kiosk. */
export function settingsPanel(context: FieldContext, lang: string, toggleLocale: (code: string, on: boolean) => void): TemplateResult {
  const { t, config } = context;
  const locales = config.locales ?? ['en'];
  const tags = Object.entries(config.tags ?? {});
  return html`<section class="panel" aria-labelledby="settings-heading">
    <h2 id="settings-heading">${t.settings}</h2>
    ${textField(context, ['title'], { label: t.title })}
    ${textField(context, ['intro'], { label: t.intro, multiline: true })}
    ${textField(context, ['thankYou'], { label: t.thankYou })}
    <div class="row">
      ${textField(context, ['id'], { label: t.surveyId, plain: true, help: t.surveyIdHelp })}
      ${textField(context, ['version'], { label: t.version, plain: true })}
    </div>
    <fieldset class="languages" aria-describedby="languages-help">
      <legend>${t.languages}</legend>
      <p id="languages-help" class="help">${t.languagesHelp}</p>
      ${EDITOR_LOCALES.map(
        (code) => html`<div class="field check">
          <input id=${`locale-${code}`} type="checkbox" .checked=${locales.includes(code)} ?disabled=${locales.length === 1 && locales[0] === code}
            @change=${(event: Event) => toggleLocale(code, (event.target as HTMLInputElement).checked)} />
          <label for=${`locale-${code}`}>${languageName(code, lang)}</label>
        </div>`,
      )}
    </fieldset>
    ${selectField(context, ['timeBucket'], t.timeBucket, TIME_BUCKETS.map((value) => ({ value, label: t.buckets[value]! })), undefined, DEFAULTS.timeBucket)}
    ${textField(context, ['endpoint'], { label: t.endpoint, plain: true, type: 'url' })}
    ${textField(context, ['theme', 'accent'], { label: t.accent, plain: true })}
    ${textField(context, ['safety', 'footer'], { label: t.footer, multiline: true })}
    <fieldset>
      <legend>${t.tags}</legend>
      ${tags.map(
        ([name]) => html`<div class="row">
          ${textField(context, ['tags', name], { label: `${t.tagValue} (${name})`, plain: true })}
          <button type="button" class="quiet" @click=${() => context.set(['tags', name], undefined)}>${t.removeTag(name)}</button>
        </div>`,
      )}
      <form class="row" @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const input = (event.target as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
        const name = input.value.trim();
        if (name) context.set(['tags', name], String(getAt(config, ['tags', name]) ?? ''));
        input.value = '';
      }}>
        <div class="field"><label for="new-tag">${t.tagName}</label><input id="new-tag" name="tag" /></div>
        <button type="submit" class="quiet">${t.addTag}</button>
      </form>
    </fieldset>
    <fieldset>
      <legend>${t.kiosk}</legend>
      ${numberField(context, ['kiosk', 'idleSeconds'], t.idleSeconds, { min: 30, max: 3600, fallback: DEFAULTS.kiosk.idleSeconds })}
      ${checkboxField(context, ['kiosk', 'passTheTablet'], t.passTheTablet, DEFAULTS.kiosk.passTheTablet)}
      ${textField(context, ['kiosk', 'startMessage'], { label: t.startMessage })}
    </fieldset>
  </section>`;
}

/** Every text in every language of the survey, side by side; an empty one is flagged "Missing". */
export function translationsPanel(context: FieldContext, lang: string): TemplateResult {
  const { t, config } = context;
  const locales = config.locales ?? ['en'];
  const missing = missingTranslations(config);
  const rowName = (kind: string, question?: number) => (question ? t.inQuestion(t.fieldNames[kind] ?? kind, question) : (t.fieldNames[kind] ?? kind));
  return html`<section class="panel" aria-labelledby="translations-heading">
    <h2 id="translations-heading">${t.translations}</h2>
    <p class="help" role="status">${t.missingCount(missing.length)}</p>
    <div class="translations">
      ${textFields(config).map(
        (field) => html`<fieldset class="translation">
          <legend>${rowName(field.kind, field.question)}</legend>
          ${locales.map((locale) => {
            const empty = !textIn(getAt(config, field.path) as LocalizedText | undefined, locale, locales[0]!).trim();
            return textField(context, field.path, {
              label: languageName(locale, lang),
              locale,
              prefix: `t-${locale}`,
              lang: locale,
              dir: locale === 'ar' ? 'rtl' : 'ltr',
              after: empty ? html`<span class="missing">${t.missing}</span>` : nothing,
            });
          })}
        </fieldset>`,
      )}
    </div>
  </section>`;
}

/** Moves focus to the field of a path (or the nearest one above it that is on screen). */
export type GoTo = (path: string) => void;

/** Every problem in one list, each a link to its field. */
export function issueSummary(t: FieldContext['t'], issues: readonly ConfigIssue[], goTo: GoTo): TemplateResult {
  return html`<section class="panel summary" aria-labelledby="issues-heading">
    <h2 id="issues-heading" tabindex="-1">${issues.length ? t.issuesHeading(issues.length) : t.noIssues}</h2>
    ${issues.length
      ? html`<ul>
          ${issues.map(
            (issue) => html`<li><a href=${`#${idFor(issue.path.split(/[.[\]]+/).filter(Boolean))}`} @click=${(event: Event) => {
              event.preventDefault();
              goTo(issue.path);
            }}>${issue.path || '(survey)'}</a>: ${issue.message}</li>`,
          )}
        </ul>`
      : nothing}
  </section>`;
}

/** The re-identification lint, in plain words. */
export function privacyPanel(t: FieldContext['t'], findings: readonly LintFinding[], goTo: GoTo): TemplateResult {
  const say = (finding: LintFinding) => {
    const message = t.lint[finding.code] as (name: string, count: number) => string;
    return message(finding.name ?? '', finding.count ?? 0);
  };
  return html`<section class="panel" aria-labelledby="privacy-heading">
    <h2 id="privacy-heading">${t.privacy}</h2>
    ${findings.length === 0
      ? html`<p>${t.privacyNone}</p>`
      : html`<ul class="lint">
          ${findings.map(
            (finding) => html`<li data-code=${finding.code}>${say(finding)}
              <a href=${`#${idFor(finding.path)}`} @click=${(event: Event) => {
                event.preventDefault();
                goTo(pathKey(finding.path));
              }}>${pathKey(finding.path as Path)}</a></li>`,
          )}
        </ul>`}
    <p class="help">${t.privacyNote}</p>
  </section>`;
}

export interface ExportOptions {
  valid: boolean;
  json: string;
  scriptUrl: string;
  copy(text: string): void;
  download(): void;
  message: string;
}

/** JSON and embed snippets, only for a survey without problems. */
export function exportPanel(context: FieldContext, options: ExportOptions): TemplateResult {
  const { t, config } = context;
  return html`<section class="panel" aria-labelledby="export-heading">
    <h2 id="export-heading">${t.publish}</h2>
    ${options.valid
      ? html`<div class="row">
            <button type="button" id="copy-json" @click=${() => options.copy(options.json)}>${t.copyJson}</button>
            <button type="button" id="download-json" @click=${options.download}>${t.downloadJson}</button>
          </div>
          <label for="json-out">JSON</label>
          <textarea id="json-out" class="code" readonly rows="8" .value=${options.json}></textarea>
          <h3>${t.snippets}</h3>
          ${SNIPPET_KINDS.map((kind: SnippetKind) => {
            const code = embedSnippet(kind, config, { scriptUrl: options.scriptUrl });
            return html`<div class="snippet">
              <label for=${`snippet-${kind}`}>${t.snippetNames[kind]}</label>
              <textarea id=${`snippet-${kind}`} class="code" readonly rows="5" .value=${code}></textarea>
              <button type="button" class="quiet" @click=${() => options.copy(code)}>${t.copySnippet(t.snippetNames[kind]!)}</button>
            </div>`;
          })}`
      : html`<p class="issue" id="export-blocked">${t.exportBlocked}</p>`}
    <p role="status" class="help">${options.message}</p>
  </section>`;
}

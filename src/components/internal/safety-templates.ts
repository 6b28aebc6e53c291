import { html, nothing } from 'lit';
import type { SurveyConfig } from '../../core/config/schema.js';
import { describeSubmission, type SubmissionField } from '../../core/disclosure.js';
import { localize } from '../../core/text.js';
import { checkSafeUrl } from '../../core/urls.js';
import type { SurveyStrings } from '../../i18n/index.js';

interface SafetyContext {
  config: SurveyConfig;
  locale: string;
  t: SurveyStrings;
  onQuickExit: (url: string) => void;
  /** Days "don't ask again" lasts, when the page offers it: the disclosure says what that keeps. */
  dontAskAgainDays?: number | null;
}

/** A link only for URLs that passed the config check; anything else stays plain text. */
function safeLink(url: string | undefined, label: string) {
  const safe = url ? checkSafeUrl(url, { allowTelMailto: true }) : null;
  if (!safe || !safe.ok) return html`${label}`;
  const external = !safe.url.startsWith('tel:') && !safe.url.startsWith('mailto:');
  return external
    ? html`<a href=${safe.url} target="_blank" rel="noopener noreferrer">${label}</a>`
    : html`<a href=${safe.url}>${label}</a>`;
}

/**
 * A helpline number as a `tel:` link only when it is plainly a number: stripping the words out of
 * "1-800-273-8255 ext. 1" would dial a different number, so anything else stays text.
 */
function phoneLink(phone: string) {
  return /^\+?[\d\s().-]+$/.test(phone) ? safeLink(`tel:${phone.replace(/[^\d+]/g, '')}`, phone) : html`${phone}`;
}

function fieldWords(field: SubmissionField, ctx: SafetyContext): string {
  const { t } = ctx;
  switch (field.kind) {
    case 'id':
      return t.sendsId;
    case 'survey':
      return t.sendsSurvey;
    case 'submittedAt':
      return t.sendsTime(t.buckets[ctx.config.timeBucket]);
    case 'locale':
      return t.sendsLocale;
    case 'answer':
      return t.sendsAnswer(field.label ?? field.key);
    case 'other-text':
      return t.sendsOtherText(field.label ?? field.key);
    case 'tag':
      return t.sendsTag(field.label ?? field.key, field.detail ?? '');
  }
}

/** "What this survey sends": the model's own list of fields, in the respondent's language. */
export function renderDisclosure(ctx: SafetyContext) {
  const days = ctx.dontAskAgainDays ?? 0;
  const until = days > 0 ? new Date(Date.now() + days * 86_400_000).toLocaleDateString(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' }) : null;
  return html`<details part="disclosure">
    <summary>${ctx.t.whatThisSends}</summary>
    <p>${ctx.t.sendsIntro}</p>
    <ul>
      ${describeSubmission(ctx.config, ctx.locale).map((field) => html`<li>${fieldWords(field, ctx)}</li>`)}
    </ul>
    <p>${ctx.t.sendsNever}</p>
    ${until ? html`<p>${ctx.t.keptOnDevice(until)}</p>` : nothing}
    ${ctx.config.privacyUrl ? html`<p>${safeLink(ctx.config.privacyUrl, ctx.config.privacyUrl)}</p>` : nothing}
  </details>`;
}

/**
 * The safety footer, on every screen: one heading, the organisation's own message, helplines as
 * text or safe links, and quick exit; then "what this survey sends". Never triage.
 */
export function renderSafety(ctx: SafetyContext) {
  const { safety } = ctx.config;
  const fallback = ctx.config.locales[0]!;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, ctx.locale, fallback);
  const exit = safety?.quickExit ? checkSafeUrl(safety.quickExit.url, { allowTelMailto: false }) : null;
  const help = safety?.footer || safety?.helplines?.length;
  return html`<div class="footer" part="footer">
    ${help
      ? html`<h3 part="safety-heading">${ctx.t.needHelpNow}</h3>
          ${safety?.footer ? html`<p part="safety-message">${text(safety.footer)}</p>` : nothing}
          ${safety?.helplines?.length
            ? html`<ul part="helplines">
                ${safety.helplines.map(
                  (line) => html`<li>
                    <bdi class="helpline-name">${text(line.name)}</bdi>${line.phone ? html` <bdi dir="ltr">${phoneLink(line.phone)}</bdi>` : nothing}
                    ${line.url ? html` <bdi dir="ltr">${safeLink(line.url, line.url)}</bdi>` : nothing}
                    ${line.hours ? html` <span class="helpline-hours">(<bdi>${text(line.hours)}</bdi>)</span>` : nothing}
                  </li>`,
                )}
              </ul>`
            : nothing}`
      : nothing}
    ${exit?.ok
      ? html`<button type="button" class="quick-exit" part="quick-exit" @click=${() => ctx.onQuickExit(exit.url)}>
          ${safety?.quickExit?.label ? text(safety.quickExit.label) : ctx.t.leave}
        </button>`
      : nothing}
    ${renderDisclosure(ctx)}
  </div>`;
}

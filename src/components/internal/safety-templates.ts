import { html, nothing } from 'lit';
import type { SurveyConfig } from '../../core/config/schema.js';
import { localize } from '../../core/text.js';
import { checkSafeUrl } from '../../core/urls.js';
import { onDemand } from '../../controllers/load-part.js';
import type { SurveyStrings } from '../../i18n/index.js';

export interface SafetyContext {
  config: SurveyConfig;
  locale: string;
  t: SurveyStrings;
  onQuickExit: (url: string) => void;
  /** Days "don't ask again" lasts, when the page offers it: the disclosure says what that keeps. */
  dontAskAgainDays?: number | null;
  /** The disclosure was opened or closed: its body loads if it has not (then the survey renders again). */
  onDisclosureOpen?: () => void;
}

/** A link only for URLs that passed the config check; anything else stays plain text. */
export function safeLink(url: string | undefined, label: string) {
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

let body: typeof import('./disclosure-body.js') | undefined;
const loadBody = onDemand(() => import('./disclosure-body.js'), '"What this survey sends"');

/**
 * Loads the disclosure's body (the warm-up does, and opening it); resolves once it can render, so
 * the caller renders again. Opened before then, the details show their summary until it arrives.
 */
export const loadDisclosure = () =>
  loadBody().then((module) => {
    body = module;
  });

/** "What this survey sends": the summary at once, the body (disclosure-body.ts) once loaded. */
export function renderDisclosure(ctx: SafetyContext) {
  return html`<details part="disclosure" @toggle=${ctx.onDisclosureOpen}>
    <summary>${ctx.t.whatThisSends}</summary>
    ${body ? body.renderDisclosureBody(ctx) : nothing}
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

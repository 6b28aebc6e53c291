import { html, nothing, svg } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { SurveyConfig } from '../../core/config/schema.js';
import type { DeliveryStatus } from '../../controllers/delivery-controller.js';
import type { FlowController } from '../../controllers/flow-controller.js';
import type { SurveyStrings } from '../../i18n/index.js';
import { languageOf } from '../../core/locale.js';
import type { SurveyParts } from '../../controllers/mode-controller.js';
import { surveyStrings } from '../../i18n/index.js';
import { renderQuestion, textIn, warningIcon } from '../internal/question-templates.js';
import { renderSafety } from '../internal/safety-templates.js';

/** The calm status line: what happened to the response, never more technical than that. */
export function renderStatus(status: DeliveryStatus, t: SurveyStrings, uiLang?: string, missingFile?: string | null) {
  const messages: Record<DeliveryStatus, string> = {
    idle: '',
    saved: t.statusSaved,
    sending: t.statusSending,
    sent: t.statusSent,
    'sent-unverified': t.statusSentUnverified,
    'not-accepted': t.statusNotAccepted,
    unsaved: t.statusUnsaved,
    'too-large': t.statusTooLarge,
    unavailable: t.statusUnavailable,
    missing: t.statusMissing(missingFile ?? ''),
  };
  return html`<p part="status" role="status" lang=${ifDefined(uiLang)}>${messages[status]}</p>`;
}

/** For the page author: every setup problem with its path. */
export function renderConfigError(issues: ReadonlyArray<{ path: string; message: string }>, t: SurveyStrings) {
  return html`<div part="base config-error" role="alert">
    <p>${t.configError}</p>
    <ul>
      ${issues.map((issue) => html`<li>${issue.path ? html`<code>${issue.path}</code>: ` : nothing}${issue.message}</li>`)}
    </ul>
  </div>`;
}

export function renderThankYou(text: unknown) {
  return html`<section part="thank-you" tabindex="-1"><h2>${text}</h2></section>`;
}

export interface FormView {
  config: SurveyConfig;
  flow: FlowController;
  t: SurveyStrings;
  /** The language of `t` when its strings fell back to another language than the survey's. */
  uiLang?: string | undefined;
  locale: string;
  /** Survey text in the respondent's language (marked with its own lang when it fell back). */
  text: (value: SurveyConfig['title'] | undefined) => unknown;
  onSubmit: (event: SubmitEvent) => void;
}

/** "Step 2 of 3" and a bar; the bar is drawn with SVG attributes (no inline styles under a strict CSP). */
function renderProgress(step: number, total: number, t: SurveyStrings, uiLang: string | undefined, rtl: boolean) {
  const width = `${(step / total) * 100}%`;
  return html`<div part="progress">
    <p lang=${ifDefined(uiLang)}>${t.stepOf(step, total)}</p>
    <svg part="progress-bar" aria-hidden="true" focusable="false" width="100%" height="8">
      ${svg`<rect class="track" x="0" y="0" width="100%" height="100%" rx="4"></rect>
        <rect class="fill" x=${rtl ? `${100 - (step / total) * 100}%` : '0'} y="0" width=${width} height="100%" rx="4"></rect>`}
    </svg>
  </div>`;
}

/** The current page of questions with Back / Next / Submit. */
export function renderForm({ config, flow, t, uiLang, locale, text, onSubmit }: FormView) {
  const pages = flow.pages;
  const page = flow.page;
  const last = page >= pages.length - 1;
  const submitting = flow.phase === 'submitting';
  return html`
    <h2 part="title">${text(config.title)}</h2>
    ${config.intro && page === 0 ? html`<p part="intro">${text(config.intro)}</p>` : nothing}
    ${pages.length > 1 ? renderProgress(page + 1, pages.length, t, uiLang, t.$dir === 'rtl') : nothing}
    <div role="alert" part="error-summary">
      ${flow.problems.size > 0
        ? keyed(flow.reports, html`<p lang=${ifDefined(uiLang)}>${warningIcon}<span>${t.problemsFound(flow.problems.size)}</span></p>`)
        : nothing}
    </div>
    ${keyed(
      flow.generation,
      html`<form part="form" tabindex="-1" autocomplete="off" novalidate @submit=${onSubmit}>
        ${keyed(
          page,
          html`<div class=${flow.turned ? 'page turned' : 'page'}>
            ${(pages[page] ?? []).map((question) =>
              renderQuestion(question, {
                locale,
                fallbackLocale: config.locales[0]!,
                t,
                uiLang,
                value: flow.answers[question.id],
                otherText: String(flow.answers[`${question.id}.other`] ?? ''),
                problem: flow.problems.get(question.id) ?? null,
                onValue: flow.setAnswer,
                onOtherText: flow.setOtherText,
              }),
            )}
          </div>`,
        )}
        <div class="actions" lang=${ifDefined(uiLang)}>
          ${page > 0 ? html`<button type="button" part="back-button" @click=${() => flow.go(-1)}>${t.back}</button>` : nothing}
          ${last
            ? html`<button type="submit" class="primary" part="submit-button" ?disabled=${submitting}>
                ${submitting ? t.submitting : t.submit}
              </button>`
            : html`<button type="button" class="primary" part="next-button" @click=${() => flow.go(1)}>${t.next}</button>`}
        </div>
      </form>`,
    )}
  `;
}

export interface SurveyView {
  config: SurveyConfig;
  flow: FlowController;
  status: DeliveryStatus;
  /** With status `missing`: the file the server does not have. */
  missingFile?: string | null;
  t: SurveyStrings;
  locale: string;
  onSubmit: (event: SubmitEvent) => void;
  onQuickExit: (url: string) => void;
  dontAskAgainDays: number | null;
  /** "What this survey sends" opened (or closed): its body loads if it has not. */
  onDisclosureOpen: () => void;
}

/** The survey's parts, for the element (inline) or its mode (kiosk screens, a dialog, a slide-in) to arrange. */
export function surveyParts({ config, flow, status, missingFile, t, locale, onSubmit, onQuickExit, dontAskAgainDays, onDisclosureOpen }: SurveyView): SurveyParts {
  // Built-in strings that fell back to English (a survey in German, say) are marked lang="en".
  const uiLanguage = surveyStrings.languageOf(locale);
  const uiLang = uiLanguage === languageOf(locale) ? undefined : uiLanguage;
  const text = (value: SurveyConfig['title'] | undefined) => textIn(value, locale, config.locales[0]!);
  return {
    survey: () =>
      flow.phase === 'done'
        ? renderThankYou(config.thankYou ? text(config.thankYou) : t.thankYou)
        : renderForm({ config, flow, t, uiLang, locale, text, onSubmit }),
    // One status element for every phase, so screen readers announce its change of text.
    status: () => renderStatus(status, t, uiLang, missingFile),
    footer: () => renderSafety({ config, locale, t, onQuickExit, dontAskAgainDays, onDisclosureOpen }),
  };
}

import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { SurveyConfig } from '../../core/config/schema.js';
import type { DeliveryStatus } from '../../controllers/delivery-controller.js';
import type { FlowController } from '../../controllers/flow-controller.js';
import type { SurveyStrings } from '../../i18n/index.js';
import { renderQuestion } from '../internal/question-templates.js';

/** The calm status line: what happened to the response, never more technical than that. */
export function renderStatus(status: DeliveryStatus, t: SurveyStrings) {
  const messages: Record<DeliveryStatus, string> = {
    idle: '',
    saved: t.statusSaved,
    sending: t.statusSending,
    sent: t.statusSent,
    unsaved: t.statusUnsaved,
    'too-large': t.statusTooLarge,
    unavailable: t.statusUnavailable,
  };
  return html`<p part="status" role="status">${messages[status]}</p>`;
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

export function renderThankYou(text: string) {
  return html`<section part="thank-you" tabindex="-1"><h2>${text}</h2></section>`;
}

export interface FormView {
  config: SurveyConfig;
  flow: FlowController;
  t: SurveyStrings;
  locale: string;
  /** Survey text in the respondent's language. */
  text: (value: SurveyConfig['title'] | undefined) => string;
  onSubmit: (event: SubmitEvent) => void;
}

/** The current page of questions with Back / Next / Submit. */
export function renderForm({ config, flow, t, locale, text, onSubmit }: FormView) {
  const pages = flow.pages;
  const page = flow.page;
  const last = page >= pages.length - 1;
  const submitting = flow.phase === 'submitting';
  return html`
    <h2 part="title">${text(config.title)}</h2>
    ${config.intro && page === 0 ? html`<p part="intro">${text(config.intro)}</p>` : nothing}
    ${pages.length > 1 ? html`<p class="progress" part="progress">${t.stepOf(page + 1, pages.length)}</p>` : nothing}
    <div role="alert" part="error-summary">
      ${flow.problems.size > 0 ? keyed(flow.reports, html`<p>${t.problemsFound(flow.problems.size)}</p>`) : nothing}
    </div>
    ${keyed(
      flow.generation,
      html`<form part="form" tabindex="-1" autocomplete="off" novalidate @submit=${onSubmit}>
        ${(pages[page] ?? []).map((question) =>
          renderQuestion(question, {
            locale,
            fallbackLocale: config.locales[0]!,
            t,
            value: flow.answers[question.id],
            otherText: String(flow.answers[`${question.id}.other`] ?? ''),
            problem: flow.problems.get(question.id) ?? null,
            onValue: flow.setAnswer,
            onOtherText: flow.setOtherText,
          }),
        )}
        <div class="actions">
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

import { html, nothing } from 'lit';
import { describeSubmission, type SubmissionField } from '../../core/disclosure.js';
import { safeLink, type SafetyContext } from './safety-templates.js';

// "What this survey sends", inside its <details>: only read once opened, so it loads on demand
// (safety-templates.ts) and stays off the first question's bytes.

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

/** The disclosure's body: the model's own list of fields, in the respondent's language, and what is never sent or kept. */
export function renderDisclosureBody(ctx: SafetyContext) {
  const days = ctx.dontAskAgainDays ?? 0;
  const until = days > 0 ? new Date(Date.now() + days * 86_400_000).toLocaleDateString(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' }) : null;
  return html`<p>${ctx.t.sendsIntro}</p>
    <ul>
      ${describeSubmission(ctx.config, ctx.locale).map((field) => html`<li>${fieldWords(field, ctx)}</li>`)}
    </ul>
    <p>${ctx.t.sendsNever}</p>
    ${until ? html`<p>${ctx.t.keptOnDevice(until)}</p>` : nothing}
    ${ctx.config.privacyUrl ? html`<p>${safeLink(ctx.config.privacyUrl, ctx.config.privacyUrl)}</p>` : nothing}`;
}

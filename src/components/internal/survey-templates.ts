import { html, nothing } from 'lit';
import type { DeliveryStatus } from '../../controllers/delivery-controller.js';
import type { Translation } from '../../i18n/index.js';

/** The calm status line: what happened to the response, never more technical than that. */
export function renderStatus(status: DeliveryStatus, t: Translation) {
  const messages: Record<DeliveryStatus, string> = {
    idle: '',
    saved: t.statusSaved,
    sending: t.statusSending,
    sent: t.statusSent,
    unsaved: t.statusUnsaved,
    'too-large': t.statusTooLarge,
  };
  return html`<p part="status" role="status">${messages[status]}</p>`;
}

/** For the page author: every setup problem with its path. */
export function renderConfigError(issues: ReadonlyArray<{ path: string; message: string }>, t: Translation) {
  return html`<div part="base config-error" role="alert">
    <p>${t.configError}</p>
    <ul>
      ${issues.map((issue) => html`<li>${issue.path ? html`<code>${issue.path}</code>: ` : nothing}${issue.message}</li>`)}
    </ul>
  </div>`;
}

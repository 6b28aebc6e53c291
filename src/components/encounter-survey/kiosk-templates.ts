import { html, nothing } from 'lit';
import type { TimeBucket } from '../../core/config/schema.js';
import type { StaffPanelController } from '../../controllers/staff-panel-controller.js';
import type { KioskStrings } from '../../i18n/index.js';
import type { OutboxStatus } from '../../outbox/index.js';

export function renderStart(t: KioskStrings, message: string | null, title: string, onStart: () => void) {
  return html`<section class="start" part="start">
    <h2 part="title">${title}</h2>
    ${message ? html`<p part="start-message">${message}</p>` : nothing}
    <button type="button" class="primary" part="start-button" @click=${onStart}>${t.start}</button>
  </section>`;
}

export function renderHandover(t: KioskStrings, onReady: () => void) {
  return html`<section class="start" part="handover">
    <h2>${t.passTablet}</h2>
    <button type="button" class="primary" part="start-button" @click=${onReady}>${t.ready}</button>
  </section>`;
}

/**
 * The "Still there?" warning (WCAG 2.2.1): an alert dialog centred over the dimmed (and inert) form,
 * in view however far down the page the respondent is; it takes focus, so it is announced once with
 * its countdown; the number itself is not live, or it would be read out every second. Only a click
 * on its button (a tap, Enter or Space) extends.
 */
export function renderIdleWarning(t: KioskStrings, secondsLeft: number, onExtend: () => void) {
  return html`<div class="idle-overlay"><div
    class="idle-warning"
    part="idle-warning"
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="idle-title"
    aria-describedby="idle-countdown"
  >
    <h2 id="idle-title">${t.stillThere}</h2>
    <p id="idle-countdown">${t.stillThereCountdown(secondsLeft)}</p>
    <button type="button" class="primary" part="extend-button" @click=${onExtend}>${t.imStillHere}</button>
  </div></div>`;
}

/**
 * The corner staff hold for 3 seconds to open their panel. Respondents never meet it: it is not a
 * Tab stop and not in the accessibility tree (staff with a keyboard press Ctrl+Alt+S instead).
 */
export function renderStaffCorner(staff: StaffPanelController) {
  return html`<div
    class="staff-corner"
    part="staff-corner"
    aria-hidden="true"
    @pointerdown=${staff.pressStart}
    @pointerup=${staff.pressEnd}
    @pointerleave=${staff.pressEnd}
    @pointercancel=${staff.pressEnd}
    @contextmenu=${(event: Event) => event.preventDefault()}
  ></div>`;
}

/**
 * Staff see times no finer than what a response carries (the survey's time bucket): a "last sent
 * 14:32" would tell whoever stands at the tablet when the last person answered.
 */
function formatTime(value: number | null, t: KioskStrings, locale: string, bucket: TimeBucket) {
  if (value === null) return t.never;
  const date = new Date(value);
  return bucket === 'hour'
    ? date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    : date.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}

export interface StaffPanelView {
  t: KioskStrings;
  locale: string;
  bucket: TimeBucket;
  staff: StaffPanelController;
  status: OutboxStatus | null;
}

export function renderStaffPanel({ t, locale, bucket, staff, status }: StaffPanelView) {
  const onPin = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('pin') as HTMLInputElement;
    staff.unlock(input.value);
    input.value = '';
  };
  if (staff.state === 'pin') {
    return staffDialog(
      t,
      staff,
      html`<form @submit=${onPin} autocomplete="off">
        <label for="staff-pin">${t.pin}</label>
        <input id="staff-pin" name="pin" type="password" inputmode="numeric" autocomplete="off" />
        ${staff.wrongPin ? html`<p class="error" role="alert">${t.wrongPin}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => staff.close()}>${t.close}</button>
          <button type="submit" class="primary">${t.unlock}</button>
        </div>
      </form>`,
    );
  }
  const time = (value: number | null | undefined) => formatTime(value ?? null, t, locale, bucket);
  return staffDialog(
    t,
    staff,
    html`<dl>
      <dt>${t.pendingCount}</dt>
      <dd data-field="pending">${status?.pending ?? 0}</dd>
      <dt>${t.oldestPending}</dt>
      <dd data-field="oldest">${time(status?.oldestPendingAt)}</dd>
      <dt>${t.lastDelivered}</dt>
      <dd data-field="last-delivered">${time(status?.lastDeliveredAt)}${status?.lastDeliveryVerified === false ? ` (${t.notConfirmed})` : ''}</dd>
      <dt>${t.rejectedCount}</dt>
      <dd data-field="rejected">${status?.rejected ?? 0}</dd>
      <dt>${t.storage}</dt>
      <dd data-field="storage">${status?.storage ?? ''}${status?.lastError ? html` (${status.lastError})` : nothing}</dd>
    </dl>
    <div class="actions">
      <button type="button" part="send-now" ?disabled=${staff.busy} @click=${() => staff.sendNow()}>${t.sendNow}</button>
      ${staff.canExport
        ? html`<button type="button" part="export" ?disabled=${staff.busy} @click=${() => staff.exportResponses()}>
            ${t.exportResponses}
          </button>`
        : nothing}
      <button type="button" class="primary" @click=${() => staff.close()}>${t.close}</button>
    </div>`,
  );
}

/** The panel's frame; any touch inside keeps it open, Escape closes it. */
function staffDialog(t: KioskStrings, staff: StaffPanelController, body: unknown) {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') staff.close();
    else staff.touch();
  };
  return html`<section
    part="staff-panel"
    role="dialog"
    aria-modal="true"
    aria-labelledby="staff-title"
    @pointerdown=${staff.touch}
    @keydown=${onKey}
  >
    <h2 id="staff-title" tabindex="-1">${t.staffPanel}</h2>
    ${body}
  </section>`;
}

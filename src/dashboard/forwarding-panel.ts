import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { forwardingStrings, type ForwardingStrings } from '../i18n/forwarding/index.js';
import { StaffApi, StaffApiError, type ForwardingDestination } from './staff-api.js';

/**
 * The dashboard's onward-delivery section: per destination, delivered / waiting / failed counts,
 * the last error (status and the first bytes of the answer) and "Send again" for failed
 * deliveries. Shows nothing when the collector forwards nowhere. Not public API.
 *
 * @summary Onward delivery per destination, for staff (internal; inside <survey-dashboard>).
 * @tag survey-forwarding
 */
export class SurveyForwarding extends LitElement {
  static override styles = css`
    :host { display: block; }
    table { border-collapse: collapse; inline-size: 100%; }
    th, td { text-align: start; padding: 0.35rem 0.5rem; border-block-end: 1px solid color-mix(in srgb, currentColor 20%, transparent); vertical-align: top; }
    td.number { font-variant-numeric: tabular-nums; text-align: end; }
    .error { font-family: ui-monospace, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
    .table { overflow-x: auto; }
    small { display: block; font-weight: normal; }
  `;

  static override properties = {
    collector: { type: String },
    locale: { attribute: 'lang' },
  };

  /** Base URL of the collector, as the dashboard's. */
  declare collector: string | null;
  declare locale: string | null;

  #destinations: ForwardingDestination[] = [];
  #message: string | null = null;
  #busy = false;

  constructor() {
    super();
    this.collector = null;
    this.locale = null;
  }

  get #api() {
    return StaffApi.at(this.collector);
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.refresh();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (!forwardingStrings.get(this.locale)) void forwardingStrings.load(this.locale ?? 'en').then(() => this.requestUpdate());
  }

  /** Loads the figures again (after "Send again", or when staff ask). */
  async refresh(): Promise<void> {
    try {
      this.#destinations = await this.#api.forwarding();
      this.#message = null;
    } catch (error) {
      // A collector without this route (an older one) forwards nothing: the section stays hidden.
      this.#message = error instanceof StaffApiError && this.#destinations.length > 0 ? 'unreachable' : null;
    }
    this.requestUpdate();
  }

  async #sendAgain(destination: ForwardingDestination, t: ForwardingStrings) {
    this.#busy = true;
    this.requestUpdate();
    try {
      const count = await this.#api.resend(destination.name);
      await this.refresh();
      this.#message = t.queuedAgain(count);
    } catch {
      this.#message = 'unreachable';
    }
    this.#busy = false;
    this.requestUpdate();
  }

  override render() {
    const t = forwardingStrings.get(this.locale);
    if (!t || this.#destinations.length === 0) return nothing;
    const message = this.#message === 'unreachable' ? t.unreachable : (this.#message ?? '');
    return html`
      <section aria-labelledby="forwarding-heading" dir=${t.$dir}>
        <h2 id="forwarding-heading">${t.heading}</h2>
        <p>${t.intro}</p>
        <div class="table">
          <table>
            <thead>
              <tr>
                <th scope="col">${t.destination}</th><th scope="col">${t.survey}</th><th scope="col">${t.kind}</th>
                <th scope="col">${t.delivered}</th><th scope="col">${t.waiting}</th><th scope="col">${t.failed}</th>
                <th scope="col">${t.lastError}</th><td></td>
              </tr>
            </thead>
            <tbody>
              ${this.#destinations.map(
                (d) => html`<tr data-destination=${d.name}>
                  <th scope="row">${d.name} <small>${d.host}</small></th>
                  <td>${d.survey}</td>
                  <td>${t.kinds[d.kind] ?? d.kind}</td>
                  <td class="number">${d.delivered}</td>
                  <td class="number">${d.waiting}</td>
                  <td class="number">${d.failed}</td>
                  <td class="error">${d.lastError ? d.lastError.error : t.noError}</td>
                  <td>${d.failed > 0
                    ? html`<button type="button" ?disabled=${this.#busy} @click=${() => void this.#sendAgain(d, t)} aria-label=${`${t.sendAgain}: ${d.name}`}>${t.sendAgain}</button>`
                    : nothing}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p><button type="button" class="refresh" @click=${() => void this.refresh()}>${t.refresh}</button></p>
        <p role="status">${message}</p>
      </section>
    `;
  }
}

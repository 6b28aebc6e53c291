import { isSurveySummary, type PeriodUnit, type SurveyDescription, type SurveySummary } from '../core/summary/types.js';

export type { SurveyDescription };

/**
 * The reference collector's staff API, as the dashboard calls it: same origin, the session cookie
 * sent by the browser (`credentials: "same-origin"`), JSON in and out. Errors are string codes.
 */
export type StaffError = 'unauthorized' | 'wrong-token' | 'unreachable' | 'unreadable';

export class StaffApiError extends Error {
  constructor(readonly code: StaffError) {
    super(code);
  }
}

/** One row of `GET /staff/forwarding`. */
export interface ForwardingDestination {
  name: string;
  survey: string;
  kind: 'webhook' | 'apps-script' | 'chat';
  host: string;
  delivered: number;
  waiting: number;
  failed: number;
  lastError: { status: number | null; error: string; at: string } | null;
}

export interface SummaryRequest {
  survey: string;
  unit: PeriodUnit;
  from?: string;
  to?: string;
  version?: string;
  locale?: string;
  tags?: Record<string, string>;
}

export class StaffApi {
  constructor(private readonly base: string) {}

  /** The staff API of the collector at `collector` (relative to the page; default: the page's own origin). */
  static at(collector: string | null): StaffApi {
    return new StaffApi(new URL(collector ?? '/', document.baseURI).href.replace(/\/?$/, '/'));
  }

  async #call(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), { credentials: 'same-origin', referrerPolicy: 'no-referrer', ...init });
    } catch {
      throw new StaffApiError('unreachable');
    }
    if (response.status === 401) throw new StaffApiError('unauthorized');
    if (!response.ok) throw new StaffApiError('unreachable');
    return response;
  }

  /** The signed-in session's surveys; `unauthorized` when there is no session. */
  async session(): Promise<SurveyDescription[]> {
    const body = (await (await this.#call('staff/session')).json()) as { surveys?: SurveyDescription[] };
    if (!Array.isArray(body.surveys)) throw new StaffApiError('unreadable');
    return body.surveys;
  }

  async signIn(token: string): Promise<void> {
    try {
      await this.#call('staff/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    } catch (error) {
      throw error instanceof StaffApiError && error.code === 'unauthorized' ? new StaffApiError('wrong-token') : error;
    }
  }

  async signOut(): Promise<void> {
    await this.#call('staff/session', { method: 'DELETE' });
  }

  async summary(request: SummaryRequest): Promise<SurveySummary> {
    const query = new URLSearchParams({ survey: request.survey, unit: request.unit });
    for (const name of ['from', 'to', 'version', 'locale'] as const) if (request[name]) query.set(name, request[name]!);
    for (const [name, value] of Object.entries(request.tags ?? {})) query.set(`tag.${name}`, value);
    const body: unknown = await (await this.#call(`summary?${query}`)).json();
    if (!isSurveySummary(body)) throw new StaffApiError('unreadable');
    return body;
  }

  /** Onward delivery per destination (issue #24); an empty list when the collector forwards nothing. */
  async forwarding(): Promise<ForwardingDestination[]> {
    const body = (await (await this.#call('staff/forwarding')).json()) as { destinations?: ForwardingDestination[] };
    if (!Array.isArray(body.destinations)) throw new StaffApiError('unreadable');
    return body.destinations;
  }

  /** "Send again": a destination's failed deliveries are queued again; resolves with how many. */
  async resend(destination: string): Promise<number> {
    const response = await this.#call('staff/forwarding/resend', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ destination }) });
    const body = (await response.json()) as { requeued?: unknown };
    if (typeof body.requeued !== 'number') throw new StaffApiError('unreadable');
    return body.requeued;
  }

  exportUrl(survey: string, format: 'csv' | 'json'): string {
    return new URL(`export.${format}?survey=${encodeURIComponent(survey)}`, this.base).href;
  }
}

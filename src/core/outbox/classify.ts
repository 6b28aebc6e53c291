/**
 * What an HTTP outcome means for a queued response. The receiver contract (README) makes 409 mean
 * "already durably stored"; endpoint problems pause the queue instead of rejecting the response;
 * 428 asks for a (fresh) proof of work, so it is retried, never rejected.
 */
export type TransportFailure = 'network-error' | 'timeout' | 'redirect' | 'aborted';

export interface TransportOutcome {
  /** HTTP status, or null when no response arrived (see `failure`). */
  status: number | null;
  failure?: TransportFailure;
  retryAfter?: string | null;
  /** A short reason the receiver gave, for rejected records. */
  reason?: string;
  /** `mode: "no-cors"`: an answer came, but the browser does not let us read it. */
  opaque?: boolean;
  /** A followed redirect ended at this URL. */
  redirectedTo?: string;
}

export type Verdict =
  | { kind: 'delivered'; status: number }
  /**
   * Sent, but whether it was stored cannot be known: an opaque answer (`no-cors`, `redirectedTo`
   * null), or a followed redirect to a host the config does not allow. Never sent again by itself.
   */
  | { kind: 'unverified'; status: number | null; redirectedTo: string | null }
  | { kind: 'retry'; code: 'network-error' | 'timeout' | 'server-error' | 'rate-limited' | 'proof-of-work'; status: number | null }
  | { kind: 'endpoint-error'; code: 'endpoint-error'; status: number | null }
  | { kind: 'rejected'; status: number; reason: string }
  | { kind: 'aborted' };

const ENDPOINT_PROBLEMS = new Set([401, 403, 404, 405, 410]);
const TRY_LATER = new Set([408, 425, 429]);

export function classifyOutcome(outcome: TransportOutcome): Verdict {
  const { status, failure } = outcome;
  if (failure === 'aborted') return { kind: 'aborted' };
  if (failure === 'redirect') return { kind: 'endpoint-error', code: 'endpoint-error', status };
  if (failure || status === null) return { kind: 'retry', code: failure === 'timeout' ? 'timeout' : 'network-error', status: null };
  if ((status >= 200 && status < 300) || status === 409) return { kind: 'delivered', status };
  if (status >= 300 && status < 400) return { kind: 'endpoint-error', code: 'endpoint-error', status };
  if (ENDPOINT_PROBLEMS.has(status)) return { kind: 'endpoint-error', code: 'endpoint-error', status };
  if (TRY_LATER.has(status)) return { kind: 'retry', code: 'rate-limited', status };
  // 428: the proof of work was missing, wrong, expired or used; a fresh challenge next time.
  if (status === 428) return { kind: 'retry', code: 'proof-of-work', status };
  if (status >= 400 && status < 500) {
    return { kind: 'rejected', status, reason: outcome.reason?.slice(0, 200) || `HTTP ${status}` };
  }
  // 5xx, and anything outside the known ranges, is the server's problem: try later.
  return { kind: 'retry', code: 'server-error', status };
}

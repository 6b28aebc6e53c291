/**
 * What one delivery attempt means, as data: the change to the record, the endpoint's new schedule,
 * whether the endpoint's queue goes on, and the news to tell. The outbox applies it; nothing here
 * touches storage, the network or the outbox's fields.
 */
import type { RetryTiming } from './backoff.js';
import type { Verdict } from './classify.js';
import type { OutboxRecord } from './record.js';
import { afterEndpointProblem, afterRetryableFailure, afterSuccess, type EndpointSchedule } from './schedule.js';

/** Network failures in a row, while the browser says it is online, before we hint at CORS / a dead host. */
export const UNREACHABLE_AFTER = 3;

export type RecordChange = { kind: 'delete' } | { kind: 'save'; record: OutboxRecord } | { kind: 'keep' };

export type DeliveryNews =
  /** `verified`: the receiver's answer was read (2xx/409); false: sent, but the answer was opaque or came from elsewhere. */
  | { type: 'delivered'; id: string; status: number; verified: boolean }
  | { type: 'rejected'; id: string; status: number; reason: string }
  | { type: 'endpoint-error'; endpoint: string; status: number | null; code: string };

export interface EndpointProblem {
  status: number | null;
  code: string;
}

export interface DeliveryOutcome {
  change: RecordChange;
  schedule: EndpointSchedule;
  /** 'next': carry on with this endpoint's queue; 'stop': leave the rest for later, in order. */
  next: 'next' | 'stop';
  news: DeliveryNews[];
  /** The status line's last error after this attempt (null: cleared). */
  lastError: string | null;
  /** The endpoint problem to show from now on (null: none). */
  problem: EndpointProblem | null;
  /** The endpoint answered 2xx/409: the others waiting on it are due with their counts restarted. */
  recovered: boolean;
}

/** What came back, or that the body could not be built (`transform` threw). */
export type AttemptResult = { verdict: Verdict; retryAfter?: string | null | undefined } | { transformFailed: string };

export interface OutcomeInput {
  record: OutboxRecord;
  result: AttemptResult;
  schedule: EndpointSchedule;
  /** The problem currently shown for this endpoint: news only when it changes. */
  problem: EndpointProblem | null;
  lastError: string | null;
  now: number;
  timing: RetryTiming;
  random: () => number;
  /** `navigator.onLine` (true when unknown). */
  online: boolean;
  /** The page is visible: retries wait at most `VISIBLE_CAP_MS` (absent: hidden, the long cap). */
  visible?: boolean;
}

const withoutLease = (record: OutboxRecord): OutboxRecord => {
  const { leaseOwner: _owner, leaseUntil: _until, ...rest } = record;
  return rest;
};

export function deliveryOutcome(input: OutcomeInput): DeliveryOutcome {
  const { record, result, schedule, now } = input;
  const base = withoutLease(record);
  if ('transformFailed' in result) return rejected(input, base, 0, `transform failed: ${result.transformFailed}`.slice(0, 200));
  const { verdict } = result;
  const attempts = record.attempts + 1;
  switch (verdict.kind) {
    case 'aborted':
      return { change: { kind: 'keep' }, schedule, next: 'stop', news: [], lastError: input.lastError, problem: input.problem, recovered: false };
    case 'delivered':
      return {
        change: { kind: 'delete' },
        schedule: afterSuccess(schedule, now),
        next: 'next',
        news: [{ type: 'delivered', id: record.id, status: verdict.status, verified: true }],
        lastError: null,
        problem: null,
        recovered: true,
      };
    case 'unverified':
      return unverified(input, base, verdict.status, verdict.redirectedTo);
    case 'rejected':
      // The endpoint answered about the payload, so the endpoint itself is fine.
      return rejected(input, base, verdict.status, verdict.reason);
    case 'endpoint-error': {
      const problem = { status: verdict.status, code: verdict.code };
      return {
        change: { kind: 'save', record: { ...base, attempts, lastError: verdict.code, lastStatus: verdict.status } },
        schedule: afterEndpointProblem(schedule, verdict.status, now, input.timing),
        next: 'stop',
        news: news(input, problem),
        lastError: verdict.code,
        problem,
        recovered: false,
      };
    }
    case 'retry': {
      const network = verdict.status === null;
      const next = afterRetryableFailure(schedule, { now, timing: input.timing, random: input.random, retryAfter: result.retryAfter, network, visible: input.visible });
      const unreachable = network && next.networkFailures >= UNREACHABLE_AFTER && input.online;
      const problem = unreachable ? { status: null, code: 'endpoint-unreachable' } : network ? input.problem : null;
      return {
        change: { kind: 'save', record: { ...base, attempts, lastError: verdict.code, lastStatus: verdict.status } },
        schedule: next,
        next: 'stop',
        news: unreachable ? news(input, problem) : [],
        lastError: unreachable ? 'endpoint-unreachable' : verdict.code,
        problem,
        recovered: false,
      };
    }
  }
}

/**
 * Sent, but not known to be stored: never sent again by itself (the receiver may already have it).
 * An opaque answer (`no-cors`) is all such a receiver ever gives: the record is done. A redirect to a
 * host the config does not allow is kept (as rejected, so staff can export or retry it) and the page
 * author is told through an endpoint problem.
 */
function unverified(input: OutcomeInput, record: OutboxRecord, status: number | null, redirectedTo: string | null): DeliveryOutcome {
  const delivered: DeliveryNews = { type: 'delivered', id: record.id, status: status ?? 0, verified: false };
  if (redirectedTo === null) {
    return { change: { kind: 'delete' }, schedule: afterSuccess(input.schedule, input.now), next: 'next', news: [delivered], lastError: null, problem: null, recovered: true };
  }
  const problem = { status, code: 'redirect-not-allowed' };
  const reason = `sent, unverified: the receiver redirected to ${redirectedTo}, which delivery.redirectHosts does not list; not sent again`.slice(0, 200);
  return {
    change: { kind: 'save', record: { ...record, state: 'rejected', attempts: record.attempts + 1, lastStatus: status, reason, lastError: 'unverified' } },
    schedule: afterSuccess(input.schedule, input.now),
    next: 'next',
    news: [delivered, ...news(input, problem)],
    lastError: 'redirect-not-allowed',
    problem,
    recovered: false,
  };
}

function rejected(input: OutcomeInput, record: OutboxRecord, status: number, reason: string): DeliveryOutcome {
  return {
    change: { kind: 'save', record: { ...record, state: 'rejected', attempts: record.attempts + 1, lastStatus: status, reason, lastError: 'rejected' } },
    schedule: input.schedule,
    next: 'next',
    news: [{ type: 'rejected', id: record.id, status, reason }],
    lastError: input.lastError,
    problem: status === 0 ? input.problem : null,
    recovered: false,
  };
}

/** An endpoint problem is news once per change, not once per probe. */
function news(input: OutcomeInput, problem: EndpointProblem | null): DeliveryNews[] {
  if (!problem) return [];
  const known = input.problem;
  if (known?.status === problem.status && known.code === problem.code) return [];
  return [{ type: 'endpoint-error', endpoint: input.record.endpoint, ...problem }];
}

/**
 * The records to restart after this page's own request to `endpoint` succeeded: every other record
 * waiting on it gets its failure count and error cleared (they are stored, so other tabs see it too;
 * a pause another tab holds stays in that tab's schedule until its own probe succeeds).
 */
export function restartAfterRecovery(records: Iterable<OutboxRecord>, endpoint: string): OutboxRecord[] {
  const restarted: OutboxRecord[] = [];
  for (const record of records) {
    if (record.state !== 'pending' || record.endpoint !== endpoint || (record.attempts === 0 && record.lastError === null)) continue;
    restarted.push({ ...withoutLease(record), attempts: 0, lastError: null, lastStatus: null });
  }
  return restarted;
}

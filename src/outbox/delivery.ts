/**
 * One delivery attempt for one record: build the body, solve the endpoint's proof of work if it
 * asks for one, send, classify. Returns what happened; the outbox decides and applies the rest
 * (core/outbox/outcome.ts), so nothing here changes the outbox's state.
 */
import { classifyOutcome } from '../core/outbox/classify.js';
import type { EndpointDelivery } from '../core/outbox/endpoint.js';
import type { AttemptResult } from '../core/outbox/outcome.js';
import type { BodyLike, Transport } from '../core/outbox/ports.js';
import type { OutboxRecord, OutboxSubmission } from '../core/outbox/record.js';

export interface AttemptDeps {
  transport: Transport;
  bodyFor(submission: OutboxSubmission): BodyLike;
  /** The `Altcha` header for a fresh solved challenge; throws when none could be had. */
  proofOfWork(challengeUrl: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<string>;
  signal: AbortSignal;
}

export async function attemptDelivery(record: OutboxRecord, delivery: EndpointDelivery, keepalive: boolean, deps: AttemptDeps): Promise<AttemptResult> {
  let body: BodyLike;
  try {
    body = deps.bodyFor(record.submission);
  } catch (error) {
    return { transformFailed: error instanceof Error ? error.message : String(error) };
  }
  const headers = { ...delivery.headers };
  if (delivery.proofOfWork) {
    try {
      headers['Altcha'] = await deps.proofOfWork(delivery.proofOfWork.challengeUrl, { signal: deps.signal, timeoutMs: delivery.timeoutMs });
    } catch (error) {
      if (deps.signal.aborted) return { verdict: { kind: 'aborted' } };
      // No challenge, no delivery: like any network failure, retried with backoff.
      console.warn(`encounter-survey outbox: proof of work for ${record.endpoint} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { verdict: classifyOutcome({ status: null, failure: 'network-error' }) };
    }
  }
  const outcome = await deps.transport({ endpoint: record.endpoint, id: record.id, body, headers, timeoutMs: delivery.timeoutMs, keepalive, signal: deps.signal });
  return { verdict: classifyOutcome(outcome), retryAfter: outcome.retryAfter };
}

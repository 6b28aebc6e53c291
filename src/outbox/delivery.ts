/**
 * One delivery attempt for one record: the endpoint's profile builds the request, the proof of work
 * is solved if the endpoint asks for one, the transport sends, the profile reads the answer. Returns
 * what happened; the outbox decides and applies the rest (core/outbox/outcome.ts), so nothing here
 * changes the outbox's state.
 */
import { mapFields } from '../core/delivery/fields.js';
import type { DeliveryProfile, PayloadShape, ProfileRequest } from '../core/delivery/profile.js';
import { classifyOutcome } from '../core/outbox/classify.js';
import type { EndpointDelivery } from '../core/outbox/endpoint.js';
import type { AttemptResult } from '../core/outbox/outcome.js';
import type { Transport } from '../core/outbox/ports.js';
import type { OutboxRecord, OutboxSubmission } from '../core/outbox/record.js';

export interface AttemptDeps {
  transport: Transport;
  profile(delivery: EndpointDelivery): Promise<DeliveryProfile>;
  /** The payload before the profile encodes it: `transform`'s, or the submission under `delivery.fields`. */
  payloadFor(submission: OutboxSubmission, delivery: EndpointDelivery, shape: PayloadShape): unknown;
  /** The `Altcha` header for a fresh solved challenge; throws when none could be had. */
  proofOfWork(challengeUrl: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<string>;
  signal: AbortSignal;
}

/** `transform` (callers in JavaScript) wins; else the endpoint's `fields` shape the body. */
export function payloadMaker(transform?: (submission: OutboxSubmission) => unknown): AttemptDeps['payloadFor'] {
  return (submission, delivery, shape) => (transform ? transform(submission) : mapFields(submission, delivery.fields, shape));
}

/** The profile's request for a record, or why the body could not be built (`transform` or `fields` refused it). */
export function buildRequest(record: OutboxRecord, delivery: EndpointDelivery, profile: DeliveryProfile, deps: Pick<AttemptDeps, 'payloadFor'>): ProfileRequest | { failed: string } {
  try {
    return profile.request(deps.payloadFor(record.submission, delivery, profile.shape), record.id, delivery);
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

export async function attemptDelivery(record: OutboxRecord, delivery: EndpointDelivery, keepalive: boolean, deps: AttemptDeps): Promise<AttemptResult> {
  let profile: DeliveryProfile;
  try {
    profile = await deps.profile(delivery);
  } catch {
    // The profile's chunk is unreachable: nothing was sent, so try again like after a network failure.
    return { verdict: classifyOutcome({ status: null, failure: 'network-error' }) };
  }
  const request = buildRequest(record, delivery, profile, deps);
  if ('failed' in request) return { transformFailed: request.failed };
  if (delivery.proofOfWork) {
    try {
      request.headers['Altcha'] = await deps.proofOfWork(delivery.proofOfWork.challengeUrl, { signal: deps.signal, timeoutMs: delivery.timeoutMs });
    } catch (error) {
      if (deps.signal.aborted) return { verdict: { kind: 'aborted' } };
      // No challenge, no delivery: like any network failure, retried with backoff.
      console.warn(`encounter-survey outbox: proof of work for ${record.endpoint} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { verdict: classifyOutcome({ status: null, failure: 'network-error' }) };
    }
  }
  const answer = await deps.transport({ endpoint: record.endpoint, ...request, timeoutMs: delivery.timeoutMs, keepalive, signal: deps.signal });
  return { verdict: profile.outcome(answer, delivery) ?? classifyOutcome(answer), retryAfter: answer.retryAfter };
}

/** Checks a submission before anything is stored: an id, a safe endpoint, JSON, and the size cap. */
import { checkEndpoint } from '../core/outbox/endpoint.js';
import { OutboxError } from '../core/outbox/errors.js';
import { isSubmission, type OutboxSubmission } from '../core/outbox/record.js';
import type { BodyLike } from '../core/outbox/ports.js';

/** The browser's keepalive budget is 64 KiB in flight; one response may use a quarter of it. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export const pageUrl = () => (typeof location === 'undefined' ? undefined : location.href);

/** The absolute endpoint and a plain-JSON copy of the submission, or an `OutboxError`. */
export function prepareSubmission(
  submission: OutboxSubmission,
  endpoint: string | undefined,
  bodyFor: (submission: OutboxSubmission, endpoint: string) => BodyLike,
): { endpoint: string; submission: OutboxSubmission } {
  if (!isSubmission(submission)) throw new OutboxError('invalid-submission', 'A submission needs a string id.');
  const target = checkEndpoint(endpoint, pageUrl());
  if ('problem' in target) {
    const why = target.problem === 'endpoint-missing' ? 'No valid endpoint is configured.' : 'The endpoint must use https (http only for localhost).';
    throw new OutboxError(target.problem, why);
  }
  let plain: OutboxSubmission;
  let bytes: number;
  try {
    plain = JSON.parse(JSON.stringify(submission)) as OutboxSubmission;
    bytes = new TextEncoder().encode(bodyFor(plain, target.url).text).length;
  } catch (error) {
    throw new OutboxError('invalid-submission', 'The submission cannot be sent as JSON.', { cause: error });
  }
  if (bytes > MAX_PAYLOAD_BYTES) throw new OutboxError('payload-too-large', `The response is ${bytes} bytes; the limit is ${MAX_PAYLOAD_BYTES}.`);
  return { endpoint: target.url, submission: plain };
}

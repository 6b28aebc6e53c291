/** One outbox per database per page, so several survey elements share one queue and one flush. */
import { OutboxError } from '../core/outbox/errors.js';
import { DEFAULT_DATABASE_NAME } from '../storage/idb-record-store.js';
import { createOutboxWith } from './outbox.js';
import type { Outbox, OutboxOptions } from './types.js';

const shared = new Map<string, Outbox>();

export function createOutbox(options: OutboxOptions = {}): Outbox {
  return createOutboxWith(options);
}

/**
 * The page's outbox for `options.databaseName`. The first caller's options configure it; a later
 * caller's endpoint options (headers, timeout, proof of work) are registered for its endpoint when
 * that endpoint has none yet. `outbox.configureEndpoint()` replaces them explicitly.
 *
 * Unlike `createOutbox()`, this never throws for bad delivery options: the elements call it while
 * rendering, and a response must still be stored. The options are left out with a console error
 * (configs should refuse them at parse time), so the endpoint's own answer (401…) then shows why.
 */
export function getSharedOutbox(options: OutboxOptions = {}): Outbox {
  const name = options.databaseName ?? DEFAULT_DATABASE_NAME;
  const existing = shared.get(name);
  if (existing) {
    tolerant(() => (existing as Outbox & { configureIfNew?(options: OutboxOptions): void }).configureIfNew?.(options));
    return existing;
  }
  const outbox = tolerant(() => createOutboxWith(options)) ?? createOutboxWith({ ...options, profile: undefined, headers: undefined, fields: undefined, redirectHosts: undefined, timeoutMs: undefined, proofOfWork: undefined });
  const close = outbox.close.bind(outbox);
  outbox.close = () => {
    if (shared.get(name) === outbox) shared.delete(name);
    close();
  };
  shared.set(name, outbox);
  return outbox;
}

function tolerant<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof OutboxError && error.code === 'invalid-delivery-options')) throw error;
    console.error(`encounter-survey outbox: ${error.message} Delivering without them.`);
    return undefined;
  }
}

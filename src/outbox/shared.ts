/** One outbox per database per page, so several survey elements share one queue and one flush. */
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
 */
export function getSharedOutbox(options: OutboxOptions = {}): Outbox {
  const name = options.databaseName ?? DEFAULT_DATABASE_NAME;
  const existing = shared.get(name);
  if (existing) {
    (existing as Outbox & { configureIfNew?(options: OutboxOptions): void }).configureIfNew?.(options);
    return existing;
  }
  const outbox = createOutboxWith(options);
  const close = outbox.close.bind(outbox);
  outbox.close = () => {
    if (shared.get(name) === outbox) shared.delete(name);
    close();
  };
  shared.set(name, outbox);
  return outbox;
}

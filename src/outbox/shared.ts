/** One outbox per database per page, so several survey elements share one queue and one flush. */
import { DEFAULT_DATABASE_NAME } from '../storage/idb-record-store.js';
import { createOutboxWith } from './outbox.js';
import type { Outbox, OutboxOptions } from './types.js';

const shared = new Map<string, Outbox>();

export function createOutbox(options: OutboxOptions = {}): Outbox {
  return createOutboxWith(options);
}

/**
 * The page's outbox for `options.databaseName`. The first caller's options configure it; later
 * callers share it as is (each `submit()` may still name its own endpoint).
 */
export function getSharedOutbox(options: OutboxOptions = {}): Outbox {
  const name = options.databaseName ?? DEFAULT_DATABASE_NAME;
  const existing = shared.get(name);
  if (existing) return existing;
  const outbox = createOutboxWith(options);
  const close = outbox.close.bind(outbox);
  outbox.close = () => {
    if (shared.get(name) === outbox) shared.delete(name);
    close();
  };
  shared.set(name, outbox);
  return outbox;
}

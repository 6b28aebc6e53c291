// Types only: a value import would make core/outbox/transfer.ts a chunk shared with the respond chunk,
// which must stay one self-contained file (the offline retry re-imports it whole).
import type { OutboxExport } from '../../core/outbox/transfer.js';
import type { Outbox, OutboxStatus } from '../../outbox/index.js';

/**
 * The preview's outbox: one that holds nothing and sends nothing. The preview cancels Submit before
 * a response reaches it; should one arrive anyway, it is refused, never stored. Given to the
 * preview's `<encounter-survey>`, it also keeps the preview from opening the page's shared outbox,
 * which would send what other surveys on this origin queued.
 */
const idle: OutboxStatus = { pending: 0, rejected: 0, oldestPendingAt: null, lastDeliveredAt: null, lastDeliveryVerified: null, lastError: null, storage: 'indexeddb', persisted: null, endpointErrors: [] };

export const previewOutbox: Outbox = {
  ready: Promise.resolve(),
  submit: () => Promise.reject(new Error('encounter-survey: the editor preview keeps and sends nothing')),
  flush: () => Promise.resolve(),
  configureEndpoint: (endpoint) => endpoint,
  status: () => ({ ...idle, endpointErrors: [] }),
  rejected: () => Promise.resolve([]),
  retryRejected: () => Promise.resolve(),
  discardRejected: () => Promise.resolve(),
  exportAll: () => Promise.resolve<OutboxExport>({ format: 'encounter-survey-outbox', version: 1, exportedAt: new Date(0).toISOString(), pending: [], rejected: [], unreadable: [] }),
  importAll: () => Promise.resolve({ imported: 0, skipped: 0 }),
  subscribe: () => () => undefined,
  close: () => undefined,
};

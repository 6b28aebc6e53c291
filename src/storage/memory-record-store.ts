/** The queue held in this page's memory: used when IndexedDB is unavailable; gone when the page is. */
import type { RecordStore } from '../core/outbox/ports.js';

export function memoryRecordStore(): RecordStore & { clear(): void; size(): number } {
  const values = new Map<string, unknown>();
  let highest = 0;
  // Copies in and out, as IndexedDB would: a caller's later mutation must not change what is stored.
  const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
  return {
    kind: 'memory',
    entries: async () => [...values].map(([key, value]) => [key, copy(value)]),
    get: async (id) => copy(values.get(id)),
    put: async (record) => void values.set(record.id, copy(record)),
    delete: async (id) => {
      values.delete(id);
      if (values.size === 0) highest = 0;
    },
    update: async (id, change) => {
      const next = change(copy(values.get(id)));
      if (next === undefined) values.delete(id);
      else values.set(id, copy(next));
    },
    nextSequence: async () => ++highest,
    clear: () => values.clear(),
    size: () => values.size,
  };
}

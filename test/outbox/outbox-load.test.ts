import { expect } from '@open-wc/testing';
import type { Outbox } from '../../src/outbox/index.js';
import { createTestCollector } from '../support/collector.js';
import { cleanUp, openOutbox, submission, uniqueDatabase, until } from './outbox-harness.js';

describe('outbox: load (32)', () => {
  afterEach(cleanUp);

  it('1,000 responses across three tabs, 30% server faults and two reloads: 1,000 stored, none twice, none lost', async function () {
    this.timeout(240_000);
    const collector = await createTestCollector();
    // A fixed pattern rather than Math.random, so a failure can be replayed: 3 in every 10 answers fail.
    const faults = Array.from({ length: 1600 }, (_, index) => (index % 10 < 3 ? { status: 503 } : {}));
    await collector.script(...faults);
    const databaseName = uniqueDatabase();
    const open = () => openOutbox({ endpoint: collector.endpoint, databaseName, retry: { baseMs: 20, capMs: 100 } });
    const tabs: Outbox[] = [open(), open(), open()];
    const ids: string[] = [];
    for (let index = 0; index < 1000; index++) {
      if (index === 333 || index === 666) {
        // A reload: one tab goes away mid-flight and a new one opens over the same database.
        const reloaded = index === 333 ? 0 : 1;
        tabs[reloaded]!.close();
        tabs[reloaded] = open();
      }
      const response = submission();
      ids.push(response.id);
      await tabs[index % 3]!.submit(response);
    }
    const state = await collector.waitFor((current) => current.records.length >= 1000, 180_000);
    await until(() => tabs.every((tab) => tab.status().pending === 0), 30_000, 'every tab to see an empty queue');
    const stored = state.records.map((record) => record.key);
    expect(stored).to.have.length(1000);
    expect(new Set(stored).size).to.equal(1000);
    expect([...stored].sort()).to.deep.equal([...ids].sort());
    const final = await collector.state();
    expect(final.records).to.have.length(1000, 'nothing stored twice after the queues drained');
  });
});

import { expect } from '@open-wc/testing';
import { newRecord, parseRecord, RECORD_SCHEMA_VERSION } from '../../../src/core/outbox/record.js';
import { buildExport, readExport } from '../../../src/core/outbox/transfer.js';

describe('core/outbox records', () => {
  it('round-trips a current record', () => {
    const record = newRecord({ id: 'a', answers: {} }, 'https://x.test/r', 10, 2);
    expect(parseRecord(JSON.parse(JSON.stringify(record)))).to.deep.equal({ ok: true, record });
  });

  it('upgrades a version-0 record (no schemaVersion) in memory', () => {
    const parsed = parseRecord({ id: 'a', submission: { id: 'a' }, endpoint: 'https://x.test/r', createdAt: 5 });
    expect(parsed.ok).to.equal(true);
    if (!parsed.ok) return;
    expect(parsed.record).to.include({ schemaVersion: RECORD_SCHEMA_VERSION, state: 'pending', attempts: 0, nextAttemptAt: 5 });
  });

  it('refuses corrupt or future records with a reason', () => {
    const reasons = [null, 'x', [], { schemaVersion: 99 }, { id: 'a', submission: {}, endpoint: 'e', createdAt: 1 },
      { id: 'b', submission: { id: 'a' }, endpoint: 'e', createdAt: 1 }, { id: 'a', submission: { id: 'a' }, createdAt: 1 },
      { id: 'a', submission: { id: 'a' }, endpoint: 'e', createdAt: 'yesterday' },
      { id: 'a', submission: { id: 'a' }, endpoint: 'e', createdAt: 1, state: 'lost' }].map((value) => parseRecord(value));
    for (const result of reasons) {
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.reason).to.be.a('string').and.not.empty;
    }
  });

  it('exports and reads back an export, skipping bad entries', () => {
    const a = newRecord({ id: 'a' }, 'https://x.test/r', 1, 0);
    const b = { ...newRecord({ id: 'b' }, 'https://x.test/r', 2, 0), state: 'rejected' as const, reason: '422 bad' };
    const data = buildExport([a, b], [{ junk: true }], Date.UTC(2025, 0, 1));
    expect(data).to.include({ format: 'encounter-survey-outbox', version: 1, exportedAt: '2025-01-01T00:00:00.000Z' });
    const back = readExport(JSON.stringify({ ...data, pending: [...data.pending, { junk: 1 }] }));
    expect(back.records.map((r) => r.id)).to.deep.equal(['a', 'b']);
    expect(back.skipped).to.equal(1);
    expect(() => readExport({ format: 'something-else', version: 1 })).to.throw(TypeError);
  });
});

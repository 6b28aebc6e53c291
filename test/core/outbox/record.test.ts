import { expect } from '@open-wc/testing';
import { newRecord, parseRecord, queueTime, RECORD_SCHEMA_VERSION, upgradeLegacy } from '../../../src/core/outbox/record.js';
import { buildExport, readExport } from '../../../src/core/outbox/transfer.js';

describe('core/outbox records', () => {
  it('round-trips a current record', () => {
    const record = newRecord({ id: 'a', answers: {} }, 'https://x.test/r', 10, 2);
    expect(parseRecord(JSON.parse(JSON.stringify(record)))).to.deep.equal({ ok: true, record });
  });

  it('upgrades a version-0 record (no schemaVersion) in memory, its exact time coarsened', () => {
    const exact = Date.UTC(2026, 10, 20, 14, 37, 12, 345);
    const parsed = parseRecord({ id: 'a', submission: { id: 'a' }, endpoint: 'https://X.test:443/r', createdAt: exact });
    expect(parsed.ok).to.equal(true);
    if (!parsed.ok) return;
    expect(parsed.record).to.include({ schemaVersion: RECORD_SCHEMA_VERSION, state: 'pending', attempts: 0, endpoint: 'https://x.test/r' });
    expect(parsed.record.createdAt, 'no submittedAt: the day').to.equal(Date.UTC(2026, 10, 20));
    expect(parsed.legacy).to.deep.equal({ order: [exact, 0] });
    expect(parsed.record).not.to.have.property('nextAttemptAt');
  });

  it('upgrades a version-1 record: time from the submission bucket, schedule dropped', () => {
    const parsed = parseRecord({
      schemaVersion: 1, id: 'a', submission: { id: 'a', submittedAt: '2026-11-20T14:00:00.000Z' }, endpoint: 'https://x.test/r',
      state: 'pending', createdAt: Date.UTC(2026, 10, 20, 14, 37, 12), sequence: 4, attempts: 3, nextAttemptAt: 99, lastError: 'timeout', lastStatus: null, reason: null,
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.record.createdAt).to.equal(Date.UTC(2026, 10, 20, 14));
    expect(parsed.record).to.include({ attempts: 3, lastError: 'timeout' });
    expect(parsed.record).not.to.have.property('nextAttemptAt');
  });

  it('numbers older records before current ones, in their old order', () => {
    const old = (id: string, at: number, sequence: number) => ({ record: newRecord({ id }, 'https://x.test/r', 0, 0), order: [at, sequence] as [number, number] });
    const upgraded = upgradeLegacy([old('c', 20, 0), old('a', 10, 1), old('b', 10, 0)], -4);
    expect(upgraded.map((r) => [r.id, r.sequence])).to.deep.equal([['b', -3], ['a', -2], ['c', -1]]);
  });

  it('keeps the queue time no finer than the submission bucket, else the UTC day', () => {
    const now = Date.UTC(2026, 10, 20, 14, 37, 12, 345);
    expect(queueTime({ id: 'a', submittedAt: '2026-11-20T14:00:00.000Z' }, now)).to.equal(Date.UTC(2026, 10, 20, 14));
    expect(queueTime({ id: 'a' }, now)).to.equal(Date.UTC(2026, 10, 20));
    expect(queueTime({ id: 'a', submittedAt: 'not a date' }, now)).to.equal(Date.UTC(2026, 10, 20));
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
    expect(buildExport([], [], Date.UTC(2025, 0, 1, 13, 5, 7)).exportedAt, 'the day only').to.equal('2025-01-01T00:00:00.000Z');
    expect(buildExport([{ ...a, leaseOwner: 'tab', leaseUntil: 123 }], [], 0).pending[0]).to.deep.equal(a);
    const back = readExport(JSON.stringify({ ...data, pending: [...data.pending, { junk: 1 }] }));
    expect(back.records.map((r) => r.id)).to.deep.equal(['a', 'b']);
    expect(back.skipped).to.equal(1);
    expect(() => readExport({ format: 'something-else', version: 1 })).to.throw(TypeError);
  });
});

import { expect } from '@open-wc/testing';
import { buildSubmission, floorToBucket } from '../../src/core/payload.js';
import { submissionSchema } from '../../src/core/submission-schema.js';
import * as z from 'zod/mini';
import { parsed, sampleConfig, withQuestions } from './config/fixtures.js';

const UUID = '3f1c2b8e-9d4a-4c6b-8e2f-1a2b3c4d5e6f';
const options = (locale = 'en') => ({ now: () => Date.UTC(2024, 4, 17, 13, 45, 12, 345), randomId: () => UUID, locale });
const config = parsed(sampleConfig({ tags: { programme: 'warmline', site: 'north' } }));

describe('buildSubmission', () => {
  it('has exactly the allow-listed top-level keys, and nothing about the device', () => {
    const submission = buildSubmission(config, { heard: 'yes' }, options());
    // If this fails, a key was added to the payload: that is an anonymity decision, not a refactor.
    expect(Object.keys(submission)).to.deep.equal(['id', 'survey', 'submittedAt', 'locale', 'answers', 'tags']);
    expect(Object.keys(submission.survey)).to.deep.equal(['id', 'version']);
    expect(submission).to.deep.equal({
      id: UUID,
      survey: { id: 'sample', version: 3 },
      submittedAt: '2024-05-17T00:00:00.000Z',
      locale: 'en',
      answers: { heard: 'yes' },
      tags: { programme: 'warmline', site: 'north' },
    });
    const json = JSON.stringify(submission);
    for (const leak of [navigator.userAgent, location.href, String(screen.width), 'timezone', 'referrer']) {
      expect(json).not.to.contain(leak);
    }
    expect(z.safeParse(submissionSchema, submission).success).to.equal(true);
  });

  it('round-trips every question type', () => {
    const answers = { support: ['other', 'emotional'], 'support.other': ' peer walk ', heard: 'no', topics: ['c', 'a'], score: 0, note: ' hi ' };
    expect(buildSubmission(config, answers, options()).answers).to.deep.equal({
      support: ['emotional', 'other'],
      'support.other': 'peer walk',
      heard: 'no',
      topics: ['a', 'c'],
      score: 0,
      note: 'hi',
    });
  });

  it('with privacy.freeText "redact", replaces identifiers in text and "Other" answers; otherwise sends them as typed', () => {
    const answers = { support: ['other'], 'support.other': 'ring 07700 900123', note: ' at a@b.org ' };
    const redacting = parsed(sampleConfig({ privacy: { freeText: 'redact' } }));
    expect(buildSubmission(redacting, answers, options()).answers).to.deep.include({ 'support.other': 'ring [phone]', note: 'at [email]' });
    for (const freeText of ['warn', 'off']) {
      const kept = buildSubmission(parsed(sampleConfig({ privacy: { freeText } })), answers, options()).answers;
      expect(kept).to.deep.include({ 'support.other': 'ring 07700 900123', note: 'at a@b.org' });
    }
  });

  it('drops anything outside the config', () => {
    const answers = {
      support: ['emotional', 'bogus', 'emotional'],
      'support.other': 'sent only with "other"',
      heard: 'maybe',
      topics: ['a', 'b', 'c'],
      score: 11,
      note: '   ',
      unknown: 'x',
      'heard.other': 'x',
    };
    expect(buildSubmission(config, answers, options()).answers).to.deep.equal({ support: ['emotional'] });
    expect(buildSubmission(config, { score: 2.5 }, options()).answers).to.deep.equal({});
    expect(buildSubmission(config, { score: -1 }, options()).answers).to.deep.equal({});
    expect(buildSubmission(config, { score: '4' as unknown as number }, options()).answers).to.deep.equal({});
  });

  it('drops answers to hidden questions', () => {
    const gated = parsed(
      withQuestions([
        { id: 'a', type: 'single', label: 'A', options: [{ value: 'y', label: 'Y' }, { value: 'n', label: 'N' }] },
        { id: 'b', type: 'text', label: 'B', showIf: { question: 'a', equals: 'y' } },
      ]),
    );
    expect(buildSubmission(gated, { a: 'n', b: 'secret' }, options()).answers).to.deep.equal({ a: 'n' });
    expect(buildSubmission(gated, { a: 'y', b: 'ok' }, options()).answers).to.deep.equal({ a: 'y', b: 'ok' });
    // An invalid gate answer is dropped, so the gated question is hidden too.
    expect(buildSubmission(gated, { a: 'Y', b: 'x' }, options()).answers).to.deep.equal({});
  });

  it('trims and caps text in code points without splitting surrogate pairs; keeps RTL and lone surrogates', () => {
    const answers = { note: ` ${'😀'.repeat(12)} `, support: ['other'], 'support.other': 'x'.repeat(150) };
    const result = buildSubmission(config, answers, options()).answers;
    expect(result.note).to.equal('😀'.repeat(10));
    expect((result['support.other'] as string).length).to.equal(100);
    expect(buildSubmission(config, { note: 'مرحبا \uD800' }, options()).answers.note).to.equal('مرحبا \uD800');
  });

  it('uses a fresh id from randomId and refuses anything but a UUID v4', () => {
    let n = 0;
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-a222-222222222222'];
    const next = { ...options(), randomId: () => ids[n++]! };
    expect(buildSubmission(config, {}, next).id).to.not.equal(buildSubmission(config, {}, next).id);
    expect(() => buildSubmission(config, {}, { ...options(), randomId: () => 'device-123' })).to.throw(TypeError, 'UUID v4');
    expect(() => buildSubmission(config, {}, { ...options(), randomId: () => '11111111-1111-1111-8111-111111111111' })).to.throw(TypeError);
  });

  it('reports a locale the survey has', () => {
    const multi = parsed(sampleConfig({ locales: ['en', 'es'] }));
    expect(buildSubmission(multi, {}, options('es-MX')).locale).to.equal('es');
    expect(buildSubmission(multi, {}, options('de')).locale).to.equal('en');
  });

  it('does not read inherited answers', () => {
    const odd = parsed(withQuestions([{ id: 'constructor', type: 'text', label: 'A' }, { id: 'toString', type: 'text', label: 'B' }]));
    expect(buildSubmission(odd, {}, options()).answers).to.deep.equal({});
  });
});

describe('floorToBucket (UTC)', () => {
  const floor = (iso: string, bucket: 'hour' | 'day' | 'week' | 'month') => floorToBucket(new Date(iso), bucket).toISOString();
  it('floors to the hour, day, ISO week and month', () => {
    expect(floor('2024-05-17T13:45:12.345Z', 'hour')).to.equal('2024-05-17T13:00:00.000Z');
    expect(floor('2024-05-17T13:45:12.345Z', 'day')).to.equal('2024-05-17T00:00:00.000Z');
    expect(floor('2024-05-17T13:45:12.345Z', 'week')).to.equal('2024-05-13T00:00:00.000Z');
    expect(floor('2024-05-19T23:59:59.999Z', 'week')).to.equal('2024-05-13T00:00:00.000Z');
    expect(floor('2024-05-20T00:00:00.000Z', 'week')).to.equal('2024-05-20T00:00:00.000Z');
    expect(floor('2024-05-17T13:45:12.345Z', 'month')).to.equal('2024-05-01T00:00:00.000Z');
  });
  it('handles midnight, month ends, leap days and year ends', () => {
    expect(floor('2024-01-31T23:59:59.999Z', 'day')).to.equal('2024-01-31T00:00:00.000Z');
    expect(floor('2024-02-01T00:00:00.000Z', 'day')).to.equal('2024-02-01T00:00:00.000Z');
    expect(floor('2024-02-29T23:30:00.000Z', 'month')).to.equal('2024-02-01T00:00:00.000Z');
    expect(floor('2024-03-01T00:00:00.001Z', 'month')).to.equal('2024-03-01T00:00:00.000Z');
    expect(floor('2023-12-31T23:59:59.999Z', 'month')).to.equal('2023-12-01T00:00:00.000Z');
    expect(floor('2025-01-01T02:00:00.000Z', 'week')).to.equal('2024-12-30T00:00:00.000Z');
    expect(floor('2024-03-01T00:30:00.000Z', 'week')).to.equal('2024-02-26T00:00:00.000Z');
  });
  it('is what buildSubmission sends for each bucket', () => {
    for (const [bucket, expected] of [['hour', '2024-05-17T13:00:00.000Z'], ['week', '2024-05-13T00:00:00.000Z'], ['month', '2024-05-01T00:00:00.000Z']] as const) {
      expect(buildSubmission(parsed(sampleConfig({ timeBucket: bucket })), {}, options()).submittedAt).to.equal(expected);
    }
  });
});

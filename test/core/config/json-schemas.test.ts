import { expect } from '@open-wc/testing';
// Classic zod's JSON Schema reader is an independent check of the generated files (test-only import).
import { fromJSONSchema } from 'zod';
import { jsonSchemas } from '../../../scripts/json-schemas.js';
import { parsed, sampleConfig } from './fixtures.js';
import { presets } from '../../../src/presets/index.js';
import { buildSubmission } from '../../../src/core/payload.js';

describe('generated JSON Schemas', () => {
  const schemas = jsonSchemas();
  const config = fromJSONSchema(schemas['survey-config'] as never);
  const submission = fromJSONSchema(schemas.submission as never);

  it('accept every preset and the sample config', () => {
    for (const preset of [...Object.values(presets), sampleConfig()]) expect(config.safeParse(preset).success).to.equal(true);
  });

  it('reject a broken config', () => {
    expect(config.safeParse(sampleConfig({ questions: [] })).success).to.equal(false);
    expect(config.safeParse(sampleConfig({ timeBucket: 'year' })).success).to.equal(false);
    expect(config.safeParse(sampleConfig({ questions: [{ id: 'a', type: 'text', lable: 'typo' }] })).success).to.equal(false);
    expect(config.safeParse(sampleConfig({ questions: [{ id: 'a', type: 'text', label: 'A', maxLength: 5000 }] })).success).to.equal(false);
  });

  it('describe a submission and nothing more', () => {
    const built = buildSubmission(parsed(sampleConfig()), { heard: 'yes' }, { now: () => 0, randomId: () => '11111111-1111-4111-8111-111111111111', locale: 'en' });
    expect(submission.safeParse(built).success).to.equal(true);
    expect(submission.safeParse({ ...built, userAgent: 'x' }).success).to.equal(false);
    expect(schemas.submission.required).to.deep.equal(['id', 'survey', 'submittedAt', 'locale', 'answers', 'tags']);
  });
});

import { expect } from '@open-wc/testing';
import { parseSurveyConfig } from '../../../src/core/config/parse.js';
import { readSurveyConfig } from '../../../src/core/config/read.js';
import { presets } from '../../../src/presets/index.js';
import { sampleConfig } from './fixtures.js';

/** What rendering depends on: every question, with its defaults and options. */
const shown = (config: { questions: unknown[]; locales: string[]; timeBucket: string; kiosk: unknown }) =>
  JSON.parse(JSON.stringify({ questions: config.questions, locales: config.locales, timeBucket: config.timeBucket, kiosk: config.kiosk }));

describe('the quick read of a config (before validation has loaded)', () => {
  it('shows a valid config exactly as validation will', () => {
    for (const config of [sampleConfig(), ...Object.values(presets)]) {
      expect(shown(readSurveyConfig(config)!)).to.deep.equal(shown(parseSurveyConfig(config)));
    }
  });

  it('gives up on anything not shaped like a survey, and never throws', () => {
    for (const input of [null, 'text', [], {}, { id: 's' }, { id: 's', questions: [{ type: 'single' }] }, { id: 's', questions: [{ id: 'q', type: 'wat' }] }, { id: 's', questions: [{ id: 'q', type: 'single', options: 'x' }] }, { id: 's', questions: [], locales: [3] }]) {
      expect(readSurveyConfig(input), JSON.stringify(input)).to.equal(null);
    }
  });

  it('copies nothing onto prototypes', () => {
    const read = readSurveyConfig(JSON.parse('{"__proto__":{"polluted":1},"id":"s","questions":[{"id":"q","type":"text","label":"Q","__proto__":{"polluted":2}}]}'));
    expect(read).to.not.equal(null);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

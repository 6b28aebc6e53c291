import { expect } from '@open-wc/testing';
import { formatPath, SurveyConfigError } from '../../../src/core/config/errors.js';

describe('SurveyConfigError', () => {
  it('lists every issue on its own line and keeps them for code', () => {
    const issues = [
      { path: 'questions[2].options[0].value', message: 'Duplicate option value "x"' },
      { path: '', message: 'Expected a survey config object' },
    ];
    const error = new SurveyConfigError(issues, 'survey.json');
    expect(error.name).to.equal('SurveyConfigError');
    expect(error.code).to.equal('config-invalid');
    expect(error.issues).to.equal(issues);
    expect(error.message).to.equal(
      'Config from "survey.json" has 2 problems:\n  questions[2].options[0].value: Duplicate option value "x"\n  Expected a survey config object',
    );
  });

  it('formats paths the way a page author reads them', () => {
    expect(formatPath(['questions', 2, 'options', 0, 'value'])).to.equal('questions[2].options[0].value');
    expect(formatPath(['title', 'es-MX'])).to.equal('title["es-MX"]');
    expect(formatPath([])).to.equal('');
  });
});

// The demo's generated data at fixed dates (month ends, a leap day, first days of a month, DST
// changes, inside the hour after midnight when a period closes): the three closed months always
// hold the same number of responses at both sites, and nothing falls on a day that is not over.
// The dashboard end-to-end test relies on this; it once failed on the 4th of a month.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closedPeriods, summaryDay } from 'encounter-survey/core';
import { DEMO_SURVEY, DEMO_VISITS_PER_MONTH, demoSubmissions } from '../../collector/src/demo-data.js';
import { loadSurveys } from '../../collector/src/surveys.js';

const surveys = await loadSurveys('demo/surveys');
const configs = surveys.versions(DEMO_SURVEY);
const perMonth = Object.values(DEMO_VISITS_PER_MONTH).reduce((sum, visits) => sum + visits, 0);

const dates = [
  '2026-12-04T19:50:00Z', // the day CI first went red
  '2026-01-31T23:59:59Z',
  '2026-03-01T00:00:00Z',
  '2026-03-01T00:30:00Z', // inside the closing grace: February is still open
  '2026-04-30T12:00:00Z',
  '2026-10-25T01:30:00Z', // Europe's DST change
  '2026-11-01T06:30:00Z', // the US DST change
  '2027-01-01T00:00:00Z',
  '2028-02-29T12:00:00Z', // a leap day
  '2028-03-01T02:00:00Z',
];

test('the demo survey has two sites', () => {
  assert.deepEqual(configs.map((config) => config.tags.site).sort(), ['demo-north', 'demo-south']);
});

for (const iso of dates) {
  test(`seeded at ${iso}: ${perMonth} responses in each of the three closed months, none on a day not over`, () => {
    const now = new Date(iso);
    const responses = demoSubmissions(configs, now);
    const today = summaryDay(now);
    for (const month of closedPeriods(now, { unit: 'month', count: 3 })) {
      const inMonth = responses.filter(({ submission }) => submission.submittedAt >= month.start && submission.submittedAt < month.end);
      assert.equal(inMonth.length, perMonth, `${month.start}`);
      for (const [site, visits] of Object.entries(DEMO_VISITS_PER_MONTH)) {
        assert.equal(inMonth.filter(({ submission }) => submission.tags?.site === site).length, visits, `${month.start} ${site}`);
      }
    }
    assert.ok(responses.every(({ submission }) => submission.submittedAt.slice(0, 10) < today), 'no response on a day that is not over');
    assert.ok(responses.every(({ config, submission }) => submission.tags?.site === config.tags.site));
  });
}

test('a month holds the same responses whenever it is seeded', () => {
  const november = (iso: string) =>
    demoSubmissions(configs, new Date(iso))
      .map(({ submission }) => submission)
      .filter((submission) => submission.submittedAt.startsWith('2026-11'));
  assert.deepEqual(november('2026-12-04T10:00:00Z'), november('2027-01-31T10:00:00Z'));
});

test('ids are distinct', () => {
  const ids = demoSubmissions(configs, new Date('2026-12-04T10:00:00Z')).map(({ submission }) => submission.id);
  assert.equal(new Set(ids).size, ids.length);
});

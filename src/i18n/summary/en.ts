import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
  $dir: 'ltr',
  caption: 'Survey summary',
  responses: (total) => `Responses: ${total}`,
  answered: (answered) => `Answered this question: ${answered}`,
  answeredHeading: 'Answered this question',
  answer: 'Answer',
  count: 'Count',
  share: 'Share',
  fewerThan: (k) => `fewer than ${k}`,
  suppressedNote: (k, rounding) =>
    `To protect privacy, counts under ${k} show as “<${k}” without a share, ` +
    (rounding > 1 ? `other counts are rounded to a multiple of ${rounding}, ` : '') +
    'and only whole periods that have ended are broken down.',
  chartLabel: (caption, items) => `Bar chart, ${caption}: ${items}.`,
  showTable: 'Show as tables',
  hideTable: 'Hide the tables',
  loading: 'Loading the summary…',
  error: 'The summary could not be loaded.',
  malformed: (fields) => `This summary cannot be shown. Missing or wrong: ${fields.join(', ')}.`,
  empty: 'No answers yet.',
  median: (value) => `Median: ${value}`,
  scale: (low, high) => `Scale: ${low} to ${high}`,
  seriesCaption: (unit) => (unit === 'week' ? 'Responses per week' : 'Responses per month'),
  period: 'Period',
  weekOf: (day) => `Week of ${day}`,
  covers: (range) => `Covers ${range}.`,
  openPeriod: (unit, total, k) =>
    `${unit === 'week' ? 'This week' : 'This month'} so far: ${total === null ? `fewer than ${k}` : `about ${total}`} responses, shown in detail once it has ended.`,
  noClosedPeriod: (unit) => (unit === 'week' ? 'No whole week has ended yet.' : 'No whole month has ended yet.'),
};

export default strings;

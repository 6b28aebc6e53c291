import type { SummaryStrings } from '../types.js';

const strings: SummaryStrings = {
  $dir: 'ltr',
  caption: 'Kinds of support received',
  responses: (total) => `Responses: ${total}`,
  answered: (answered) => `Answered this question: ${answered}`,
  answeredHeading: 'Answered this question',
  answer: 'Answer',
  count: 'Count',
  share: 'Share',
  fewerThan: (k) => `fewer than ${k}`,
  suppressedNote: (k) => `To protect privacy, counts under ${k} are shown as “<${k}” and their share is hidden.`,
  chartLabel: (caption, items) => `Bar chart, ${caption}: ${items}.`,
  showTable: 'Show as a table',
  hideTable: 'Hide the table',
  loading: 'Loading the summary…',
  error: 'The summary could not be loaded.',
  empty: 'No answers yet.',
};

export default strings;

import type { DashboardStrings } from '../types.js';
import { inSentence, listOf } from './words.js';

const strings: DashboardStrings = {
  $dir: 'ltr',
  title: 'Survey dashboard',
  signInHeading: 'Staff sign-in',
  tokenLabel: 'Staff token',
  tokenHelp: 'The collector’s staff token. It is exchanged for a session cookie and not kept in this page.',
  signIn: 'Sign in',
  wrongToken: 'That is not the staff token.',
  signOut: 'Sign out',
  signedOut: 'You are signed out.',
  sessionEnded: 'Your session has ended. Please sign in again.',
  unreachable: 'The collector could not be reached. Try again in a moment.',
  loading: 'Loading…',
  language: 'Language',
  survey: 'Survey',
  noSurveys: 'This collector has no survey configs.',
  filters: 'Filters',
  unit: 'Break down by',
  week: 'Week',
  month: 'Month',
  from: 'From',
  to: 'To',
  version: 'Version',
  locale: 'Language of the responses',
  all: 'All',
  show: 'Show',
  downloads: 'Download the responses',
  downloadCsv: 'CSV (spreadsheets)',
  downloadJson: 'JSON Lines',
  report: 'Monthly report',
  reportMonth: 'Month',
  openReport: 'Open the report',
  closeReport: 'Back to the dashboard',
  print: 'Print',
  headlineMultiple: (month, [first, ...rest], n) =>
    `In ${month}, ${first!.percent} of responses included ${inSentence(first!.label, 'en')}` +
    (rest.length ? ` and ${listOf(rest.map((item) => `${item.percent} ${inSentence(item.label, 'en')}`), 'en')}` : '') +
    ` (n = ${n}).`,
  headlineSingle: (question, answer, percent, n) => `To “${question}”, ${percent} answered “${answer}” (n = ${n}).`,
  headlineRating: (question, median, max, n) => `The median answer to “${question}” was ${median} out of ${max} (n = ${n}).`,
  headlineTooFew: (month, k) => `In ${month} there were fewer than ${k} responses, so no figures are shown.`,
};

export default strings;

/**
 * The built-in UI strings of every element. Survey content (titles, questions, options) comes from
 * config; these are only the words around it. Functions take counts so each language pluralises
 * its own way.
 */
export interface SurveyStrings {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';
  next: string;
  back: string;
  submit: string;
  submitting: string;
  optional: string;
  supportTypesQuestion: string;
  otherDetails: string;
  stepOf: (step: number, total: number) => string;
  charactersLeft: (left: number, max: number) => string;
  required: string;
  chooseAtLeast: (count: number) => string;
  chooseAtMost: (count: number) => string;
  tooLong: (max: number) => string;
  invalid: string;
  problemsFound: (count: number) => string;
  /** The thank-you heading when the config has none: says nothing about delivery (the status line does). */
  thankYou: string;
  statusSent: string;
  statusSaved: string;
  statusSending: string;
  statusUnsaved: string;
  statusTooLarge: string;
  /** What storing needs could not load (offline): the answers stay, and are stored once it loads. */
  statusUnavailable: string;
  /** The server does not have one of the survey's files (HTTP 404): no connection will fix it. */
  statusMissing: (file: string) => string;
  configError: string;
  loading: string;
  leave: string;
  needHelpNow: string;
  whatThisSends: string;
  sendsIntro: string;
  sendsId: string;
  sendsSurvey: string;
  sendsTime: (bucket: string) => string;
  sendsLocale: string;
  sendsAnswer: (question: string) => string;
  sendsOtherText: (question: string) => string;
  sendsTag: (name: string, value: string) => string;
  sendsNever: string;
  // Time buckets named in "what this survey sends"
  buckets: Record<'hour' | 'day' | 'week' | 'month', string>;
  /** `<survey-launcher>`'s default label. */
  feedback: string;
  /** Sent to a receiver that gives no readable answer (`no-cors`): sent, not confirmed. */
  statusSentUnverified: string;
  /** The receiver refused the response for good: it stays on the device and is not sent by itself. */
  statusNotAccepted: string;
  closeSurvey: string;
  /** Said once (politely) when a slide-in survey opens by itself, without taking focus. */
  surveyOpened: (title: string) => string;
  dontAskAgain: string;
  /** "Don't ask again" keeps one date on the device; the disclosure says so. */
  keptOnDevice: (date: string) => string;
  /** Words for the faces of a 3- or 5-point scale, saddest first (read by screen readers). */
  faces: (points: 3 | 5) => string[];
  /** Read after a required question's name. */
  requiredWord: string;
  /** A text over its limit (set by a script, or pasted where `maxlength` is not enforced). */
  charactersOver: (over: number) => string;
}

/** Kiosk screens and the staff panel (staff strings are never shown to respondents). */
export interface KioskStrings {
  start: string;
  stillThere: string;
  stillThereCountdown: (seconds: number) => string;
  imStillHere: string;
  passTablet: string;
  ready: string;
  staffPanel: string;
  pin: string;
  unlock: string;
  wrongPin: string;
  pendingCount: string;
  oldestPending: string;
  lastDelivered: string;
  rejectedCount: string;
  /** After "Last sent": the last response went to a receiver whose answer cannot be read (no-cors). */
  notConfirmed: string;
  storage: string;
  never: string;
  sendNow: string;
  exportResponses: string;
  close: string;
}

/** `<survey-summary>` and the staff dashboard's charts. */
export interface SummaryStrings {
  $dir: 'ltr' | 'rtl';
  /** Caption when the summary has no title. */
  caption: string;
  responses: (total: string) => string;
  answered: (answered: string) => string;
  /** Row heading of a table's footer (responses that answered the question). */
  answeredHeading: string;
  answer: string;
  count: string;
  share: string;
  /** Read by screen readers instead of "<11". */
  fewerThan: (k: number) => string;
  /** How figures are protected, in plain words. */
  suppressedNote: (k: number, rounding: number) => string;
  chartLabel: (caption: string, items: string) => string;
  showTable: string;
  hideTable: string;
  loading: string;
  error: string;
  /** A summary of the wrong shape: the fields missing or wrong (`format`, `questions[1].cells`). */
  malformed: (fields: string[]) => string;
  empty: string;
  median: (value: string) => string;
  /** The ends of a rating scale: "1 = Not at all, 5 = Completely". */
  scale: (low: string, high: string) => string;
  seriesCaption: (unit: 'week' | 'month') => string;
  period: string;
  weekOf: (day: string) => string;
  /** The closed periods covered. */
  covers: (range: string) => string;
  /** The open period's total alone (`null`: fewer than k). */
  openPeriod: (unit: 'week' | 'month', total: string | null, k: number) => string;
  noClosedPeriod: (unit: 'week' | 'month') => string;
}

/** The staff dashboard's words (`<survey-dashboard>`, served by the collector at /dashboard). */
export interface DashboardStrings {
  $dir: 'ltr' | 'rtl';
  title: string;
  signInHeading: string;
  tokenLabel: string;
  tokenHelp: string;
  signIn: string;
  wrongToken: string;
  signOut: string;
  signedOut: string;
  sessionEnded: string;
  unreachable: string;
  loading: string;
  language: string;
  survey: string;
  noSurveys: string;
  filters: string;
  unit: string;
  week: string;
  month: string;
  from: string;
  to: string;
  version: string;
  locale: string;
  all: string;
  show: string;
  downloads: string;
  downloadCsv: string;
  downloadJson: string;
  report: string;
  reportMonth: string;
  openReport: string;
  closeReport: string;
  print: string;
  /** "In October 2026, 78% of responses included emotional support and 23% social connection (n = 480)." */
  headlineMultiple: (month: string, items: Array<{ label: string; percent: string }>, n: string) => string;
  headlineSingle: (question: string, answer: string, percent: string, n: string) => string;
  headlineRating: (question: string, median: string, max: string, n: string) => string;
  headlineTooFew: (month: string, k: number) => string;
}

/**
 * The free-text notice (issue #22): what was found in a typed answer and why it matters. Loaded
 * with the notice, never before the first question.
 */
export interface FreeTextStrings {
  /** One kind of detail, with its article ("a phone number"), to go in a list. */
  kinds: Record<'phone' | 'email' | 'url' | 'address' | 'postcode' | 'birth-date', string>;
  /** `what` is a list of kinds, already joined ("a phone number and a link"). */
  found: (what: string) => string;
  why: string;
  remove: string;
  keep: string;
}

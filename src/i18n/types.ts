/**
 * The built-in UI strings of every element. Survey content (titles, questions, options) comes from
 * config; these are only the words around it. Functions take counts so each language pluralises
 * its own way.
 */
export interface Translation {
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
  statusSent: string;
  statusSaved: string;
  statusSending: string;
  statusUnsaved: string;
  statusTooLarge: string;
  configError: string;
  loading: string;
  startOver: string;
  // Kiosk and safety
  start: string;
  stillThere: string;
  stillThereCountdown: (seconds: number) => string;
  imStillHere: string;
  passTablet: string;
  ready: string;
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
  // Staff panel (staff only, never shown to respondents)
  staffPanel: string;
  pin: string;
  unlock: string;
  wrongPin: string;
  pendingCount: string;
  oldestPending: string;
  lastDelivered: string;
  rejectedCount: string;
  storage: string;
  never: string;
  sendNow: string;
  exportResponses: string;
  close: string;
  // Time buckets named in "what this survey sends"
  buckets: Record<'hour' | 'day' | 'week' | 'month', string>;
}

export type TranslationCode = 'en' | 'es' | 'fr' | 'ar';

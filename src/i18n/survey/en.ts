import type { SurveyStrings } from '../types.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const strings: SurveyStrings = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  next: 'Next',
  back: 'Back',
  submit: 'Submit',
  submitting: 'Sending…',
  optional: 'optional',
  supportTypesQuestion: 'Which kinds of support did you receive today?',
  otherDetails: 'Tell us more (optional)',
  stepOf: (step, total) => `Step ${step} of ${total}`,
  charactersLeft: (left, max) => `${left} of ${max} ${plural(max, 'character', 'characters')} left`,
  required: 'Please answer this question.',
  chooseAtLeast: (count) => `Please choose at least ${count} ${plural(count, 'option', 'options')}.`,
  chooseAtMost: (count) => `Please choose no more than ${count} ${plural(count, 'option', 'options')}.`,
  tooLong: (max) => `Please keep this under ${max} characters.`,
  invalid: 'This answer is not one of the choices.',
  problemsFound: (count) => `Please look again at ${count} ${plural(count, 'question', 'questions')} before you go on.`,
  statusSent: 'Sent. Thank you.',
  statusSaved: 'Saved on this device. It will be sent automatically.',
  statusSending: 'Sending… please keep this page open for a moment.',
  statusUnsaved: 'Your answers could not be saved on this device. Nothing was sent. Please try again later.',
  statusTooLarge: 'Your answers are too long to send. Please shorten them and try again.',
  statusUnavailable: 'Your answers are still here, but they could not be sent from this page just now. Please check the connection and press Submit again.',
  configError: 'This survey cannot be shown because its setup has problems:',
  loading: 'Loading…',
  leave: 'Leave this page',
  needHelpNow: 'If you need help now:',
  whatThisSends: 'What this survey sends',
  sendsIntro: 'Each response contains only:',
  sendsId: 'a random number that is new for every response, so it is never counted twice',
  sendsSurvey: 'the name and version of this survey',
  sendsTime: (bucket) => `the ${bucket} it was sent, not the exact time`,
  sendsLocale: 'the language you answered in',
  sendsAnswer: (question) => `your answer to “${question}”, if you give one`,
  sendsOtherText: (question) => `anything you write under “Other” in “${question}”`,
  sendsTag: (name, value) => `${name}: ${value} (the same for everyone here)`,
  sendsNever:
    'It never contains your name, device, browser, location, address or any way to link your answers together.',
  buckets: { hour: 'hour', day: 'day', week: 'week', month: 'month' },
};

export default strings;

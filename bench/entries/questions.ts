// The default preset's questions (src/presets/peer-support-encounter.ts) in plain English, for the
// comparison pages: support types (7 + "other" = 8 choices), helpfulness 1–5, felt heard,
// would reach out again, optional comment. Kept here so (b) and (c) render exactly the same survey.
export const title = 'How was your peer support today?';
export const intro = 'This survey is anonymous and takes less than a minute. Skip anything you like.';

export const supportTypes = [
  ['emotional', 'Emotional support'],
  ['social', 'Social connection'],
  ['information', 'Information & resources'],
  ['practical', 'Practical help'],
  ['advocacy', 'Advocacy'],
  ['wellness', 'Wellness & recovery planning'],
  ['crisis', 'Crisis support'],
] as const;

export const questions = {
  supportTypes: { label: 'What kinds of support did you receive today?', help: 'Choose all that apply.' },
  helpful: { label: 'How helpful was this conversation for you?', minLabel: 'Not helpful', maxLabel: 'Very helpful' },
  heard: { label: 'Did you feel heard?', options: [['yes', 'Yes'], ['somewhat', 'Somewhat'], ['no', 'No']] },
  useAgain: { label: 'Would you reach out for peer support again?', options: [['yes', 'Yes'], ['maybe', 'Maybe'], ['no', 'No']] },
  comment: { label: 'Anything else you would like to tell us? (optional)', help: 'Please do not include names or contact details.', maxLength: 500 },
} as const;

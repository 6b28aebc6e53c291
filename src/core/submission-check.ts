import { answerOf, isQuestionVisible, isRating, type Answers } from './answers.js';
import type { Question, SurveyConfig } from './config/schema.js';
import { removeControlCharacters } from './control-characters.js';
import { floorToBucket } from './payload.js';
import type { AnswerValue, Submission } from './submission-schema.js';
import { codePointLength } from './text.js';

/**
 * Checks a received submission against the survey config it claims to answer, the way
 * `buildSubmission` builds one: a receiver stores only what the widget could have sent. Anything
 * else (an unknown question, a value that is not an option, a rating out of range, text over
 * `maxLength`, "other" text where the question allows none, a question its `showIf` hides, a
 * locale or tags the config does not declare) is an issue with a path. Nothing is silently dropped:
 * a client that sends something else learns what and where.
 *
 * On success the submission comes back normalised as the widget would have built it:
 * `submittedAt` floored again to the survey's `timeBucket` (a non-widget client cannot store a
 * finer time), choices in option order, text trimmed and stripped of control characters.
 */
export interface SubmissionIssue {
  path: string;
  message: string;
}

export type SubmissionCheck = { ok: true; submission: Submission } | { ok: false; issues: SubmissionIssue[] };

/** Enough to fix a client; a hostile POST cannot make the answer large. */
const MAX_ISSUES = 20;

export function checkSubmission(config: SurveyConfig, submission: Submission): SubmissionCheck {
  const issues: SubmissionIssue[] = [];
  const report = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };
  if (submission.survey.id !== config.id) report('survey.id', `Expected survey "${config.id}".`);
  if (String(submission.survey.version) !== String(config.version)) {
    report('survey.version', `Expected version ${JSON.stringify(config.version)} of survey "${config.id}".`);
  }
  if (!config.locales.includes(submission.locale)) {
    report('locale', `"${submission.locale}" is not one of this survey's locales (${config.locales.join(', ')}).`);
  }
  checkTags(config, submission.tags, report);

  const answers: Answers = {};
  const kept: Answers = {};
  const known = new Set<string>();
  for (const question of config.questions) {
    known.add(question.id);
    const value = answerOf(submission.answers, question.id);
    // Visibility is judged on the answers kept so far, exactly as buildSubmission judges it.
    const visible = isQuestionVisible(question, kept);
    if (value === undefined) continue;
    const path = `answers.${question.id}`;
    if (!visible) {
      report(path, 'This question is not shown for these answers (see its showIf).');
      continue;
    }
    const cleaned = checkAnswer(question, value);
    if (typeof cleaned === 'object' && 'problem' in cleaned) {
      report(path, cleaned.problem);
      continue;
    }
    kept[question.id] = cleaned;
    answers[question.id] = cleaned;
  }
  for (const question of config.questions) {
    const key = `${question.id}.other`;
    if (!Object.hasOwn(submission.answers, key)) continue;
    known.add(key);
    const other = checkOther(question, kept[question.id], submission.answers[key]!);
    if (typeof other === 'object') report(`answers.${key}`, other.problem);
    else answers[key] = other;
  }
  for (const key of Object.keys(submission.answers)) {
    if (!known.has(key)) report(`answers.${key}`, `Survey "${config.id}" has no question "${key}".`);
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    submission: {
      id: submission.id,
      survey: { id: config.id, version: config.version },
      submittedAt: floorToBucket(new Date(submission.submittedAt), config.timeBucket).toISOString(),
      locale: submission.locale,
      answers,
      tags: { ...config.tags },
    },
  };
}

function checkTags(config: SurveyConfig, tags: Record<string, string>, report: (path: string, message: string) => void) {
  for (const [name, value] of Object.entries(tags)) {
    if (!Object.hasOwn(config.tags, name)) report(`tags.${name}`, `Survey "${config.id}" declares no tag "${name}".`);
    else if (config.tags[name] !== value) report(`tags.${name}`, `Expected "${config.tags[name]}", as the survey config declares.`);
  }
  for (const name of Object.keys(config.tags)) {
    if (!Object.hasOwn(tags, name)) report(`tags.${name}`, `Missing; the survey config declares "${config.tags[name]}".`);
  }
}

type Checked = AnswerValue | { problem: string };

function checkAnswer(question: Question, value: AnswerValue): Checked {
  switch (question.type) {
    case 'text': {
      const text = typeof value === 'string' ? removeControlCharacters(value).trim() : '';
      if (typeof value !== 'string') return { problem: 'Expected text.' };
      if (!text) return { problem: 'Empty answer; leave the question out instead.' };
      const length = codePointLength(text);
      return length > question.maxLength ? { problem: `Over ${question.maxLength} characters (${length}).` } : text;
    }
    case 'rating':
      return isRating(question, value)
        ? value
        : { problem: `Expected a whole number from ${question.min} to ${question.max}.` };
    case 'single':
      return typeof value === 'string' && question.options.some((o) => o.value === value)
        ? value
        : { problem: `Expected one of: ${optionList(question)}.` };
    default: {
      if (!Array.isArray(value) || value.length === 0) return { problem: 'Expected a non-empty list of option values.' };
      const allowed = new Set(question.options.map((o) => o.value));
      const unknown = value.filter((item) => !allowed.has(item));
      if (unknown.length > 0) {
        const shown = unknown.slice(0, 3).map((item) => JSON.stringify(item.slice(0, 40))).join(', ');
        return { problem: `${unknown.length} value(s) are not options (${shown}${unknown.length > 3 ? ', …' : ''}); expected: ${optionList(question)}.` };
      }
      if (new Set(value).size !== value.length) return { problem: 'A value is listed twice.' };
      if (question.max !== undefined && value.length > question.max) return { problem: `At most ${question.max} choices.` };
      // Option order, as buildSubmission sends it.
      return question.options.map((o) => o.value).filter((option) => value.includes(option));
    }
  }
}

function checkOther(question: Question, answer: AnswerValue | undefined, value: AnswerValue): string | { problem: string } {
  if (!('allowOther' in question) || !question.allowOther) return { problem: `Question "${question.id}" has no "Other" text.` };
  const choseOther = answer === 'other' || (Array.isArray(answer) && answer.includes('other'));
  if (!choseOther) return { problem: `Only sent when "other" is chosen in "${question.id}".` };
  if (typeof value !== 'string') return { problem: 'Expected text.' };
  const text = removeControlCharacters(value, { keepNewlines: false }).trim();
  if (!text) return { problem: 'Empty "Other" text; leave it out instead.' };
  const length = codePointLength(text);
  return length > question.otherMaxLength ? { problem: `Over ${question.otherMaxLength} characters (${length}).` } : text;
}

function optionList(question: Extract<Question, { options: unknown }>): string {
  const values = question.options.map((o) => o.value);
  return values.length > 12 ? `${values.slice(0, 12).join(', ')}, … (${values.length} options)` : values.join(', ');
}

import '../zod.js'; // jitless first (strict CSP)
import * as z from 'zod/mini';
import { checkSurvey, type BrokenParts, type PartialStructured } from './checks.js';
import { formatPath, SurveyConfigError, type ConfigIssue } from './errors.js';
import { choiceOptionsSchema, questionSchema, surveyConfigSchema, type ChoiceOption, type SurveyConfig } from './schema.js';

export type SafeParseResult = { success: true; config: SurveyConfig } | { success: false; error: SurveyConfigError };

/**
 * Validates a survey config and applies defaults. Every problem is reported at once, each with a
 * path and a plain-English message: the structural problems (zod), then the cross-field rules
 * (duplicates, showIf references, locales, ranges) on every part that is well formed.
 */
export function safeParseSurveyConfig(input: unknown, source?: string): SafeParseResult {
  let issues: ConfigIssue[];
  try {
    const parsed = z.safeParse(surveyConfigSchema, input);
    if (parsed.success) {
      const checked = checkSurvey(parsed.data);
      if (checked.issues.length === 0) return { success: true, config: checked.config };
      issues = checked.issues;
    } else {
      issues = parsed.error.issues.flatMap((issue) => toIssues(issue, input));
      const parts = wellFormedParts(input);
      if (parts) issues.push(...checkSurvey(parts.input, parts.broken).issues);
    }
  } catch (error) {
    // A getter that throws or a revoked Proxy: still a readable config error, never a stack trace.
    issues = [{ path: '', message: `Could not read the config: ${String(error)}` }];
  }
  return { success: false, error: new SurveyConfigError(issues, source) };
}

/** Like safeParseSurveyConfig, but throws the SurveyConfigError. */
export function parseSurveyConfig(input: unknown): SurveyConfig {
  const result = safeParseSurveyConfig(input);
  if (!result.success) throw result.error;
  return result.config;
}

/**
 * Parses config text from `source` (a URL or "inline script"). Text that is not JSON (a syntax
 * error, an HTML error page, an empty body) becomes a SurveyConfigError that names the source.
 */
export function parseSurveyConfigJson(text: string, source: string): SurveyConfig {
  const result = safeParseSurveyConfigJson(text, source);
  if (!result.success) throw result.error;
  return result.config;
}

/** Like parseSurveyConfigJson, but returns the SurveyConfigError. */
export function safeParseSurveyConfigJson(text: string, source: string): SafeParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const trimmed = text.trim();
    const why = !trimmed
      ? 'it is empty'
      : trimmed.startsWith('<')
        ? 'it looks like an HTML page (check the address, and that the server returns the file, not an error page)'
        : (error as Error).message;
    const issue = { path: '', message: `Config from "${source}" is not JSON: ${why}` };
    const failure = new SurveyConfigError([issue], source);
    failure.message = issue.message;
    return { success: false, error: failure };
  }
  return safeParseSurveyConfig(data, source);
}

/**
 * A JSON list of options (`<support-type-selector>`'s inline options), checked like a config's, or
 * every problem with it in the same words.
 */
export function parseChoiceOptionsJson(text: string): { options: ChoiceOption[] } | { issues: ConfigIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { issues: [{ path: '', message: `Not JSON: ${(error as Error).message}` }] };
  }
  const parsed = z.safeParse(choiceOptionsSchema, data);
  if (parsed.success) return { options: parsed.data as ChoiceOption[] };
  return { issues: parsed.error.issues.flatMap((issue) => toIssues(issue, data)) };
}

/**
 * The parts of a config that pass the structural check on their own: each top-level field, and each
 * question (a malformed question leaves a hole, so later questions keep their paths).
 */
function wellFormedParts(input: unknown): { input: PartialStructured; broken: BrokenParts } | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const fields = new Set<string>();
  const questionIds = new Set<string>();
  const parts: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(surveyConfigSchema.shape)) {
    if (key === 'questions') continue;
    const part = z.safeParse(schema, valueAt(input, [key]));
    if (part.success) parts[key] = part.data;
    else fields.add(key);
  }
  const questions = valueAt(input, ['questions']);
  if (!Array.isArray(questions)) fields.add('questions');
  parts['questions'] = (Array.isArray(questions) ? questions : []).map((raw: unknown) => {
    const question = z.safeParse(questionSchema, raw);
    if (question.success) return question.data;
    const id = valueAt(raw, ['id']);
    if (typeof id === 'string') questionIds.add(id);
    return undefined;
  });
  return { input: parts as PartialStructured, broken: { fields, questionIds } };
}

type Issue = z.core.$ZodIssue;

const WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

/** Reads the raw input at a path without walking into prototypes. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** zod's issues, in words a page author understands. Kept small on purpose. */
function toIssues(issue: Issue, input: unknown): ConfigIssue[] {
  const path = formatPath(issue.path);
  const one = (message: string) => [{ path, message }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path, message: `Unknown key "${key}"` }));
    case 'custom':
    case 'invalid_format':
      return one(issue.message);
    case 'invalid_value':
      return one(`Must be one of: ${issue.values.map(String).join(', ')}`);
  }
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return one(`Must be one of: ${(issue as { options?: unknown[] }).options?.join(', ')}`);
  }
  if (!issue.path.length && issue.code === 'invalid_type') return one('Expected a survey config object');
  if (valueAt(input, issue.path) === undefined) return one('Required');
  switch (issue.code) {
    case 'invalid_type':
      return one(`Expected ${WORDS[issue.expected] ?? issue.expected}`);
    case 'invalid_union': {
      const expected = new Set(issue.errors.map((branch) => (branch[0]?.code === 'invalid_type' ? branch[0].expected : '')));
      if (expected.has('string') && expected.has('record')) return one('Expected text, or translations like {"en": "…"}');
      return one(`Expected ${[...expected].map((name) => WORDS[name] ?? name).join(' or ')}`);
    }
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const bound = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'array') return one(limit === 1 && issue.code === 'too_small' ? 'Must not be empty' : `Must have ${bound} ${limit} items`);
      if (issue.origin === 'string') return one(limit === 1 && issue.code === 'too_small' ? 'Must not be empty' : `Must be ${bound} ${limit} characters`);
      return one(`Must be ${bound} ${limit}`);
    }
    case 'invalid_key':
      return one(`Invalid key: ${issue.issues.map((inner) => inner.message).join('; ')}`);
    default:
      return one('Invalid value');
  }
}

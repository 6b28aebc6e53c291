/**
 * `delivery.fields`: the response's fields renamed to a receiver's column names (a Sheet's header
 * row, a snake_case table), declared in the config, no code. With a mapping the body is one flat
 * level: `id`, `survey.id`, `survey.version`, `submittedAt`, `locale`, `tags.<name>` and
 * `answers.<question>` (and `answers.<question>.other`) each become one column. A field not named
 * keeps a default column (`survey.id` → "survey", `tags.site` → "site", `answers.q1` → "q1"); `null`
 * leaves a field out. The id can never be left out (receivers dedupe by it), and no two fields may
 * share a column: both are refused with the field's path when the config is read.
 */
import type { PayloadShape } from './profile.js';

export type FieldMap = Readonly<Record<string, string | null>>;

export const MAX_COLUMN_LENGTH = 100;

const FIXED: Record<string, string> = { id: 'id', 'survey.id': 'survey', 'survey.version': 'version', submittedAt: 'submittedAt', locale: 'locale' };

/** The column a field goes to when the mapping does not name it. */
export function defaultColumn(path: string): string {
  if (Object.hasOwn(FIXED, path)) return FIXED[path]!;
  if (path.startsWith('tags.')) return path.slice('tags.'.length);
  if (path.startsWith('answers.')) return path.slice('answers.'.length);
  return path;
}

/** Every field a survey's responses can carry: fixed ones, its tags, its questions (and their "other" text). */
export function fieldPaths(survey: { questions: ReadonlyArray<{ id: string; allowOther?: boolean }>; tags: Readonly<Record<string, string>> }): string[] {
  const paths = Object.keys(FIXED);
  for (const name of Object.keys(survey.tags)) paths.push(`tags.${name}`);
  for (const question of survey.questions) {
    paths.push(`answers.${question.id}`);
    if (question.allowOther) paths.push(`answers.${question.id}.other`);
  }
  return paths;
}

/** What is wrong with a mapping for these fields, as `{ path, message }` (path under `delivery.fields`). */
export function checkFields(fields: FieldMap, paths: readonly string[]): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const at = (field: string) => `delivery.fields[${JSON.stringify(field)}]`;
  const known = new Set(paths);
  for (const [field, column] of Object.entries(fields)) {
    if (!known.has(field)) issues.push({ path: at(field), message: `Not a field of this survey's responses (use one of: ${paths.join(', ')})` });
    else if (field === 'id' && column === null) issues.push({ path: at(field), message: 'The id cannot be left out: receivers use it to store each response once' });
    else if (column !== null && (!column.trim() || column.length > MAX_COLUMN_LENGTH)) issues.push({ path: at(field), message: `Must be a column name of 1 to ${MAX_COLUMN_LENGTH} characters, or null to leave the field out` });
  }
  const owner = new Map<string, string>();
  for (const field of known) {
    const column = Object.hasOwn(fields, field) ? fields[field] : defaultColumn(field);
    if (column === null || column === undefined) continue;
    const first = owner.get(column);
    if (first !== undefined) issues.push({ path: at(field), message: `Column "${column}" is also where "${first}" goes; give one of them another column` });
    else owner.set(column, field);
  }
  return issues;
}

/**
 * The payload for a profile: the submission as is, or flattened under the mapping. Throws a
 * `TypeError` naming the field when two fields meet in one column (a config read by the parser
 * cannot do that; a submission from the outbox API with extra fields can).
 */
export function mapFields(submission: Record<string, unknown>, fields: FieldMap | null, shape: PayloadShape): unknown {
  if (!fields && shape.flatten === 'with-fields') return submission;
  const mapping = fields ?? {};
  // A Map, then fromEntries: a column named "__proto__" stays a column.
  const columns = new Map<string, unknown>();
  const put = (path: string, value: unknown) => {
    if (value === undefined) return;
    const column = Object.hasOwn(mapping, path) ? mapping[path] : defaultColumn(path);
    if (column === null || column === undefined) return;
    if (columns.has(column)) throw new TypeError(`delivery.fields: "${path}" would overwrite column "${column}"`);
    columns.set(column, Array.isArray(value) && shape.joinArrays ? value.join(', ') : value);
  };
  for (const [key, value] of Object.entries(submission)) {
    if ((key === 'survey' || key === 'tags' || key === 'answers') && isPlain(value)) {
      for (const [inner, item] of Object.entries(value)) put(`${key === 'survey' ? 'survey' : key}.${inner}`, item);
    } else put(key, value);
  }
  return Object.fromEntries(columns);
}

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

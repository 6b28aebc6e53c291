import type { Submission } from '../src/core/submission-schema.js';

/**
 * Staff export: one row per response. Fixed columns first (id, survey, version, submittedAt,
 * locale), then one column per question in order of first appearance. A question answered with
 * arrays (support types) becomes one 1/0 column per value seen, named `<question>.<value>`; other
 * answers (including `<question>.other` texts) are written as they are; tags come last as
 * `tag.<name>`. Cells that a spreadsheet would run as a formula are prefixed with `'`.
 */
export function toCsv(submissions: readonly Submission[]): string {
  const columns = new Map<string, { multi: boolean; values: Set<string> }>();
  const tags = new Set<string>();
  for (const submission of submissions) {
    for (const [id, value] of Object.entries(submission.answers)) {
      let column = columns.get(id);
      if (!column) columns.set(id, (column = { multi: false, values: new Set() }));
      if (Array.isArray(value)) {
        column.multi = true;
        for (const item of value) column.values.add(item);
      } else if (typeof value === 'string') column.values.add(value);
    }
    for (const name of Object.keys(submission.tags)) tags.add(name);
  }

  const header = ['id', 'survey', 'version', 'submittedAt', 'locale'];
  for (const [id, column] of columns) {
    if (column.multi) for (const value of column.values) header.push(`${id}.${value}`);
    else header.push(id);
  }
  for (const name of tags) header.push(`tag.${name}`);

  const rows = [header.map(cell)];
  for (const submission of submissions) {
    const row: Array<string | number> = [
      submission.id,
      submission.survey.id,
      submission.survey.version,
      submission.submittedAt,
      submission.locale,
    ];
    for (const [id, column] of columns) {
      const value = Object.hasOwn(submission.answers, id) ? submission.answers[id] : undefined;
      if (column.multi) {
        const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
        // An unanswered question stays empty rather than a row of zeros.
        for (const option of column.values) row.push(value === undefined ? '' : chosen.has(option) ? 1 : 0);
      } else row.push(value === undefined ? '' : Array.isArray(value) ? value.join(';') : value);
    }
    for (const name of tags) row.push(Object.hasOwn(submission.tags, name) ? (submission.tags[name] ?? '') : '');
    rows.push(row.map(cell));
  }
  // BOM so spreadsheet programs read UTF-8 (Spanish, French, Arabic answers) correctly.
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes when needed (RFC 4180) and neutralises formula injection in text cells. */
export function cell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

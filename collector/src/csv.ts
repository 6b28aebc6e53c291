import { removeControlCharacters } from 'encounter-survey/core';

/**
 * One CSV cell (RFC 4180 quoting), safe to open in a spreadsheet. Control characters are stripped
 * first (a leading NUL or other control would otherwise hide a formula from the check and be
 * dropped by the spreadsheet when it reads the cell), then a cell that starts with `=`, `+`, `-`,
 * `@`, tab or CR gets a leading `'` so LibreOffice, Excel and Google Sheets show it as text.
 * Numbers (counts, ratings) are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const stripped = removeControlCharacters(value);
  const text = FORMULA_START.test(stripped) ? `'${stripped}` : stripped;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: ReadonlyArray<string | number | null | undefined>) => `${values.map(cell).join(',')}\r\n`;

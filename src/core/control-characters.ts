/**
 * Characters that have no business in stored survey text: C0 controls (NUL, ESC, the ones a
 * spreadsheet or terminal acts on), DEL, C1 controls, and the bidi embeddings, overrides and
 * isolates that can make text display in a different order than it is stored ("Trojan Source").
 * Newline and tab are kept in free text (a multi-line answer); the left-to-right/right-to-left
 * marks (U+200E, U+200F, U+061C) are kept because Arabic and Hebrew text legitimately uses them.
 */
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Invisible format characters (Unicode category Cf: zero-width space, word joiner U+2060, BOM, soft
 * hyphen, the tag characters U+E0000–E007F…) carry hidden text or defeat matching. Kept: the direction
 * marks above, and the zero-width non-joiner and joiner (U+200C, U+200D) where a script needs them —
 * between two letters, marks or emoji ("می‌خواهم" in Persian, 👩‍👩‍👧): anywhere else they only hide.
 */
const FORMAT = /\p{Cf}/gu;
const DIRECTION_MARKS = new Set(['\u200E', '\u200F', '\u061C']);
const JOINABLE = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;
/** Line and paragraph separators display as line breaks: stored as one. */
const SEPARATORS = /[\u2028\u2029]/g;

function removeFormatCharacters(text: string): string {
  return text.replace(FORMAT, (char: string, offset: number) => {
    if (DIRECTION_MARKS.has(char)) return char;
    if (char !== '\u200C' && char !== '\u200D') return '';
    const before = [...text.slice(Math.max(0, offset - 2), offset)].at(-1) ?? '';
    const after = [...text.slice(offset + 1, offset + 3)][0] ?? '';
    return JOINABLE.test(before) && JOINABLE.test(after) ? char : '';
  });
}

/** Free text as it may be stored: control, bidi-override and format characters removed, newline and tab kept. */
export function removeControlCharacters(text: string, { keepNewlines = true }: { keepNewlines?: boolean } = {}): string {
  return removeFormatCharacters(text.replace(SEPARATORS, '\n').replace(keepNewlines ? CONTROL_EXCEPT_NEWLINE_TAB : ANY_CONTROL, ''));
}

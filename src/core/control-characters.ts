/**
 * Characters that have no business in stored survey text: C0 controls (NUL, ESC, the ones a
 * spreadsheet or terminal acts on), DEL, C1 controls, and the bidi embeddings, overrides and
 * isolates that can make text display in a different order than it is stored ("Trojan Source").
 * Newline and tab are kept in free text (a multi-line answer); the left-to-right/right-to-left
 * marks (U+200E, U+200F, U+061C) are kept because Arabic and Hebrew text legitimately uses them.
 */
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Free text as it may be stored: control and bidi-override characters removed, newline and tab kept. */
export function removeControlCharacters(text: string, { keepNewlines = true }: { keepNewlines?: boolean } = {}): string {
  return text.replace(keepNewlines ? CONTROL_EXCEPT_NEWLINE_TAB : ANY_CONTROL, '');
}

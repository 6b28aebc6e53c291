/** A label inside a sentence: "Emotional support" → "emotional support" (not "ANSWER" or "iPhone"). */
export const inSentence = (label: string, lang: string) =>
  /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLocaleLowerCase(lang) + label.slice(1) : label;

/** "a, b and c" in the language's own way. */
export const listOf = (items: string[], lang: string) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);

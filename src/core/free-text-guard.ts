/**
 * The free-text guard's detector (issue #22): finds what in a free-text answer could identify
 * someone — phone numbers, e-mail addresses, links, street addresses, postcodes, dates of birth —
 * in English, Spanish, French and Arabic text, with the national formats of the US, UK, Spain and
 * France. Pure and shared: the survey warns or redacts on the device, the collector redacts at
 * intake with COLLECTOR_REDACT=1. Patterns, not a model: it errs towards finding (a warning the
 * respondent can dismiss costs little), and bench/free-text.mjs measures both error rates.
 */
export type FindingKind = 'phone' | 'email' | 'url' | 'address' | 'postcode' | 'birth-date';

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offsets in the text: [start, end). */
  start: number;
  end: number;
}

/** Arabic-Indic and Extended Arabic-Indic digits read as 0–9 (one UTF-16 unit each: offsets stay). */
const asciiDigits = (text: string) => text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90 % 10));

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre|' +
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر';
const NUMERIC_DATE = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{2,4}`;
const WORD_DATE = String.raw`\d{1,2}(?:st|nd|rd|th|er)?\s+(?:de\s+)?(?:${MONTHS})\.?,?\s+(?:de\s+|del\s+)?\d{4}|(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`;
const BIRTH_CUE = String.raw`born|birthday|birth\s+date|date\s+of\s+birth|d\.?o\.?b\.?|nac[ií]|nacid[oa]|fecha\s+de\s+nacimiento|cumpleaños|n[ée]e?|date\s+de\s+naissance|anniversaire|ولدت|مواليد|تاريخ\s+(?:الميلاد|ميلادي)|ميلادي`;

const PATTERNS: Array<[FindingKind, RegExp]> = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu],
  ['url', /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|io|co|uk|es|fr|us|gov|edu|me|ly)(?:\/[^\s<>"]*)?(?![\p{L}\p{N}])/giu],
  // A date near a word about birth, in any of the four languages (either order).
  ['birth-date', new RegExp(String.raw`(?:${BIRTH_CUE})[^\n.!?]{0,24}?(?:${WORD_DATE}|${NUMERIC_DATE})|(?:${WORD_DATE}|${NUMERIC_DATE})[^\n.!?]{0,12}?(?:${BIRTH_CUE})`, 'giu')],
  // A full numeric date with a year of birth (1900–2015): a date that old in feedback is seldom anything else.
  ['birth-date', /(?<![\d/.-])(?:\d{1,2}[./-]\d{1,2}[./-](?:19\d{2}|200\d|201[0-5])|(?:19\d{2}|200\d|201[0-5])[./-]\d{1,2}[./-]\d{1,2})(?![\d/-]|\.\d)/gu],
  ['address', /\b\d{1,5}[a-z]?,?\s+(?:[\p{L}'’.-]+\s+){0,3}?(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|close|court|ct|boulevard|blvd|place|pl|terrace|crescent|grove|gardens)\b\.?/giu],
  ['address', /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|allée|allee|chemin|impasse|quai|route|cours)\s+(?:[\p{L}'’.-]+\s?){1,5}/giu],
  ['address', /(?:calle|c\/|avenida|avda\.?|plaza|pza\.?|paseo|camino|carrer|ronda|travesía)\s+(?:[\p{L}'’.-]+,?\s+){0,4}?(?:n[ºo°]\.?\s*)?\d{1,4}\b/giu],
  ['address', /(?:شارع|طريق|حي|زنقة)\s+(?:[\p{L}\p{M}]+\s+){0,3}?(?:رقم\s*)?\d{1,4}|\d{1,4}\s+(?:شارع|طريق|زنقة)\s+[\p{L}\p{M}]+/gu],
  ['postcode', /\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gu], // UK, as written (capitals)
  ['postcode', /\b(?:zip|postcode|post code|código postal|c\.?p\.?|code postal|cp|الرمز البريدي)\s*:?\s*\d{4,5}(?:-\d{4})?\b/giu],
  ['postcode', /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC),?\s+\d{5}(?:-\d{4})?\b/gu], // US: state and ZIP
  ['postcode', /\b(?:0[1-9]|[1-8]\d|9[0-5]|2[AB])\s?\d{3}\s+(?:[A-ZÉÈ][\p{L}'’-]+)(?:[\s-][A-ZÉÈ][\p{L}'’-]+)*/gu], // FR/ES: code then a capitalised town
  // A phone number: 9 to 15 digits in groups (spaces, dots, dashes, brackets), with or without +country.
  ['phone', /(?<![\p{L}\p{N}])(?:\+|00)?\d(?:[\s.()-]{0,2}\d){8,14}(?![\p{L}\p{N}])/gu],
];

/** What the text holds that could identify someone; overlapping finds keep the longer. */
export function findIdentifiers(text: string): Finding[] {
  const scanned = asciiDigits(text);
  const found: Finding[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of scanned.matchAll(pattern)) {
      const value = match[0].replace(/[\s,.;:]+$/u, '');
      if (kind === 'phone' && !plausiblePhone(value)) continue;
      found.push({ kind, start: match.index, end: match.index + value.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Finding[] = [];
  for (const finding of found) {
    const last = kept.at(-1);
    if (last && finding.start < last.end) {
      if (finding.end - finding.start > last.end - last.start) kept[kept.length - 1] = finding;
      continue;
    }
    kept.push(finding);
  }
  return kept;
}

/** Not a date, a time range or a sum of money: digits in phone-like groups. */
function plausiblePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return false;
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(value)) return false;
  return !/^(\d)\1+$/.test(digits);
}

export const REDACTION_LABELS: Record<FindingKind, string> = {
  phone: '[phone]',
  email: '[email]',
  url: '[link]',
  address: '[address]',
  postcode: '[postcode]',
  'birth-date': '[date of birth]',
};

/** The text with every finding replaced by its placeholder ("[phone]", "[email]", …). */
export function redactIdentifiers(text: string, findings: readonly Finding[] = findIdentifiers(text)): string {
  let out = '';
  let at = 0;
  for (const finding of findings) {
    out += text.slice(at, finding.start) + REDACTION_LABELS[finding.kind];
    at = finding.end;
  }
  return out + text.slice(at);
}

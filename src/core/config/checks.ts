import { checkFields, fieldPaths } from '../delivery/fields.js';
import { headerProblem, headerValueProblem } from '../headers.js';
import { profileProblems } from '../outbox/endpoint.js';
import { taxonomyOptions as taxonomy } from '../taxonomy.js';
import { checkSafeUrl } from '../urls.js';
import type { ConfigIssue } from './errors.js';
import type { ChoiceOption, LocalizedText, Question, SurveyConfig, surveyConfigSchema } from './schema.js';
import type * as z from 'zod/mini';

type Structured = z.output<typeof surveyConfigSchema>;

/**
 * What the structural check could not read, when it failed: top-level fields (left undefined in the
 * input), and questions (left as holes, so paths keep their indexes) with the ids they claimed.
 */
export interface BrokenParts {
  fields: ReadonlySet<string>;
  questionIds: ReadonlySet<string>;
}

export type PartialStructured = Omit<Structured, 'questions'> & { questions: Array<Structured['questions'][number] | undefined> };

const NOTHING_BROKEN: BrokenParts = { fields: new Set(), questionIds: new Set() };
const OPERATORS = ['equals', 'in', 'notIn', 'answered'] as const;

/**
 * The rules zod's structure cannot express: uniqueness, references between questions, locales and
 * ranges. Fills the taxonomy into support-types questions. Runs on structurally valid input, or on
 * the well-formed parts of a config that failed the structural check (`broken` says what is
 * missing), so one round lists every problem. Everything is one pass with Maps/Sets, so 200
 * questions × 50 options stays linear.
 */
export function checkSurvey(input: PartialStructured, broken: BrokenParts = NOTHING_BROKEN): { config: SurveyConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const locales = new Set<string>();
  // Without readable locales there is no default locale to check translations against.
  const checkTexts = !broken.fields.has('locales');
  (input.locales ?? []).forEach((tag, i) => {
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      add(`locales[${i}]`, `"${tag}" is not a valid language tag (for example "en" or "es-MX")`);
    }
    if (locales.has(tag)) add(`locales[${i}]`, `Duplicate locale "${tag}"`);
    locales.add(tag);
  });
  const defaultLocale = input.locales?.[0] ?? 'en';
  const text = (path: string, value: LocalizedText | undefined) => {
    if (value === undefined || !checkTexts) return;
    if (typeof value === 'string') {
      if (!value.trim()) add(path, 'Must not be blank');
      return;
    }
    for (const key of Object.keys(value)) {
      if (!locales.has(key)) add(`${path}${/^[a-z]+$/i.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`, `Unknown locale "${key}" (add it to locales or remove this translation)`);
    }
    if (!Object.hasOwn(value, defaultLocale) || !value[defaultLocale]!.trim()) {
      add(path, `Missing text for the default locale "${defaultLocale}"`);
    }
  };

  // Links are checked here rather than in zod so they are reported with the other rules.
  const link = (path: string, value: string | undefined, allowTelMailto = false) => {
    if (value === undefined) return value;
    const result = checkSafeUrl(value, { allowTelMailto });
    if (result.ok) return result.url;
    add(path, result.message);
    return value;
  };
  const endpoint = link('endpoint', input.endpoint);
  const privacyUrl = link('privacyUrl', input.privacyUrl);
  const safety = input.safety && { ...input.safety };
  if (safety?.helplines) safety.helplines = safety.helplines.map((line, i) => ({ ...line, url: link(`safety.helplines[${i}].url`, line.url, true) }));
  if (safety?.quickExit) safety.quickExit = { ...safety.quickExit, url: link('safety.quickExit.url', safety.quickExit.url)! };

  text('title', input.title);
  text('intro', input.intro);
  text('thankYou', input.thankYou);
  const challengeUrl = link('delivery.proofOfWork.challengeUrl', input.delivery?.proofOfWork?.challengeUrl);
  const delivery = input.delivery?.proofOfWork ? { ...input.delivery, proofOfWork: { challengeUrl: challengeUrl! } } : input.delivery;
  for (const [name, value] of Object.entries(input.delivery?.headers ?? {})) {
    const problem = headerProblem(name) ?? headerValueProblem(name, value);
    if (problem) add(`delivery.headers[${JSON.stringify(name)}]`, problem);
  }
  if (input.delivery) for (const problem of profileProblems(input.delivery)) add(`delivery.${problem.path}`, problem.message);
  // The most common receiver without a server, and one "json" can never reach: say so before anyone answers.
  if (endpoint?.startsWith('https://script.google.com/macros/') && (input.delivery?.profile ?? 'json') === 'json') {
    add('delivery.profile', 'An Apps Script web app answers no CORS preflight, so the default "json" profile never reaches it: use "simple" (see docs/recipes)');
  }
  if (input.kiosk) {
    text('kiosk.startMessage', input.kiosk.startMessage);
    if (input.kiosk.warningSeconds >= input.kiosk.idleSeconds) {
      add('kiosk.warningSeconds', `Must be less than idleSeconds (${input.kiosk.idleSeconds})`);
    }
  }
  text('safety.footer', input.safety?.footer);
  input.safety?.helplines?.forEach((line, i) => {
    text(`safety.helplines[${i}].name`, line.name);
    text(`safety.helplines[${i}].hours`, line.hours);
    if (!line.phone && !line.url) add(`safety.helplines[${i}]`, 'Needs a phone number or a url');
  });
  text('safety.quickExit.label', input.safety?.quickExit?.label);

  const seen = new Map<string, number>();
  const questions = (input.questions ?? []).map((raw, i): Question | undefined => {
    if (!raw) return undefined;
    const at = `questions[${i}]`;
    const first = seen.get(raw.id);
    if (first !== undefined) add(`${at}.id`, `Duplicate question id "${raw.id}" (also used by questions[${first}])`);
    else seen.set(raw.id, i);
    text(`${at}.label`, raw.label);
    text(`${at}.help`, raw.help);
    const question = (raw.type === 'support-types' ? { ...raw, options: supportOptions(raw.options, at, add) } : raw) as Question;
    if ('options' in question) checkOptions(question.options, at, add, text);
    if (question.type === 'support-types' || question.type === 'multiple') {
      const { min, max } = question;
      if (min !== undefined && max !== undefined && min > max) add(`${at}.min`, `min (${min}) is greater than max (${max})`);
      if (min !== undefined && min > question.options.length) {
        add(`${at}.min`, `min (${min}) is more than the number of options (${question.options.length})`);
      }
    }
    if ('allowOther' in question && question.allowOther && !question.options.some((o) => o.value === 'other')) {
      add(`${at}.allowOther`, 'allowOther needs an option with value "other"');
    }
    if (question.type === 'rating') {
      const { min, max } = question;
      if (min > max) add(`${at}.min`, `min (${min}) is greater than max (${max})`);
      else if (min === max) add(`${at}.max`, 'A scale needs at least two points (max must be greater than min)');
      else if (max - min > 10) add(`${at}.max`, 'A scale can have at most 11 points (max − min ≤ 10)');
      if (question.display === 'faces' && max - min !== 2 && max - min !== 4) add(`${at}.display`, 'Faces need a scale of 3 or 5 points');
      text(`${at}.minLabel`, question.minLabel);
      text(`${at}.maxLabel`, question.maxLabel);
      for (const [key, label] of Object.entries(question.pointLabels ?? {})) {
        const point = Number(key);
        const ok = /^-?\d+$/.test(key) && point >= min && point <= max;
        if (!ok) add(`${at}.pointLabels[${JSON.stringify(key)}]`, `Not a point on the scale (${min} to ${max})`);
        text(`${at}.pointLabels[${JSON.stringify(key)}]`, label);
      }
    }
    return question;
  });

  // showIf after all questions are known, so "later" and "unknown" get different messages.
  const byId = new Map(questions.flatMap((q, i) => (q ? [[q.id, { q, i }] as const] : [])));
  questions.forEach((question, i) => {
    const cond = question?.showIf;
    if (!cond) return;
    const at = `questions[${i}].showIf`;
    const used = OPERATORS.filter((op) => cond[op] !== undefined);
    if (used.length !== 1) add(at, 'Use exactly one of: equals, in, notIn, answered');
    const target = byId.get(cond.question);
    // A question that failed the structural check already has its own message.
    if (!target && broken.questionIds.has(cond.question)) return;
    if (!target) return add(`${at}.question`, `Unknown question "${cond.question}"`);
    if (target.i >= i) {
      return add(`${at}.question`, target.i === i ? 'A question cannot depend on itself' : `Must refer to an earlier question ("${cond.question}" comes later)`);
    }
    const q = target.q;
    const values = new Set<string | number>('options' in q ? q.options.map((o) => o.value) : []);
    const check = (path: string, value: string | number) => {
      if ('options' in q && !values.has(value)) add(path, `"${value}" is not an option of question "${q.id}"`);
      if (q.type === 'rating' && !(Number.isInteger(value) && +value >= q.min && +value <= q.max)) {
        add(path, `Not a point on the scale of question "${q.id}" (${q.min} to ${q.max})`);
      }
    };
    if (cond.equals !== undefined) check(`${at}.equals`, cond.equals);
    cond.in?.forEach((value, k) => check(`${at}.in[${k}]`, value));
    cond.notIn?.forEach((value, k) => check(`${at}.notIn[${k}]`, value));
  });

  // Column names need every question and tag: checked once all questions are read.
  const fields = input.delivery?.fields;
  if (fields && !broken.fields.has('questions') && !broken.fields.has('tags') && broken.questionIds.size === 0) {
    const known = questions.filter((q): q is Question => q !== undefined).map((q) => ({ id: q.id, allowOther: 'allowOther' in q && q.allowOther }));
    for (const issue of checkFields(fields, fieldPaths({ questions: known, tags: input.tags ?? {} }))) add(issue.path, issue.message);
  }

  for (const id of broken.questionIds) if (!seen.has(id)) seen.set(id, -1);
  if (input.pages && !broken.fields.has('questions')) checkPages(input.pages, seen, add);
  return { config: { ...input, endpoint, privacyUrl, safety, delivery, questions } as SurveyConfig, issues };
}

/** Taxonomy names become full options; custom options pass through. */
function supportOptions(options: Array<string | ChoiceOption> | undefined, at: string, add: (p: string, m: string) => void): ChoiceOption[] {
  if (!options) return [...taxonomy.values()];
  return options.map((option, j) => {
    if (typeof option !== 'string') return option;
    const known = taxonomy.get(option);
    if (!known) add(`${at}.options[${j}]`, `Unknown support type "${option}" (use one of: ${[...taxonomy.keys()].join(', ')}, or an option object)`);
    return known ?? { value: option, label: option };
  });
}

function checkOptions(
  options: ChoiceOption[],
  at: string,
  add: (p: string, m: string) => void,
  text: (p: string, v: LocalizedText | undefined) => void,
) {
  const values = new Set<string>();
  options.forEach((option, j) => {
    if (values.has(option.value)) add(`${at}.options[${j}].value`, `Duplicate option value "${option.value}"`);
    values.add(option.value);
    // Taxonomy entries carry en/es/fr whatever the survey's locales; only check what the author wrote.
    if (taxonomy.get(option.value) !== option) {
      text(`${at}.options[${j}].label`, option.label);
      text(`${at}.options[${j}].description`, option.description);
    }
  });
}

/** Every question on exactly one page, pages in question order (so showIf never looks forward). */
function checkPages(pages: Array<{ questions: string[] }>, index: Map<string, number>, add: (p: string, m: string) => void) {
  const placed = new Map<string, number>();
  let last = -1;
  pages.forEach((page, p) =>
    page.questions.forEach((id, k) => {
      const at = `pages[${p}].questions[${k}]`;
      const i = index.get(id);
      if (i === undefined) return add(at, `Unknown question "${id}"`);
      if (placed.has(id)) return add(at, `Question "${id}" is already on pages[${placed.get(id)}]`);
      if (i >= 0 && i < last) add(at, `Must follow the order of questions ("${id}" comes before the question listed ahead of it)`);
      placed.set(id, p);
      last = Math.max(last, i);
    }),
  );
  for (const [id, i] of index) if (i >= 0 && !placed.has(id)) add('pages', `Question "${id}" is not on any page`);
}

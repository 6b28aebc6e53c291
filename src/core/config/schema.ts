import '../zod.js'; // jitless first (strict CSP)
import * as z from 'zod/mini';
import { PROFILE_NAMES } from '../delivery/profile.js';
import { DEFAULTS } from './defaults.js';

/**
 * The survey config an organisation writes as JSON. Structure lives here (zod, strict objects so a
 * typo such as "lable" is reported); rules that span fields (duplicate ids, showIf order, locales,
 * min ≤ max) live in ./checks.ts. The JSON Schemas in dist/ are generated from these schemas.
 */

const id = (what: string) =>
  z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, `${what} must start with a letter and use only letters, digits, "-" or "_"`), z.maxLength(64));
const count = z.int().check(z.minimum(0));
const bool = (value: boolean) => z._default(z.boolean(), value);

/** Plain text for every language, or one string per locale: `{ "en": "…", "es": "…" }`. */
export const localizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())]);

/** A link; ./checks.ts trims it and allows https (http on localhost), plus tel:/mailto: for helplines. */
const url = z.string();

export const choiceOptionSchema = z.strictObject({
  /** What the payload carries; stable across translations. */
  value: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  label: localizedTextSchema,
  description: z.optional(localizedTextSchema),
});
/** A non-empty option list (also what `<support-type-selector>` accepts inline). */
export const choiceOptionsSchema = z.array(choiceOptionSchema).check(z.minLength(1));

/**
 * Show a question only when an earlier answer matches. Exactly one operator:
 * `equals` (for a multi-select: the value is among those chosen), `in` (any chosen value is listed),
 * `notIn` (answered, and no chosen value is listed), `answered` (true: has an answer; false: has none).
 * A question whose condition refers to a hidden question counts that answer as missing.
 */
export const showIfSchema = z.strictObject({
  question: z.string(),
  equals: z.optional(z.union([z.string(), z.number()])),
  in: z.optional(z.array(z.union([z.string(), z.number()])).check(z.minLength(1))),
  notIn: z.optional(z.array(z.union([z.string(), z.number()])).check(z.minLength(1))),
  answered: z.optional(z.boolean()),
});

/** Fields every question has. */
const common = {
  id: id('Question id'),
  label: localizedTextSchema,
  help: z.optional(localizedTextSchema),
  required: bool(DEFAULTS.question.required),
  showIf: z.optional(showIfSchema),
};
/** `allowOther`: the option with value "other" reveals a short text box (sent as `<id>.other`). */
const other = {
  allowOther: bool(DEFAULTS.choice.allowOther),
  otherMaxLength: z._default(z.int().check(z.minimum(1), z.maximum(500)), DEFAULTS.choice.otherMaxLength),
};

const supportTypesQuestionSchema = z.strictObject({
  type: z.literal('support-types'),
  ...common,
  /** Taxonomy values (`"emotional"`) and/or custom options; defaults to the whole taxonomy. */
  options: z.optional(z.array(z.union([z.string(), choiceOptionSchema])).check(z.minLength(1))),
  ...other,
  min: z.optional(count),
  max: z.optional(count),
});
const singleQuestionSchema = z.strictObject({
  type: z.literal('single'),
  ...common,
  options: choiceOptionsSchema,
  ...other,
});
const multipleQuestionSchema = z.strictObject({
  type: z.literal('multiple'),
  ...common,
  options: choiceOptionsSchema,
  ...other,
  min: z.optional(count),
  max: z.optional(count),
});
const ratingQuestionSchema = z.strictObject({
  type: z.literal('rating'),
  ...common,
  min: z._default(z.int(), DEFAULTS.rating.min),
  max: z._default(z.int(), DEFAULTS.rating.max),
  minLabel: z.optional(localizedTextSchema),
  maxLabel: z.optional(localizedTextSchema),
  /** Labels for single points, keyed by the point: `{ "3": "Okay" }`. */
  pointLabels: z.optional(z.record(z.string(), localizedTextSchema)),
  /** `numbers` (default), or `faces` for a 3- or 5-point scale (drawn faces, named for screen readers). */
  display: z.optional(z.enum(['numbers', 'faces'])),
});
const textQuestionSchema = z.strictObject({
  type: z.literal('text'),
  ...common,
  multiline: bool(DEFAULTS.text.multiline),
  maxLength: z._default(z.int().check(z.minimum(1), z.maximum(2000)), DEFAULTS.text.maxLength),
});

export const questionSchema = z.discriminatedUnion('type', [
  supportTypesQuestionSchema,
  singleQuestionSchema,
  multipleQuestionSchema,
  ratingQuestionSchema,
  textQuestionSchema,
]);

export const deliveryOptionsSchema = z.strictObject({
  /**
   * How responses reach the receiver (README "Receivers"): `json` (default: JSON with
   * Idempotency-Key), `simple` (Google Apps Script), `form` (form backends), `postgrest` (Supabase,
   * PostgREST), `no-cors` (catch hooks without CORS: sent, unverified). Absent: `json`.
   */
  profile: z.optional(z.enum(PROFILE_NAMES)),
  /** Column names for the receiver: `{ "id": "response_id", "answers.q1": "support" }`; null leaves a field out. */
  fields: z.optional(z.record(z.string(), z.nullable(z.string()))),
  /** Hosts (no scheme, any port) a followed redirect may end on, for `simple` and `form`; Apps Script's is built in. */
  redirectHosts: z.optional(z.array(z.string())),
  timeoutMs: z._default(z.int().check(z.minimum(1000), z.maximum(120000)), DEFAULTS.delivery.timeoutMs),
  headers: z.optional(
    z.record(z.string().check(z.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Not a valid header name')), z.string()),
  ),
  persist: z.optional(z.boolean()),
  /**
   * Proof of work (the ALTCHA protocol) for receivers that ask for it: before each delivery the
   * device fetches a challenge from `challengeUrl` and solves it, so posting many fake responses costs.
   */
  proofOfWork: z.optional(z.strictObject({ challengeUrl: url })),
});

export const kioskOptionsSchema = z.strictObject({
  idleSeconds: z._default(z.int().check(z.minimum(30), z.maximum(3600)), DEFAULTS.kiosk.idleSeconds),
  /** WCAG 2.2.1 gives people at least 20 seconds to say they are still there. */
  warningSeconds: z._default(z.int().check(z.minimum(20), z.maximum(600)), DEFAULTS.kiosk.warningSeconds),
  thankYouSeconds: z._default(z.int().check(z.minimum(1), z.maximum(120)), DEFAULTS.kiosk.thankYouSeconds),
  onIdle: z._default(z.enum(['discard', 'submit']), DEFAULTS.kiosk.onIdle),
  passTheTablet: bool(DEFAULTS.kiosk.passTheTablet),
  startMessage: z.optional(localizedTextSchema),
  staffPin: z.optional(z.string().check(z.regex(/^\d{4,12}$/, 'Must be 4 to 12 digits'))),
});

/** What the survey does on the device when a free-text answer holds a phone number, an e-mail address, an address… */
export const FREE_TEXT_GUARDS = ['warn', 'redact', 'off'] as const;
export const privacyOptionsSchema = z.strictObject({
  /**
   * `warn` (default): tells the respondent what was found, with "Remove it" and "Keep it";
   * `redact`: replaces it ("[phone]", "[email]"…) before the response is queued; `off`: nothing.
   */
  freeText: z._default(z.enum(FREE_TEXT_GUARDS), 'warn'),
});

export const safetyOptionsSchema = z.strictObject({
  footer: z.optional(localizedTextSchema),
  helplines: z.optional(
    z.array(
      z.strictObject({
        name: localizedTextSchema,
        phone: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
        url: z.optional(url),
        hours: z.optional(localizedTextSchema),
      }),
    ),
  ),
  quickExit: z.optional(z.strictObject({ url: url, label: z.optional(localizedTextSchema) })),
});

export const surveyConfigSchema = z.strictObject({
  /** Lets editors find dist/survey-config.schema.json; ignored otherwise. */
  $schema: z.optional(z.string()),
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use only letters, digits, ".", "-" or "_"'), z.maxLength(100)),
  version: z.union([z.string().check(z.minLength(1), z.maxLength(50)), z.int().check(z.minimum(0))]),
  title: localizedTextSchema,
  intro: z.optional(localizedTextSchema),
  thankYou: z.optional(localizedTextSchema),
  questions: z.array(questionSchema).check(z.minLength(1), z.maxLength(500)),
  /**
   * Optional paging: each page lists question ids. When given, every question is on exactly one
   * page, in the order of `questions`. Without it the survey is one page.
   */
  pages: z.optional(z.array(z.strictObject({ questions: z.array(z.string()).check(z.minLength(1)) })).check(z.minLength(1))),
  /** BCP 47 tags; the first is the default every translation falls back to. */
  locales: z._default(z.array(z.string()).check(z.minLength(1)), () => [...DEFAULTS.locales]),
  /** Static context (programme, site, channel). Sent, as is, in every response: never put people here. */
  tags: z._default(
    z.record(
      z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'Tag names must start with a letter and use letters, digits, ".", "-" or "_"')),
      z.string().check(z.maxLength(200)),
    ),
    () => ({}),
  ),
  /** submittedAt is floored (UTC) to this, so a response cannot be matched to a visit by time. */
  timeBucket: z._default(z.enum(['hour', 'day', 'week', 'month']), DEFAULTS.timeBucket),
  endpoint: z.optional(url),
  delivery: z.prefault(deliveryOptionsSchema, {}),
  kiosk: z.prefault(kioskOptionsSchema, {}),
  safety: z.optional(safetyOptionsSchema),
  privacyUrl: z.optional(url),
  privacy: z.prefault(privacyOptionsSchema, {}),
  /** Looks: one brand colour; the rest derives from it, and its contrast is checked where it shows. */
  theme: z.optional(z.strictObject({ accent: z.optional(z.string().check(z.regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'Use a hex colour such as "#0e6e5c"'))) })),
});

export type LocalizedText = z.output<typeof localizedTextSchema>;
export type ShowIf = z.output<typeof showIfSchema>;
export type ChoiceOption = z.output<typeof choiceOptionSchema>;
export type DeliveryOptions = z.output<typeof deliveryOptionsSchema>;
export type KioskOptions = z.output<typeof kioskOptionsSchema>;
export type PrivacyOptions = z.output<typeof privacyOptionsSchema>;
export type SafetyOptions = z.output<typeof safetyOptionsSchema>;
export type TimeBucket = z.output<typeof surveyConfigSchema>['timeBucket'];
/** What an organisation writes (defaults optional, support types by name). */
export type SurveyConfigInput = z.input<typeof surveyConfigSchema>;

/** After parsing, support-types options are always full options (the taxonomy filled in). */
export type SupportTypesQuestion = Omit<z.output<typeof supportTypesQuestionSchema>, 'options'> & { options: ChoiceOption[] };
export type SingleQuestion = z.output<typeof singleQuestionSchema>;
export type MultipleQuestion = z.output<typeof multipleQuestionSchema>;
export type RatingQuestion = z.output<typeof ratingQuestionSchema>;
export type TextQuestion = z.output<typeof textQuestionSchema>;
export type ChoiceQuestion = SupportTypesQuestion | SingleQuestion | MultipleQuestion;
export type Question = ChoiceQuestion | RatingQuestion | TextQuestion;
export type QuestionType = Question['type'];
/** A parsed config: defaults applied, cross-field rules checked. */
export type SurveyConfig = Omit<z.output<typeof surveyConfigSchema>, 'questions'> & { questions: Question[] };

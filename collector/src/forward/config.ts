import { readFileSync } from 'node:fs';
import type { SurveyRegistry } from '../surveys.js';
import { refusedLiteral } from './addresses.js';

/**
 * Onward delivery settings (`COLLECTOR_FORWARD`): per survey, the destinations a stored response is
 * forwarded to, and the fields the survey keeps for staff only. They live with the collector, never
 * in the survey config files the widget loads: a Slack or Apps Script URL is itself a credential,
 * and so are the signing secrets. Every problem is reported with its path, all at once, before the
 * collector starts.
 */
export type DestinationKind = 'webhook' | 'apps-script' | 'chat';

export interface Destination {
  /** Unique across the settings; the delivery rows name it, the staff view shows it. */
  name: string;
  surveyId: string;
  kind: DestinationKind;
  url: URL;
  /** Which fields it receives (question ids, `<id>.other`, `tag.<name>`, `locale`, `submittedAt`). Empty for chat. */
  fields: ReadonlySet<string>;
  /** Standard Webhooks secrets (`whsec_…`), newest first: two while rotating. */
  secrets: readonly string[];
  /** chat: at most one message per this many minutes. */
  everyMinutes: number;
  /** chat: the message body's shape (Slack and Teams read `text`, Discord `content`). */
  flavor: 'slack' | 'teams' | 'discord';
}

export interface RetryPolicy {
  /** Dead-lettered after this many attempts… */
  attempts: number;
  /** …or this long after the first failure, whichever comes first. */
  maxAgeMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface ForwardSettings {
  destinations: readonly Destination[];
  retry: RetryPolicy;
  /** Per request, redirects included. */
  timeoutMs: number;
  /** Tests only: http:// to 127.0.0.1, [::1] or localhost, and loopback addresses, are allowed. */
  allowLoopbackHttp: boolean;
  /** Deliveries in flight at once per instance. */
  concurrency: number;
  /** How often an instance looks for due deliveries it was not woken for. */
  pollMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 15, maxAgeMs: 3 * 86_400_000, firstDelayMs: 10_000, maxDelayMs: 3_600_000 };
export const DEFAULT_TIMEOUT_MS = 10_000;
const KINDS: readonly DestinationKind[] = ['webhook', 'apps-script', 'chat'];
const FLAVORS = ['slack', 'teams', 'discord'] as const;
const META_FIELDS = new Set(['locale', 'submittedAt']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** `COLLECTOR_FORWARD`: JSON (starting with `{`), or the path of a JSON file. */
export function readForwardSetting(raw: string | undefined): unknown {
  const text = raw?.trim();
  if (!text) return undefined;
  let json = text;
  if (!text.startsWith('{')) {
    try {
      json = readFileSync(text, 'utf8');
    } catch (error) {
      throw new Error(`COLLECTOR_FORWARD: cannot read the file ${text} (${(error as Error).message}).`);
    }
  }
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new Error(`COLLECTOR_FORWARD is not valid JSON (${(error as Error).message}).`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the settings against the surveys the collector knows. `input` is the parsed JSON:
 * `{ "surveys": { "<id>": { "staffOnly": [...], "destinations": [...] } }, "retry": {...}, "timeoutSeconds": 10 }`.
 */
export function parseForwardSettings(input: unknown, surveys: SurveyRegistry, { allowLoopbackHttp = false } = {}): ForwardSettings {
  const problems: string[] = [];
  const at = (path: string, message: string) => problems.push(`COLLECTOR_FORWARD${path}: ${message}`);
  const destinations: Destination[] = [];
  const settings: ForwardSettings = { destinations, retry: { ...DEFAULT_RETRY }, timeoutMs: DEFAULT_TIMEOUT_MS, allowLoopbackHttp, concurrency: 16, pollMs: 500 };
  if (input === undefined) return settings;
  if (!isObject(input)) throw new Error('COLLECTOR_FORWARD must be a JSON object: { "surveys": { "<survey id>": { "destinations": [...] } } }.');
  unknownKeys(input, ['surveys', 'retry', 'timeoutSeconds', 'concurrency', 'pollSeconds'], '', at);
  const seconds = (value: unknown, path: string, min: number, max: number): number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      at(path, `must be a number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  };
  const timeout = seconds(input.timeoutSeconds, '.timeoutSeconds', 0.5, 60);
  if (timeout !== undefined) settings.timeoutMs = timeout * 1000;
  const concurrency = seconds(input.concurrency, '.concurrency', 1, 256);
  if (concurrency !== undefined && !Number.isInteger(concurrency)) at('.concurrency', 'must be a whole number');
  else if (concurrency !== undefined) settings.concurrency = concurrency;
  const poll = seconds(input.pollSeconds, '.pollSeconds', 0.01, 60);
  if (poll !== undefined) settings.pollMs = poll * 1000;
  if (input.retry !== undefined) {
    if (!isObject(input.retry)) at('.retry', 'must be an object { attempts, days, firstDelaySeconds, maxDelaySeconds }');
    else {
      const retry = input.retry;
      unknownKeys(retry, ['attempts', 'days', 'firstDelaySeconds', 'maxDelaySeconds'], '.retry', at);
      const attempts = seconds(retry.attempts, '.retry.attempts', 1, 100);
      if (attempts !== undefined && !Number.isInteger(attempts)) at('.retry.attempts', 'must be a whole number');
      else if (attempts !== undefined) settings.retry.attempts = attempts;
      const days = seconds(retry.days, '.retry.days', 0.0001, 30);
      if (days !== undefined) settings.retry.maxAgeMs = days * 86_400_000;
      const first = seconds(retry.firstDelaySeconds, '.retry.firstDelaySeconds', 0.01, 3600);
      if (first !== undefined) settings.retry.firstDelayMs = first * 1000;
      const most = seconds(retry.maxDelaySeconds, '.retry.maxDelaySeconds', 0.01, 86_400);
      if (most !== undefined) settings.retry.maxDelayMs = most * 1000;
      if (settings.retry.maxDelayMs < settings.retry.firstDelayMs) at('.retry.maxDelaySeconds', 'must be at least firstDelaySeconds');
    }
  }
  if (!isObject(input.surveys)) {
    at('.surveys', 'must be an object keyed by survey id');
  } else {
    const names = new Set<string>();
    for (const [surveyId, entry] of Object.entries(input.surveys)) {
      const path = `.surveys[${JSON.stringify(surveyId)}]`;
      if (!surveys.has(surveyId)) {
        at(path, 'no survey config with this id in COLLECTOR_SURVEYS (destinations need the config to know which answers are free text)');
        continue;
      }
      if (!isObject(entry)) {
        at(path, 'must be an object { "staffOnly": [...], "destinations": [...] }');
        continue;
      }
      unknownKeys(entry, ['staffOnly', 'destinations'], path, at);
      const known = knownFields(surveys, surveyId);
      const staffOnly = new Set<string>();
      if (entry.staffOnly !== undefined) {
        if (!Array.isArray(entry.staffOnly)) at(`${path}.staffOnly`, 'must be a list of field names');
        else {
          entry.staffOnly.forEach((field, i) => {
            if (typeof field !== 'string' || !known.all.has(field)) at(`${path}.staffOnly[${i}]`, `${JSON.stringify(field)} is not a field of survey "${surveyId}"`);
            else staffOnly.add(field);
          });
        }
      }
      if (!Array.isArray(entry.destinations)) {
        at(`${path}.destinations`, 'must be a list');
        continue;
      }
      entry.destinations.forEach((raw, i) => {
        const destination = parseDestination(raw, `${path}.destinations[${i}]`, surveyId, { known, staffOnly, names, allowLoopbackHttp }, at);
        if (destination) destinations.push(destination);
      });
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return settings;
}

interface Known {
  all: Set<string>;
  freeText: Set<string>;
}

/** Every field a response to the survey can carry, in any of its config files; which of them are free text. */
function knownFields(surveys: SurveyRegistry, surveyId: string): Known {
  const known: Known = { all: new Set(META_FIELDS), freeText: new Set() };
  for (const config of surveys.versions(surveyId)) {
    for (const name of Object.keys(config.tags)) known.all.add(`tag.${name}`);
    for (const question of config.questions) {
      known.all.add(question.id);
      if (question.type === 'text') known.freeText.add(question.id);
      if ('allowOther' in question && question.allowOther) {
        known.all.add(`${question.id}.other`);
        known.freeText.add(`${question.id}.other`);
      }
    }
  }
  return known;
}

function parseDestination(
  raw: unknown,
  path: string,
  surveyId: string,
  context: { known: Known; staffOnly: Set<string>; names: Set<string>; allowLoopbackHttp: boolean },
  reportTo: (path: string, message: string) => void,
): Destination | null {
  let failed = false;
  const at = (where: string, message: string) => {
    failed = true;
    reportTo(where, message);
  };
  if (!isObject(raw)) {
    at(path, 'must be an object { "name", "kind", "url", ... }');
    return null;
  }
  unknownKeys(raw, ['name', 'kind', 'url', 'fields', 'secrets', 'everyMinutes', 'flavor'], path, at);
  const { name, kind } = raw;
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) at(`${path}.name`, 'must be 1–64 letters, digits, ".", "-" or "_"');
  else if (context.names.has(name)) at(`${path}.name`, `"${name}" is already used by another destination`);
  else context.names.add(name);
  if (!KINDS.includes(kind as DestinationKind)) at(`${path}.kind`, `must be one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
  const url = checkUrl(raw.url, `${path}.url`, context.allowLoopbackHttp, at);
  const fields = new Set<string>();
  if (raw.fields !== undefined) {
    if (kind === 'chat') at(`${path}.fields`, 'a chat destination never carries answers: remove "fields"');
    else if (!Array.isArray(raw.fields)) at(`${path}.fields`, 'must be a list of field names');
    else {
      raw.fields.forEach((field, i) => {
        const where = `${path}.fields[${i}]`;
        if (typeof field !== 'string' || !context.known.all.has(field)) at(where, `${JSON.stringify(field)} is not a field of survey "${surveyId}"`);
        else if (context.staffOnly.has(field)) at(where, `"${field}" is marked staff-only for this survey and is never forwarded`);
        else fields.add(field);
      });
    }
  }
  const secrets: string[] = [];
  if (raw.secrets !== undefined) {
    if (kind === 'chat') at(`${path}.secrets`, 'a chat destination is not signed (its URL is the secret): remove "secrets"');
    else if (!Array.isArray(raw.secrets) || raw.secrets.length < 1 || raw.secrets.length > 2) at(`${path}.secrets`, 'must list one secret, or two while rotating (newest first)');
    else {
      raw.secrets.forEach((secret, i) => {
        if (typeof secret !== 'string' || !/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/.test(secret)) {
          at(`${path}.secrets[${i}]`, 'must be "whsec_" and at least 24 random bytes in base64 (e.g. `echo whsec_$(openssl rand -base64 32)`)');
        } else secrets.push(secret);
      });
    }
  } else if (kind === 'webhook') at(`${path}.secrets`, 'a webhook needs "secrets": ["whsec_…"] so the receiver can verify what it gets');
  let everyMinutes = 15;
  if (raw.everyMinutes !== undefined) {
    if (kind !== 'chat') at(`${path}.everyMinutes`, 'only a chat destination is batched');
    else if (typeof raw.everyMinutes !== 'number' || !(raw.everyMinutes >= 0.001 && raw.everyMinutes <= 1440)) at(`${path}.everyMinutes`, 'must be a number of minutes up to 1440');
    else everyMinutes = raw.everyMinutes;
  }
  let flavor: Destination['flavor'] = 'slack';
  if (raw.flavor !== undefined) {
    if (kind !== 'chat') at(`${path}.flavor`, 'only a chat destination has a flavor');
    else if (!FLAVORS.includes(raw.flavor as Destination['flavor'])) at(`${path}.flavor`, `must be one of ${FLAVORS.map((f) => `"${f}"`).join(', ')}`);
    else flavor = raw.flavor as Destination['flavor'];
  }
  if (failed || !url) return null;
  return { name: name as string, surveyId, kind: kind as DestinationKind, url, fields, secrets, everyMinutes, flavor };
}

/** https only; http only for a loopback host, and only with the tests' explicit setting. */
export function checkUrl(raw: unknown, path: string, allowLoopbackHttp: boolean, at: (path: string, message: string) => void): URL | null {
  let url: URL;
  try {
    url = new URL(typeof raw === 'string' ? raw : '');
  } catch {
    at(path, 'must be an absolute https:// URL');
    return null;
  }
  if (url.username || url.password) {
    at(path, 'must not carry a user name or password');
    return null;
  }
  const range = refusedLiteral(url.hostname, allowLoopbackHttp);
  if (range) {
    at(path, `${url.hostname} is a ${range} address: onward delivery never connects to private, loopback, link-local or metadata addresses`);
    return null;
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return url;
  at(path, url.protocol === 'http:' ? 'must be https:// (http only for a loopback test receiver)' : 'must be an https:// URL');
  return null;
}

function unknownKeys(object: Record<string, unknown>, allowed: readonly string[], path: string, at: (path: string, message: string) => void): void {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) at(`${path}.${key}`, `unknown setting (allowed: ${allowed.join(', ')})`);
}

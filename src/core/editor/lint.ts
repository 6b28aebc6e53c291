import type { EditableConfig, Path } from './edits.js';

/**
 * The re-identification lint: parts of a survey that make it easier to tell who answered, found in
 * the config alone (so it runs as someone types, valid config or not). Each finding names the field
 * and why; the editor words it (src/i18n/editor). None of them stops an export: a service may have
 * good reasons, and the collector's disclosure control still applies to what it publishes.
 *
 *   free-text        a text question: people write names, places, dates
 *   other-text       "Other" with a text box: the same, in a few words
 *   tag-varies       a tag whose name suggests it changes per person, staff member, session or day
 *   fine-time        a time bucket finer than a day: a response can be matched to a visit
 *   many-options     a question with more than 7 answers: most answers end up in small groups
 * The collector's disclosure settings (k, rounding) are the collector's, not the config's: the lint
 * does not see them.
 */
export type LintCode = 'free-text' | 'other-text' | 'tag-varies' | 'fine-time' | 'many-options';

export interface LintFinding {
  code: LintCode;
  path: Path;
  /** The question's id or the tag's name, for the message. */
  name?: string;
  /** How many answers (many-options). */
  count?: number;
}

/** More answers than this and small cells are likely at the volumes a peer-support service sees. */
export const MANY_OPTIONS = 7;

// Tag names that usually change per person, staff member, session, shift or day.
const VARYING_TAG = /(staff|worker|peer|volunteer|name|person|client|session|visit|date|day|time|shift|room|case|id)$/i;

export function reidentificationLint(config: EditableConfig): LintFinding[] {
  const findings: LintFinding[] = [];
  (Array.isArray(config.questions) ? config.questions : []).forEach((question, i) => {
    if (!question || typeof question !== 'object') return;
    const path: Path = ['questions', i];
    if (question.type === 'text') findings.push({ code: 'free-text', path, name: question.id });
    if ('allowOther' in question && question.allowOther) findings.push({ code: 'other-text', path: [...path, 'allowOther'], name: question.id });
    let answers = 0;
    if ((question.type === 'single' || question.type === 'multiple') && Array.isArray(question.options)) answers = question.options.length;
    if (question.type === 'rating') answers = Math.max(0, (question.max ?? 5) - (question.min ?? 1) + 1);
    if (answers > MANY_OPTIONS) findings.push({ code: 'many-options', path, name: question.id, count: answers });
  });
  for (const name of Object.keys(config.tags ?? {})) {
    if (VARYING_TAG.test(name.replace(/[_.-]/g, ''))) findings.push({ code: 'tag-varies', path: ['tags', name], name });
  }
  if (config.timeBucket === 'hour') findings.push({ code: 'fine-time', path: ['timeBucket'] });
  return findings;
}

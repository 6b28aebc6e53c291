/** One problem in a survey config: where (`questions[2].options[0].value`) and what, in plain English. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * Everything wrong with a config at once, so a page author fixes it in one pass. The message lists
 * every issue on its own line; `issues` is the same list for code (the element renders it).
 */
export class SurveyConfigError extends Error {
  readonly code = 'config-invalid' as const;
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[], source?: string) {
    const head = source ? `Config from "${source}"` : 'Survey config';
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map(({ path, message }) => `  ${path ? `${path}: ` : ''}${message}`);
    super(`${head} has ${count}:\n${lines.join('\n')}`);
    this.name = 'SurveyConfigError';
    this.issues = issues;
  }
}

/** `['questions', 2, 'options', 0, 'value']` → `questions[2].options[0].value`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += `${out ? '.' : ''}${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

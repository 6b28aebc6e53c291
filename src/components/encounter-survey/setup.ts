import type { ConfigState } from '../../controllers/config-controller.js';
import { SurveyConfigErrorEvent } from '../../events/survey-config-error.js';
import { resolveEndpoint } from '../internal/endpoint.js';

export type SetupIssue = { path: string; message: string };

/**
 * Problems with a survey's setup, for the page author; empty when it can be shown: the config's
 * own, a mode that cannot be used, and where responses go. What the quick read of a config found
 * waits for validation's verdict.
 */
export function setupIssues(state: ConfigState, modeProblem: string | null, endpoint: string | null, baseUri: string): readonly SetupIssue[] {
  if (state.status === 'error') return state.issues;
  if (modeProblem) return [{ path: 'mode', message: modeProblem }];
  if (state.status === 'loading' || !state.validated) return [];
  const target = resolveEndpoint(endpoint, state.config, baseUri);
  return target.ok ? [] : [{ path: 'endpoint', message: target.message }];
}

/** Tells the page author about each distinct list of setup problems once: an event and the console. */
export class SetupReporter {
  private reported = '';

  constructor(private readonly host: HTMLElement) {}

  report(issues: readonly SetupIssue[]) {
    const report = issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n');
    if (report === this.reported) return;
    this.reported = report;
    if (!report) return;
    this.host.dispatchEvent(new SurveyConfigErrorEvent({ issues }));
    console.error(`encounter-survey: the setup has problems:\n${report}`);
  }
}

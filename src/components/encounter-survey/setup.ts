import type { Answers } from '../../core/answers.js';
import type { Submission } from '../../core/submission-schema.js';
import type { ConfigController, ConfigState } from '../../controllers/config-controller.js';
import { loadRespondParts, PartUnavailableError } from '../../controllers/load-part.js';
import type { DeliveryController } from '../../controllers/delivery-controller.js';
import { SurveyConfigErrorEvent } from '../../events/survey-config-error.js';
import { SurveySubmitEvent } from '../../events/survey-submit.js';
import type { SurveyConfig } from '../../core/config/schema.js';
import type { SurveyDelivery } from '../../core/delivery/resolve.js';

export type SetupIssue = { path: string; message: string };

/**
 * Problems with a survey's setup, for the page author; empty when it can be shown: the config's
 * own, a mode that cannot be used, and where responses go. What the quick read of a config found
 * waits for validation's verdict.
 */
export function setupIssues(state: ConfigState, modeProblem: string | null, resolve: (config: SurveyConfig) => SurveyDelivery | undefined): readonly SetupIssue[] {
  if (state.status === 'error') return state.issues;
  if (modeProblem) return [{ path: 'mode', message: modeProblem }];
  if (state.status === 'loading' || !state.validated) return [];
  const target = resolve(state.config);
  return !target || target.ok ? [] : [{ path: 'endpoint', message: target.message }];
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

export interface StoreContext {
  host: HTMLElement;
  config: ConfigController;
  delivery: DeliveryController;
  locale: string;
}

/**
 * What Submit does once the answers are complete: waits for the validated config, builds the
 * anonymous payload, lets the page cancel (`survey-submit`), and stores it in the outbox. Resolves
 * with the response (null when cancelled); rejects when it could not be stored.
 */
export async function storeResponse(answers: Answers, { host, config: source, delivery, locale }: StoreContext): Promise<Submission | null> {
  let config, buildSubmission;
  try {
    config = await source.validated();
    // Loaded with validation and the outbox by the warm-up, off the first question's path.
    ({ buildSubmission } = await loadRespondParts());
  } catch (error) {
    if (error instanceof PartUnavailableError) delivery.unavailable(error);
    throw error;
  }
  const submission = buildSubmission(config, answers, { now: () => Date.now(), randomId: () => crypto.randomUUID(), locale });
  if (!host.dispatchEvent(new SurveySubmitEvent({ submission }))) return null;
  const target = delivery.resolve(config);
  if (!target?.ok) throw new Error(`encounter-survey: ${target?.message ?? 'no endpoint'}`);
  await delivery.submit(submission, target.delivery.url);
  return submission;
}

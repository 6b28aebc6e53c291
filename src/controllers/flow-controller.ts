import type { LitElement, ReactiveController } from 'lit';
import { keepAnswers, validateAnswer, type AnswerProblem, type Answers } from '../core/answers.js';
import type { Question, SurveyConfig } from '../core/config/schema.js';
import { initialPhase, transition, type FlowEvent, type FlowSettings, type Phase } from '../core/flow.js';
import type { AnswerValue, Submission } from '../core/submission-schema.js';
import { visiblePages } from '../core/pages.js';
import { SurveyResetEvent, type SurveyResetReason } from '../events/survey-reset.js';

export interface FlowOptions {
  /** Kiosk or inline, and whether the kiosk hands over between people. */
  settings: () => FlowSettings;
  /**
   * Builds, announces and stores the response for these answers. Resolves with it, or with null
   * when the page cancelled `survey-submit`; rejects when it could not be stored.
   */
  store: (answers: Answers) => Promise<Submission | null>;
}

/**
 * One respondent's way through a survey: the answers, the page, the problems found, and the phase,
 * which only this controller writes, through the pure table in core/flow.ts. Moves focus the way a
 * person needs it: to the first problem, to the new page, to the thank-you.
 */
export class FlowController implements ReactiveController {
  answers: Answers = {};
  problems: ReadonlyMap<string, AnswerProblem> = new Map();
  phase: Phase;
  /** Bumped on every reset so Lit rebuilds the form from scratch: no input keeps an old value. */
  generation = 0;
  /** Set by the free-text guard once it has loaded (issue #22): true when Submit must wait for the respondent (synchronous: a mashed Submit stores one response). */
  declare guard?: () => boolean;
  /** Bumped each time problems are reported, so the summary is announced again on a second Submit. */
  reports = 0;
  /** Whether the respondent has turned a page (the first page appears without a transition). */
  turned = false;
  private pageIndex = 0;
  private config?: SurveyConfig;

  constructor(
    private readonly host: LitElement,
    private readonly options: FlowOptions,
  ) {
    this.phase = initialPhase(options.settings());
    host.addController(this);
  }

  hostConnected() {
    // A back/forward-cache restore must show a fresh survey, never the last person's answers.
    window.addEventListener('pageshow', this.onPageShow);
  }

  hostDisconnected() {
    window.removeEventListener('pageshow', this.onPageShow);
  }

  /** A new config (or a new version of it): answers that still mean the same are kept. */
  adopt(config: SurveyConfig) {
    const previous = this.config;
    this.config = config;
    if (previous) this.answers = keepAnswers(previous, config, this.answers);
    this.host.requestUpdate();
  }

  /** The visible questions, page by page (a page whose questions are all hidden is skipped). */
  get pages(): Question[][] {
    return this.config ? visiblePages(this.config, this.answers) : [];
  }

  get page(): number {
    return Math.max(0, Math.min(this.pageIndex, this.pages.length - 1));
  }

  /** Applies a flow event; false when it means nothing in the current phase. */
  dispatch(event: FlowEvent): boolean {
    const next = transition(this.phase, event, this.options.settings());
    if (next === null) return false;
    this.phase = next;
    this.host.requestUpdate();
    return true;
  }

  setAnswer = (question: Question, value: AnswerValue | undefined) => {
    const answers = { ...this.answers };
    if (value === undefined) delete answers[question.id];
    else answers[question.id] = value;
    if (Array.isArray(value) ? !value.includes('other') : value !== 'other') delete answers[`${question.id}.other`];
    this.answers = answers;
    if (this.problems.has(question.id)) {
      const problems = new Map(this.problems);
      const problem = validateAnswer(question, value);
      if (problem) problems.set(question.id, problem);
      else problems.delete(question.id);
      this.problems = problems;
    }
    this.host.requestUpdate();
  };

  setOtherText = (question: Question, text: string) => {
    const answers = { ...this.answers };
    if (text.trim() === '') delete answers[`${question.id}.other`];
    else answers[`${question.id}.other`] = text;
    this.answers = answers;
    this.host.requestUpdate();
  };

  /** Next (+1, after checking this page) or Back (−1). */
  go(step: 1 | -1) {
    const pages = this.pages;
    if (step > 0 && !this.check(pages[this.page] ?? [])) return;
    this.problems = new Map();
    this.turned = true;
    this.pageIndex = Math.min(Math.max(this.page + step, 0), pages.length - 1);
    this.host.requestUpdate();
    this.focusPageStart();
  }

  /** Checks every visible answer, then stores the response. See `EncounterSurvey.submit()`. */
  async submit(): Promise<Submission | null> {
    if (this.phase !== 'answering' || !this.check(this.pages.flat()) || this.guard?.()) return null;
    this.dispatch('submit');
    let submission: Submission | null;
    try {
      submission = await this.options.store(this.answers);
    } catch (error) {
      this.dispatch('failed');
      throw error;
    }
    if (!submission) {
      this.dispatch('cancelled');
      return null;
    }
    if (this.dispatch('stored')) {
      this.clear();
      // The focused Submit button is gone: take focus to the thank-you so it is read out.
      this.focusAfterUpdate('[part~="thank-you"]');
    }
    return submission;
  }

  /** Clears every answer and goes back to the start, telling the page why (unless `reason` is null). */
  reset(reason: SurveyResetReason | null) {
    this.clear();
    this.dispatch('reset');
    if (reason) this.host.dispatchEvent(new SurveyResetEvent({ reason }));
  }

  /**
   * After Start, Next or Back: focus on the step line ("Step 2 of 3"), else the first question's
   * label text in its legend (or label), so a screen reader goes on from there (a form has no name of
   * its own). The text, not the legend: Firefox hands a focused legend's focus on to the first option.
   */
  focusPageStart() {
    void this.host.updateComplete.then(() => {
      const start = this.host.renderRoot.querySelector<HTMLElement>('[part~="progress"] p, [part~="question"] [part~="label"]');
      if (!start) return;
      start.tabIndex = -1;
      start.focus();
    });
  }

  /** Moves focus to the first element matching `selector` once the next render is done. */
  focusAfterUpdate(selector: string) {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private clear() {
    this.answers = {};
    this.pageIndex = 0;
    this.turned = false;
    this.problems = new Map();
    this.generation++;
    this.host.requestUpdate();
  }

  private check(questions: Question[]): boolean {
    const problems = new Map<string, AnswerProblem>();
    for (const question of questions) {
      const problem = validateAnswer(question, this.answers[question.id]);
      if (problem) problems.set(question.id, problem);
    }
    this.problems = problems;
    this.host.requestUpdate();
    if (problems.size === 0) return true;
    this.reports++;
    const first = CSS.escape([...problems.keys()][0]!);
    this.focusAfterUpdate(`[data-question="${first}"] input, [data-question="${first}"] textarea`);
    return false;
  }

  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && (this.options.settings().kiosk || this.phase === 'done')) this.reset(null);
  };
}

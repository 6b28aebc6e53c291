import { fixture, html, unsafeStatic } from '@open-wc/testing';
import type { EncounterSurvey } from '../../src/components/encounter-survey/encounter-survey.js';
import type { SurveyConfigInput } from '../../src/core/config/schema.js';
import { createTestCollector } from './collector.js';
import { ManualClock } from './manual-clock.js';

/**
 * Drives an <encounter-survey> the way a person would: clicking real inputs, typing into real
 * fields, pressing real buttons. Shared by every survey test.
 */
export class SurveyHarness {
  constructor(readonly element: EncounterSurvey) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  async settle() {
    await this.element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.element.updateComplete;
    // A page turn fades in: let it finish, so what a check sees is what a person sees.
    await Promise.all((this.root?.getAnimations?.() ?? []).map((animation) => animation.finished.catch(() => undefined)));
  }

  /** Waits until the survey shows something: a question, a kiosk screen or a setup problem (languages, kiosk mode and presets load on demand). */
  async shown() {
    await waitUntil(() => this.root !== null && this.root.querySelector('[part~="base"]:not([aria-busy])') !== null, 8000, 'the survey to show');
    await this.settle();
  }

  question(id: string): HTMLElement | null {
    return this.root.querySelector(`[data-question="${id}"]`);
  }

  visibleQuestionIds(): string[] {
    return [...this.root.querySelectorAll<HTMLElement>('[data-question]')].map((node) => node.dataset.question!);
  }

  input(id: string, value: string): HTMLInputElement {
    const input = this.question(id)?.querySelector<HTMLInputElement>(`input[value="${CSS.escape(value)}"]`);
    if (!input) throw new Error(`no option "${value}" in question "${id}"`);
    return input;
  }

  /** Ticks (or picks) each value, as clicks. */
  async choose(id: string, ...values: string[]) {
    for (const value of values) {
      this.input(id, value).click();
      await this.settle();
    }
  }

  async rate(id: string, point: number) {
    await this.choose(id, String(point));
  }

  async type(id: string, text: string) {
    const field = this.question(id)?.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input[type="text"]');
    if (!field) throw new Error(`no text field in question "${id}"`);
    field.focus();
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  async typeOther(id: string, text: string) {
    const field = this.question(id)?.querySelector<HTMLInputElement>(`input[name="${id}.other"]`);
    if (!field) throw new Error(`no "Other" text field in question "${id}"`);
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  button(part: string): HTMLButtonElement | null {
    return this.root.querySelector(`[part~="${part}"]`);
  }

  async press(part: string) {
    const button = this.button(part);
    if (!button) throw new Error(`no ${part} on screen`);
    button.click();
    await this.settle();
  }

  async next() {
    await this.press('next-button');
  }

  /** Clicks Submit and waits until the survey has left the form (or reported a problem). */
  async submit() {
    await this.press('submit-button');
    await waitUntil(() => !this.button('submit-button')?.disabled);
    await this.settle();
  }

  /** Opens "what this survey sends" as a person does and waits for its body, which loads on demand. */
  async openDisclosure(): Promise<HTMLDetailsElement> {
    const details = this.root.querySelector<HTMLDetailsElement>('[part="disclosure"]');
    if (!details) throw new Error('no disclosure on screen');
    details.querySelector('summary')!.click();
    await waitUntil(() => details.open && details.querySelector('li') !== null, 8000, 'the disclosure\'s list');
    await this.settle();
    return details;
  }

  statusText(): string {
    return this.root.querySelector('[part="status"]')?.textContent?.trim() ?? '';
  }

  text(): string {
    return this.root.textContent?.replace(/\s+/g, ' ') ?? '';
  }
}

export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs = 8000, message = 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Renders a survey with the given config object and endpoint (`tag`: see freshSurveyTag()); resolves once it shows. */
export async function renderSurvey(config: unknown, endpoint: string, options: { lang?: string; mode?: string; tag?: string } = {}) {
  const tag = unsafeStatic(options.tag ?? 'encounter-survey');
  const element = await fixture<EncounterSurvey>(
    html`<${tag}
      .config=${config}
      endpoint=${endpoint}
      lang=${options.lang ?? 'en'}
      mode=${options.mode ?? 'inline'}
    ></${tag}>`,
  );
  const harness = new SurveyHarness(element);
  await harness.shown();
  return harness;
}

/** A kiosk survey on the test receiver, with a clock the test advances by hand. */
export async function renderKiosk(config: unknown) {
  const collector = await createTestCollector();
  const survey = await renderSurvey(config, collector.endpoint, { mode: 'kiosk' });
  const clock = new ManualClock();
  survey.element.clock = clock;
  return { survey, clock, collector };
}

/** A small config that exercises every question type (typed loosely: tests also pass broken ones). */
export function sampleConfig(overrides: Record<string, unknown> = {}): SurveyConfigInput & Record<string, unknown> {
  return {
    id: 'sample',
    version: '1',
    title: 'How was today?',
    thankYou: 'Thank you for telling us.',
    tags: { site: 'test-site' },
    questions: [
      { id: 'support', type: 'support-types', label: 'Which kinds of support did you receive?', required: true, allowOther: true },
      { id: 'helpful', type: 'rating', label: 'How helpful was it?', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very' },
      {
        id: 'heard',
        type: 'single',
        label: 'Did you feel heard?',
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
      },
      {
        id: 'why',
        type: 'text',
        label: 'What would have helped you feel heard?',
        showIf: { question: 'heard', equals: 'no' },
        maxLength: 200,
      },
      { id: 'comment', type: 'text', label: 'Anything else?', multiline: true, maxLength: 500 },
    ],
    ...overrides,
  } as SurveyConfigInput & Record<string, unknown>;
}

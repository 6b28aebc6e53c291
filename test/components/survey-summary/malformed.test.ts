import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SurveySummary as SurveySummaryData } from '../../../src/core/summary/types.js';
import type { SurveySummary } from '../../../src/components/survey-summary/survey-summary.js';
import '../../../src/components/survey-summary/survey-summary.define.js';

// A page may set `summary` to anything (a hand-made object, an old format, a proxy's error page parsed
// as JSON): the element shows an error box naming what is wrong, and never throws out of its render.
const fixtureUrl = new URL('./fixtures/summary.json', import.meta.url).href;
const data = (await (await fetch(fixtureUrl)).json()) as SurveySummaryData;

const root = (el: SurveySummary) => el.shadowRoot!;
const alertText = (el: SurveySummary) => root(el).querySelector('[role="alert"]')?.textContent ?? '';
const figures = (el: SurveySummary) => root(el).querySelectorAll('figure').length;

/** Collects what escapes to the page (an uncaught TypeError from a render lands here). */
function uncaught() {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

const broken = (change: (summary: SurveySummaryData) => void) => {
  const copy = structuredClone(data);
  change(copy);
  return copy;
};

describe('<survey-summary> with a malformed summary', () => {
  it('an empty object: an accessible error box naming the missing fields, nothing thrown', async () => {
    const escaped = uncaught();
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${{}}></survey-summary>`);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    escaped.stop();
    expect(escaped.errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
    expect(alertText(el)).to.contain('cannot be shown').and.contain('format').and.contain('survey');
    expect(figures(el)).to.equal(0);
  });

  it('one broken question: names its path', async () => {
    const escaped = uncaught();
    const summary = broken((copy) => {
      delete (copy.questions[1] as Partial<SurveySummaryData['questions'][number]>).cells;
    });
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${summary}></survey-summary>`);
    await el.updateComplete;
    escaped.stop();
    expect(escaped.errors).to.deep.equal([]);
    expect(alertText(el)).to.contain('questions[1].cells');
    expect(alertText(el)).not.to.contain('questions[0]');
  });

  it('a wrong type deep inside (a count that is a string, series not a list)', async () => {
    const summary = broken((copy) => {
      (copy.questions[0]!.cells[0] as unknown as { count: string }).count = '95';
      (copy as unknown as { series: unknown }).series = 'monthly';
    });
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${summary}></survey-summary>`);
    expect(alertText(el)).to.contain('series').and.contain('questions[0].cells[0]');
  });

  it('not an object at all (a string, an array)', async () => {
    for (const value of ['<html>Bad gateway</html>', [1, 2]]) {
      const el = await fixture<SurveySummary>(html`<survey-summary .summary=${value as unknown as SurveySummaryData}></survey-summary>`);
      expect(alertText(el)).to.contain('cannot be shown');
    }
  });

  it('recovers when a good summary is set after a bad one, and the other way round', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary .summary=${data}></survey-summary>`);
    expect(figures(el)).to.be.greaterThan(0);
    el.summary = { ...data, questions: null } as unknown as SurveySummaryData;
    await el.updateComplete;
    expect(figures(el)).to.equal(0);
    expect(alertText(el)).to.contain('questions');
    el.summary = data;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(figures(el)).to.be.greaterThan(0);
  });

  it('what `src` answered is named too when it is JSON but not a summary', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify({ format: 'encounter-survey/summary@1', survey: 'x' })], { type: 'application/json' }));
    const el = await fixture<SurveySummary>(html`<survey-summary src=${url}></survey-summary>`);
    await waitUntil(() => alertText(el) !== '', 'no error shown');
    expect(alertText(el)).to.contain('format');
    URL.revokeObjectURL(url);
  });

  it('the error box is in the page language', async () => {
    const el = await fixture<SurveySummary>(html`<survey-summary lang="es" .summary=${{}}></survey-summary>`);
    await waitUntil(() => alertText(el) !== '', 'no error shown');
    expect(alertText(el)).to.contain('no se puede mostrar');
  });
});

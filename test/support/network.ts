/** Browser-side handle on test/support/unavailable-files.mjs: files (and the receiver) made unreachable. */
export type Unreachable = 503 | 404 | 'offline';

/** Requests whose path matches one of `patterns` answer `as` until the next call; no patterns: all reachable. */
export async function unreachable(patterns: string[], as: Unreachable = 503) {
  await fetch('/__unavailable', { method: 'POST', body: JSON.stringify({ patterns, as }) });
}

/**
 * The network goes away: every file of the page and the test receiver's intake drop their
 * connection, as when a phone loses its signal (the test's own control routes stay reachable).
 */
export function networkOff() {
  return unreachable(['^/(src|node_modules|__fresh)/', '^/__collector/[\\w-]+(/cors)?/responses$'], 'offline');
}

export function networkOn() {
  return unreachable([]);
}

/**
 * The survey element's class from a path no earlier test used, registered under a tag of its own:
 * each test then has its own module graph (its own on-demand parts, loaded or failed) within one page.
 */
export async function freshSurveyTag(): Promise<string> {
  const key = crypto.randomUUID();
  const { EncounterSurvey } = await import(/* @vite-ignore */ `/__fresh/${key}/src/components/encounter-survey/encounter-survey.ts`);
  const tag = `encounter-survey-${key}`;
  customElements.define(tag, class extends EncounterSurvey {});
  return tag;
}

// The dev server serves each module as its own file: far more than the default 250 entries.
performance.setResourceTimingBufferSize(100_000);

/** Waits until the page has fetched nothing for a second: what it started loading has arrived. */
export async function networkQuiet() {
  let seen = -1;
  for (;;) {
    const count = performance.getEntriesByType('resource').length;
    if (count === seen) return;
    seen = count;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

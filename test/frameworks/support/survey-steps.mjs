// What a respondent and an app's user do, shared by the React, Vue and Svelte tests. Playwright's
// locators reach into the elements' open shadow roots, as a person's clicks do.
import assert from 'node:assert/strict';

export const surveyTitle = (page) => page.locator('encounter-survey [part~="title"]');

/** The survey shows the app's config (not the default preset). */
export async function showsAppSurvey(page, title = 'Framework app survey') {
  await surveyTitle(page).getByText(title, { exact: true }).waitFor();
}

export async function answerHeard(page, label = 'Yes') {
  await page.locator('encounter-survey').getByRole('radio', { name: label }).check();
}

export async function submitSurvey(page) {
  await page.locator('encounter-survey').getByRole('button', { name: 'Submit' }).click();
}

/** Ticks support types in the standalone selector, as a person would. */
export async function tickSupport(page, ...labels) {
  for (const label of labels) await page.locator('support-type-selector').getByRole('checkbox', { name: label }).check();
}

/** The app's "Submitted: <id>" line shows exactly the ids the receiver stored. */
export async function appSawSubmission(page, server) {
  await page.getByText(/^Submitted: [0-9a-f-]{36}$/).waitFor();
  const shown = (await page.getByText(/^Submitted: /).textContent()).replace('Submitted: ', '');
  return shown;
}

export async function receiverStoredOnce(server, id) {
  for (let tries = 0; !server.responses.has(id) && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(server.responses.has(id), `the receiver stored ${id}`);
  assert.equal(server.responses.size, 1, 'exactly one response stored');
}

import { closedPeriods, openPeriod, summaryDay, type Submission, type SurveyConfig } from 'encounter-survey/core';
import { countedAnswers } from './intake.js';
import type { ResponseStore } from './store.js';
import type { SurveyRegistry } from './surveys.js';

/**
 * Demo only (`npm start`, COLLECTOR_DEMO=1): generated responses for the survey `demo-report`
 * (demo/surveys/demo-report-*.json, titled "DEMO DATA … not real people"), so the dashboard has
 * three closed months at two sites to show. Each month gets a fixed number of visits per site,
 * drawn from a generator seeded by the month, so the figures never depend on the day it runs:
 * a month holds the same responses whenever it is seeded. The open month gets its share of the
 * days that are over. Written once, through the same insert as real responses (rows and counts together).
 */
export const DEMO_SURVEY = 'demo-report';

/** Visits generated per calendar month at each demo site (north is the busy one). */
export const DEMO_VISITS_PER_MONTH: Readonly<Record<string, number>> = { 'demo-north': 170, 'demo-south': 45 };

/** mulberry32: a small seeded generator; the demo must not depend on Math.random. */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

export interface DemoResponse {
  config: SurveyConfig;
  submission: Submission;
}

/**
 * The demo's responses as of `now`: the three closed months (as `closedPeriods` counts them) in
 * full, and the open month up to the last day that is over. Pure, so tests can run it at any date.
 */
export function demoSubmissions(configs: readonly SurveyConfig[], now: Date): DemoResponse[] {
  const open = openPeriod(now, 'month');
  const months = [...closedPeriods(now, { unit: 'month', count: 3 }), open];
  const today = summaryDay(now);
  const responses: DemoResponse[] = [];
  for (const month of months) {
    const start = Date.parse(`${month.start}T00:00:00Z`);
    const days = Math.round((Date.parse(`${month.end}T00:00:00Z`) - start) / DAY_MS);
    for (const config of configs) {
      const site = config.tags.site ?? '';
      const random = generator(Number(month.start.replaceAll('-', '')) * 31 + [...site].reduce((sum, char) => sum + char.charCodeAt(0), 0));
      const pick = <T>(weighted: Array<[T, number]>): T => {
        let roll = random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
        for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
        return weighted.at(-1)![0];
      };
      for (let visit = 0; visit < (DEMO_VISITS_PER_MONTH[site] ?? 0); visit += 1) {
        const day = new Date(start + Math.floor(random() * days) * DAY_MS);
        const submission = generated(config, day, random, pick, site === 'demo-south');
        if (submission.submittedAt.slice(0, 10) < today) responses.push({ config, submission });
      }
    }
  }
  return responses;
}

export async function seedDemoData(store: ResponseStore, surveys: SurveyRegistry, now: Date): Promise<number> {
  const configs = surveys.versions(DEMO_SURVEY);
  if (configs.length === 0 || (await store.total({ surveyId: DEMO_SURVEY })).count > 0) return 0;
  const responses = demoSubmissions(configs, now);
  await Promise.all(responses.map(({ config, submission }) => insert(store, config, submission)));
  return responses.length;
}

function generated(config: SurveyConfig, day: Date, random: () => number, pick: <T>(weighted: Array<[T, number]>) => T, south: boolean): Submission {
  const support = [
    ...(random() < 0.78 ? ['emotional'] : []),
    ...(random() < (south ? 0.4 : 0.23) ? ['social'] : []),
    ...(random() < 0.3 ? ['information'] : []),
    ...(random() < 0.12 ? ['practical'] : []),
    ...(random() < 0.02 ? ['crisis'] : []),
  ];
  const answers: Submission['answers'] = { support: support.length ? support : ['emotional'] };
  if (random() < 0.93) answers.heard = pick([['yes', 75], ['somewhat', 18], ['no', south ? 1 : 7]]);
  if (random() < 0.9) answers.helpful = pick([[5, 45], [4, 35], [3, 12], [2, 5], [1, 3]]);
  const hex = () => Math.floor(random() * 16).toString(16);
  const id = `${Array.from({ length: 8 }, hex).join('')}-${Array.from({ length: 4 }, hex).join('')}-4${Array.from({ length: 3 }, hex).join('')}-a${Array.from({ length: 3 }, hex).join('')}-${Array.from({ length: 12 }, hex).join('')}`;
  return {
    id,
    survey: { id: config.id, version: config.version },
    submittedAt: day.toISOString(),
    locale: random() < 0.8 ? 'en' : 'es',
    answers,
    tags: { ...config.tags },
  };
}

function insert(store: ResponseStore, config: SurveyConfig, submission: Submission) {
  return store.insert(submission, submission.submittedAt.slice(0, 10), countedAnswers(config, submission));
}

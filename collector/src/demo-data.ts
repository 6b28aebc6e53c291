import type { Submission, SurveyConfig } from 'encounter-survey/core';
import { countedAnswers } from './intake.js';
import type { ResponseStore } from './store.js';
import type { SurveyRegistry } from './surveys.js';

/**
 * Demo only (`npm start`, COLLECTOR_DEMO=1): generated responses for the survey `demo-report`
 * (demo/surveys/demo-report-*.json, titled "DEMO DATA … not real people"), so the dashboard has
 * three closed months at two sites to show. Made from a fixed seed, so every run shows the same
 * figures; written once, through the same insert as real responses (rows and counts together).
 */
export const DEMO_SURVEY = 'demo-report';

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

export async function seedDemoData(store: ResponseStore, surveys: SurveyRegistry, now: Date): Promise<number> {
  const configs = surveys.versions(DEMO_SURVEY);
  if (configs.length === 0 || (await store.total({ surveyId: DEMO_SURVEY })).count > 0) return 0;
  const random = generator(20261126);
  const pick = <T>(weighted: Array<[T, number]>): T => {
    let roll = random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
    return weighted.at(-1)![0];
  };
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1);
  const inserts: Array<Promise<unknown>> = [];
  for (let day = first; day < now.getTime() - DAY_MS; day += DAY_MS) {
    for (const config of configs) {
      const south = config.tags.site === 'demo-south';
      const visits = Math.round(random() * (south ? 3 : 11));
      for (let i = 0; i < visits; i += 1) inserts.push(insert(store, config, generated(config, new Date(day), random, pick, south)));
    }
  }
  await Promise.all(inserts);
  return inserts.length;
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

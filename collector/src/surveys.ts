import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSurveyConfigJson, unitsFor, type SurveyConfig, type SurveyDescription } from 'encounter-survey/core';

/**
 * The survey configs the collector accepts responses for: the same JSON files the widget loads,
 * one per file in `COLLECTOR_SURVEYS`, each checked with `parseSurveyConfig`. A survey may have
 * several files: one per version (keep an old version's file while devices may still hold its
 * responses) and, within a version, one per set of tags (the same survey at two sites). Files with
 * the same id and version must ask the same questions.
 */
export class SurveyRegistry {
  readonly #byId = new Map<string, SurveyConfig[]>();

  constructor(configs: readonly SurveyConfig[] = []) {
    for (const config of configs) {
      const list = this.#byId.get(config.id) ?? [];
      list.push(config);
      this.#byId.set(config.id, list);
    }
  }

  get size(): number {
    return this.#byId.size;
  }

  has(surveyId: string): boolean {
    return this.#byId.has(surveyId);
  }

  /** Every config of a survey, in the order the files were read (sorted by file name). */
  versions(surveyId: string): readonly SurveyConfig[] {
    return this.#byId.get(surveyId) ?? [];
  }

  /**
   * The config a response claims to answer: same version, and the file whose tags it carries (the
   * first of that version when none match, so the check reports the tags).
   */
  find(surveyId: string, version: string | number, tags: Record<string, string>): SurveyConfig | undefined {
    const same = this.versions(surveyId).filter((config) => String(config.version) === String(version));
    return same.find((config) => sameTags(config.tags, tags)) ?? same[0];
  }

  /**
   * Whether responses to a survey need proof of work: yes when any of its files asks for it, so a
   * response cannot skip the work by claiming a version or tags whose file does not.
   */
  needsProofOfWork(surveyId: string): boolean {
    return this.versions(surveyId).some((config) => config.delivery.proofOfWork !== undefined);
  }

  /** Every survey with what its files declare, sorted by id. */
  describe(publicSurveys: ReadonlySet<string>): SurveyDescription[] {
    return [...this.#byId]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, configs]) => {
        const tags: Record<string, string[]> = {};
        for (const config of configs) {
          for (const [name, value] of Object.entries(config.tags)) tags[name] = [...new Set([...(tags[name] ?? []), value])];
        }
        return {
          id,
          title: configs.at(-1)!.title,
          versions: [...new Set(configs.map((config) => String(config.version)))],
          locales: [...new Set(configs.flatMap((config) => config.locales))],
          tags,
          units: unitsFor(...configs.map((config) => config.timeBucket)),
          public: publicSurveys.has(id),
          proofOfWork: this.needsProofOfWork(id),
        };
      });
  }
}

function sameTags(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && b[key] === a[key]);
}

/** Reads every `*.json` file in `dir`; any invalid file stops the start with every problem listed. */
export async function loadSurveys(dir: string): Promise<SurveyRegistry> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const configs: SurveyConfig[] = [];
  const problems: string[] = [];
  const seen = new Map<string, { file: string; questions: string }>();
  for (const name of names) {
    const path = join(dir, name);
    let config: SurveyConfig;
    try {
      config = parseSurveyConfigJson(await readFile(path, 'utf8'), path);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    configs.push(config);
    const key = `${config.id}@${String(config.version)}`;
    const questions = JSON.stringify(config.questions);
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, { file: name, questions });
    else if (earlier.questions !== questions) {
      problems.push(
        `${name} and ${earlier.file}: survey "${config.id}" version ${String(config.version)} must ask the same questions in both; give the changed survey a new version.`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`COLLECTOR_SURVEYS (${dir}):\n${problems.join('\n')}`);
  return new SurveyRegistry(configs);
}

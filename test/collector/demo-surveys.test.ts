// The demo's COLLECTOR_SURVEYS folder holds exactly the configs the demo pages send from, so the
// collector accepts what `npm start`'s pages submit (and would refuse anything else), plus the
// survey of the dashboard's generated demo data.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadSurveys } from '../../collector/src/surveys.js';

const demo = fileURLToPath(new URL('../../demo/', import.meta.url));

test('every inline survey config in demo/*.html has the same file in demo/surveys/, and nothing else is there', async () => {
  const inline = new Map<string, unknown>();
  /** Files the pages load directly with `src="./surveys/…"` (the collector reads the same file). */
  const loaded = new Set<string>();
  for (const page of (await readdir(demo)).filter((name) => name.endsWith('.html'))) {
    const html = await readFile(`${demo}${page}`, 'utf8');
    for (const [, json] of html.matchAll(/<encounter-survey[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/g)) {
      const config = JSON.parse(json!) as { id: string };
      inline.set(config.id, config);
    }
    for (const [, file] of html.matchAll(/<encounter-survey[^>]*\ssrc="\.\/surveys\/([\w.-]+\.json)"/g)) loaded.add(file!);
  }
  assert.ok(inline.size >= 2, 'the demo pages have inline configs');
  // demo-report-*.json: the survey of the dashboard's generated demo data (no page sends it).
  const files = (await readdir(`${demo}surveys`)).filter((name) => name.endsWith('.json') && !name.startsWith('demo-report-'));
  assert.deepEqual(files.sort(), [...new Set([...[...inline.keys()].map((id) => `${id}.json`), ...loaded])].sort());
  for (const [id, config] of inline) {
    assert.deepEqual(JSON.parse(await readFile(`${demo}surveys/${id}.json`, 'utf8')), config, `demo/surveys/${id}.json`);
  }
  const registry = await loadSurveys(`${demo}surveys`);
  for (const id of inline.keys()) assert.ok(registry.has(id));
});

test('an invalid config file stops loading with its path and problem', async () => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(`${tmpdir()}/surveys-`);
  try {
    await writeFile(`${dir}/broken.json`, JSON.stringify({ id: 'x', version: 1, title: 'X', questions: [{ id: 'q', type: 'rating', label: 'Q', min: 5, max: 1 }] }));
    await assert.rejects(loadSurveys(dir), (error: Error) => /broken\.json/.test(error.message) && /questions/.test(error.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

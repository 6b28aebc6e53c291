// Importing any entry of the package in Node — a server rendering a React, Vue, Svelte or Astro
// page — must not throw: there is no DOM, and nothing may need one at import time. Each entry is
// imported by its package name (as an app would, with Node's export conditions) in a fresh Node
// process, so no entry benefits from globals another one set up. Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { promisify } from 'node:util';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const run = promisify(execFile);

/** Every export a program can import (type-only entries have nothing to run). */
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'string' || Object.keys(target).some((condition) => condition !== 'types'))
  .map(([subpath]) => `${pkg.name}${subpath.slice(1)}`);

test('the package lists its entries', () => {
  for (const entry of ['encounter-survey', 'encounter-survey/define', 'encounter-survey/encounter-survey.js', 'encounter-survey/react']) {
    assert.ok(entries.includes(entry), entry);
  }
});

for (const entry of entries) {
  test(`import('${entry}') in Node`, async () => {
    const json = entry.endsWith('.json') ? ", { with: { type: 'json' } }" : '';
    const script = `const module = await import(${JSON.stringify(entry)}${json}); console.log(Object.keys(module).length);`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '--eval', script]);
    assert.equal(stderr, '', 'nothing is written to stderr');
    assert.match(stdout, /^\d+\n$/);
  });
}

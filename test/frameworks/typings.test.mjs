// The typings as an app's type checker sees them, with skipLibCheck: false: every entry of the
// package, the React components and React/Preact/Solid JSX under the oldest supported TypeScript
// (5.5), 6 and 7; Vue templates under vue-tsc with strictTemplates; Svelte markup under
// svelte-check. Each project holds a fixture of deliberate mistakes: the check passes only when
// exactly the lines marked "mistake:" fail, so typings that get looser (or wrong) fail the test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { appsDir, assertInstalled, runTool } from './support/apps.mjs';

before(assertInstalled);

const mistakeFiles = ['typings/mistakes.tsx', 'vue/src/Mistakes.vue', 'svelte/src/Mistakes.svelte'].map((file) => join(appsDir, file));

/** `file:line` of every line marked as a mistake in the given fixtures. */
function markedMistakes(files) {
  return files
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => (/(\/\/|\{\/\*|<!--) mistake:/.test(line) ? `${file}:${index + 1}` : null)),
    )
    .filter(Boolean)
    .sort();
}

/** `file:line` of every problem a checker reported (tsc and vue-tsc's format, or svelte-check's machine output). */
function reportedProblems(output, base) {
  const tsc = [...output.matchAll(/^(.+?)\((\d+),\d+\): error TS\d+/gm)].map(([, file, line]) => `${resolve(base, file)}:${line}`);
  const svelte = [...output.matchAll(/^\d+ (?:ERROR|WARNING) "(.+?)" (\d+):\d+ /gm)].map(([, file, line]) => `${resolve(base, file)}:${line}`);
  return [...new Set([...tsc, ...svelte])].sort();
}

const tsc = (version, tool) => ({
  name: `TypeScript ${version}: the package's entries, React (native JSX, encounter-survey/react, the SSR app), Preact, Solid, Vue and Svelte declarations`,
  tool,
  // Incremental: a second run rechecks only what changed (a new tarball, a fixture).
  args: ['-p', 'typings/tsconfig.json', '--incremental', '--tsBuildInfoFile', `typings/.typescript-${version}.tsbuildinfo`],
  base: appsDir,
  mistakes: [mistakeFiles[0]],
});

const checks = [
  tsc('5.5', 'typescript-5.5/bin/tsc'),
  tsc('6.0', 'typescript/bin/tsc'),
  tsc('7.0', 'typescript-7/bin/tsc'),
  {
    name: 'vue-tsc with strictTemplates: the Vue app and its mistakes',
    tool: 'vue-tsc/bin/vue-tsc.js',
    args: ['--noEmit', '-p', 'vue/tsconfig.json'],
    base: appsDir,
    mistakes: [mistakeFiles[1]],
  },
  {
    name: 'svelte-check: the Svelte app and its mistakes',
    tool: 'svelte-check/bin/svelte-check',
    args: ['--workspace', 'svelte', '--tsconfig', './tsconfig.json', '--output', 'machine', '--fail-on-warnings'],
    base: join(appsDir, 'svelte'),
    mistakes: [mistakeFiles[2]],
  },
];

for (const check of checks) {
  test(check.name, async () => {
    const { code, output } = await runTool(check.tool, check.args);
    const expected = markedMistakes(check.mistakes);
    assert.ok(expected.length >= 5, 'the fixture holds its mistakes');
    assert.notEqual(code, 0, 'the mistakes fail the check');
    assert.deepEqual(reportedProblems(output, check.base), expected, `exactly the marked lines fail; the checker said:\n${output}`);
  });
}

// An app bundling the npm modules with esbuild (as many build tools do) gets no warnings, and keeps
// exactly the side effects package.json declares: the define entries still register their elements,
// and nothing else is imported only for a side effect it does not have. Needs `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const root = new URL('../..', import.meta.url).pathname;
/** Every export with code for a bundler (its `import` or `default` target). */
const entries = Object.entries(pkg.exports)
  .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : (target.import ?? target.default)])
  .filter(([, file]) => file?.endsWith('.js'));

const bundle = (file) =>
  build({ entryPoints: [file], absWorkingDir: root, bundle: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent' });

for (const [subpath, file] of entries) {
  test(`esbuild bundles ${pkg.name}${subpath.slice(1)} (${file}) without warnings`, async () => {
    const { warnings } = await bundle(file);
    assert.deepEqual(warnings.map((warning) => `${warning.text} (${warning.location?.file}:${warning.location?.line})`), []);
  });
}

test('a bundled define entry still registers its element', async () => {
  const { outputFiles } = await bundle('./dist/components/encounter-survey/encounter-survey.define.js');
  assert.match(outputFiles[0].text, /customElements\.define|\.define\(\s*["']encounter-survey["']/);
});

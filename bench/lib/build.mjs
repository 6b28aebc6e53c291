// Builds what the pages load. Ours: the project's own one-file build (vite.config.ts, mode
// "bundle": dist/cdn/encounter-survey.js and the chunks it loads on demand), rebuilt when it is missing
// or older than src/. The comparison entries: the same vite settings as that build (library mode,
// ES module, es2022, minified, one file), each into bench/.build/<name>/.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build } from 'vite';

export const OURS = 'dist/cdn/encounter-survey.js';
export const OURS_CHUNKS = 'dist/cdn/encounter-survey.chunks.json';

/**
 * The default preset as JSON text, for our page's inline config: the same survey SurveyJS and the
 * floor render, given the way the issue measures ("a page with the script and an inline JSON config").
 */
export async function presetJson(name = 'peer-support-encounter') {
  const out = join('bench', '.build', 'preset.mjs');
  await esbuild({ entryPoints: [join('src', 'presets', 'index.ts')], bundle: true, format: 'esm', outfile: out, logLevel: 'warning' });
  const { getPreset } = await import(`${join(process.cwd(), out)}?${Date.now()}`);
  const json = JSON.stringify(getPreset(name));
  writeFileSync(join('bench', '.build', 'preset.json'), json);
  // Safe inside <script type="application/json">: no "</" can end the element early.
  return json.replaceAll('</', '<\\/');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Returns { rebuilt } or throws with vite's message when the source does not build. */
export async function ensureOurBundle() {
  const stale = !existsSync(OURS) || statSync(OURS).mtimeMs < newestMtime('src') || statSync(OURS).mtimeMs < statSync('vite.config.ts').mtimeMs;
  if (!stale) return { rebuilt: false };
  // Only the one-file build: it writes dist/cdn/encounter-survey.js(.map) and its chunks, and leaves the rest of dist/ alone.
  await build({ mode: 'bundle', logLevel: 'warn' });
  return { rebuilt: true };
}

export const ENTRIES = ['surveyjs', 'floor', 'empty', 'outbox'];

export async function buildEntry(name) {
  await build({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    build: {
      outDir: join('bench', '.build', name),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: join('bench', 'entries', `${name}.ts`), formats: ['es'], fileName: () => `${name}.js`, cssFileName: name },
    },
  });
  const js = join('bench', '.build', name, `${name}.js`);
  const css = join('bench', '.build', name, `${name}.css`);
  return { js, css: existsSync(css) ? css : null };
}

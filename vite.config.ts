import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

// The builds, from one config:
//   vite build                → dist/ npm modules (ESM, one file per source module; lit, zod, idb-keyval external)
//   vite build --mode bundle  → dist/cdn/encounter-survey.js for a <script type="module">, and the chunks it loads on demand
//   vite build --mode sw      → dist/cdn/encounter-survey-sw.js, the offline worker for kiosk pages (one classic script)
// dist/cdn/ holds only those (the static bundle: "upload this folder"); the npm modules are the rest of dist/.
// `npm start` serves demo/ (see scripts/start.mjs).
const npmEntries = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  define: 'src/define.ts',
  'components/encounter-survey/encounter-survey.define': 'src/components/encounter-survey/encounter-survey.define.ts',
  'components/support-type-selector/support-type-selector.define':
    'src/components/support-type-selector/support-type-selector.define.ts',
  'components/survey-summary/survey-summary.define': 'src/components/survey-summary/survey-summary.define.ts',
  'components/survey-launcher/survey-launcher.define': 'src/components/survey-launcher/survey-launcher.define.ts',
  'components/survey-editor/survey-editor.define': 'src/components/survey-editor/survey-editor.define.ts',
};

/** The static bundle: the one-file build, its chunks, their manifest and the offline worker, nothing else. */
const CDN_DIR = 'dist/cdn';

const isExternal = (id: string) => /^(lit|@lit|lit-html|lit-element|zod|idb-keyval)(\/|$)/.test(id);

/**
 * Writes dist/cdn/encounter-survey.chunks.json: every file of the one-file build with what it imports at
 * once and what it loads on demand, so the size check and the benchmark can add up the bytes a page
 * loads before the first question (the entry and its static imports) without guessing.
 */
const chunkManifest: Plugin = {
  name: 'encounter-survey-chunk-manifest',
  // The one-file build shares dist/cdn/ with the worker: clear only its own files from a previous build.
  buildStart() {
    if (!existsSync(CDN_DIR)) return;
    for (const file of readdirSync(CDN_DIR)) if (file.startsWith('encounter-survey.')) rmSync(join(CDN_DIR, file));
  },
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle)
      .filter((file) => file.type === 'chunk')
      .map((chunk) => ({ file: chunk.fileName, entry: chunk.isEntry, imports: chunk.imports, dynamicImports: chunk.dynamicImports, modules: Object.fromEntries(Object.entries(chunk.modules).map(([id, module]) => [id.replace(`${process.cwd()}/`, ''), module.renderedLength])) }));
    this.emitFile({ type: 'asset', fileName: 'encounter-survey.chunks.json', source: `${JSON.stringify(chunks, null, 2)}\n` });
  },
};

/**
 * Minifies the CSS inside our \`css\` templates (Lightning CSS, via minify-literals): the JS minifier
 * leaves template strings as they are, and stylesheets are a good part of the first-question bytes.
 * HTML templates are left alone, so no significant whitespace between words can go.
 */
const minifyCss: Plugin = {
  name: 'encounter-survey-minify-css-literals',
  async transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
    const result = await minifyHTMLLiterals(code, { fileName: id, html: false });
    return result ? { code: result.code, map: result.map } : null;
  },
};

/** What the files for <script> tags (the one-file build, the worker) share: minified, in their own folder. */
const scriptBuild = { outDir: CDN_DIR, emptyOutDir: false, target: 'es2022', minify: true, sourcemap: true } as const;

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    return {
      plugins: [minifyCss, chunkManifest],
      build: {
        ...scriptBuild,
        lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'encounter-survey.js' },
        rolldownOptions: {
          // The entry exports nothing a page relies on, so what it shares with the lazy chunks may live in it:
          // everything needed for the first question arrives in one file, not a waterfall of small ones.
          preserveEntrySignatures: 'allow-extension',
          output: {
            // Library mode keeps ES output readable by default; these files are for <script> tags, so minify fully.
            minify: true,
            codeSplitting: { groups: [{ name: 'encounter-survey', tags: ['$initial'] }] },
            // Chunks sit next to encounter-survey.js and are imported relative to it, from any CDN path.
            chunkFileNames: (chunk) => {
              const strings = /i18n\/(\w+)\/(\w+)\.ts$/.exec(chunk.facadeModuleId ?? '');
              return `encounter-survey.${strings ? `${strings[1]}-${strings[2]}` : '[name]'}-[hash].js`;
            },
          },
        },
      },
    };
  }
  if (mode === 'sw') {
    return {
      build: {
        ...scriptBuild,
        // One self-contained classic script: every engine registers it, with or without { type: 'module' }.
        lib: { entry: 'src/sw/encounter-survey-sw.ts', formats: ['iife'], name: 'encounterSurveyWorker', fileName: () => 'encounter-survey-sw.js' },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  if (mode === 'production') {
    return {
      plugins: [minifyCss],
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: { entry: npmEntries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
        rolldownOptions: {
          external: isExternal,
          // One module in, one module out: a constant inlined from another module would leave a bare
          // `import "./module.js"` behind, which bundlers then warn they ignore (the module has no side
          // effects by package.json). The app's bundler inlines constants itself.
          optimization: { inlineConst: false },
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
    };
  }
  // Development: the demo pages. They load /encounter-survey.js, which here is the live source of
  // the one-file build's entry (src/cdn.ts), so edits show up without a rebuild; the kiosk page
  // registers /encounter-survey-sw.js, the offline worker's source (one file with no imports).
  const liveSources: Record<string, string> = { '/encounter-survey.js': 'src/cdn.ts', '/encounter-survey-sw.js': 'src/sw/encounter-survey-sw.ts' };
  const oneFileEntry: Plugin = {
    name: 'encounter-survey-one-file-entry',
    resolveId: (id) => (liveSources[id] ? resolve(liveSources[id]) : null),
  };
  return {
    root: 'demo',
    plugins: [oneFileEntry],
    server: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173), strictPort: true, fs: { allow: ['..'] } },
    preview: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173) },
  };
});

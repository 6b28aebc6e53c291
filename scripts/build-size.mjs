// Adds up the one-file build from its chunk manifest (written by vite.config.ts): the files loaded
// before the first question, with kiosk mode, and in all. Shared by the size check and the benchmark.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function measureBuild(manifestPath) {
  const dir = dirname(manifestPath);
  const chunks = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const entry = chunks.find((chunk) => chunk.entry);
  /** A file and everything it imports at once. */
  const closure = (files) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imported of byFile.get(file).imports) visit(imported);
    };
    files.forEach(visit);
    return [...seen];
  };
  const measure = (files) => {
    const sizes = files.map((file) => {
      const source = readFileSync(join(dir, file));
      return {
        min: source.length,
        gzip: gzipSync(source, { level: 9 }).length,
        brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
    const sum = (key) => sizes.reduce((total, size) => total + size[key], 0);
    return { files, minBytes: sum('min'), gzipBytes: sum('gzip'), brotliBytes: sum('brotli') };
  };
  const critical = closure([entry.file]);
  const kioskChunk = chunks.find((chunk) => Object.keys(chunk.modules).some((id) => id.endsWith('src/controllers/kiosk-controller.ts')));
  // <survey-editor> is for the people who write surveys and has a budget of its own: what its page
  // loads beyond the entry (its chunk, what that imports at once, and one other language: the
  // largest). The files only it uses are left out of the total, which stays the respondent's and the
  // staff dashboard's.
  const has = (chunk, path) => Object.keys(chunk.modules).some((id) => id.includes(path));
  const editorChunk = chunks.find((chunk) => has(chunk, 'src/components/survey-editor/'));
  const languages = chunks.filter((chunk) => has(chunk, 'src/i18n/editor/') && chunk !== editorChunk).map((chunk) => chunk.file);
  const editorOnly = [...(editorChunk ? [editorChunk.file] : []), ...languages];
  const largest = languages.sort((a, b) => readFileSync(join(dir, b)).length - readFileSync(join(dir, a)).length)[0];
  const editor = editorChunk ? [...closure([editorChunk.file]), ...(largest ? [largest] : [])].filter((file) => !critical.includes(file)) : [];
  return {
    critical: measure(critical),
    kiosk: measure(closure([entry.file, kioskChunk.file])),
    editor: measure(editor),
    total: measure(chunks.map((chunk) => chunk.file).filter((file) => !editorOnly.includes(file))),
  };
}

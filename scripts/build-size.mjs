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
  return {
    critical: measure(critical),
    kiosk: measure(closure([entry.file, kioskChunk.file])),
    total: measure(chunks.map((chunk) => chunk.file)),
  };
}

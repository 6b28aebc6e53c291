// Transfer size as a CDN would serve it: the same settings as scripts/size-check.mjs (gzip -9, brotli 11).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function measureFile(path) {
  const source = readFileSync(path);
  return {
    file: path,
    minBytes: source.length,
    gzipBytes: gzipSync(source, { level: 9 }).length,
    brotliBytes: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

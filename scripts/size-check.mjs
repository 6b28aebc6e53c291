// Size budget for the one-file build (deterministic, so CI enforces it). The budget lives in
// package.json → "sizeBudget"; SIZE_BUDGET_GZIP=<bytes> overrides it for a one-off check.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const { file, gzipBytes } = pkg.sizeBudget;
const budget = Number(process.env.SIZE_BUDGET_GZIP ?? gzipBytes);
const source = readFileSync(file);
const gzip = gzipSync(source, { level: 9 }).length;
const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

console.log(`${file}: ${kib(source.length)} min, ${kib(gzip)} min+gzip (${gzip} B), ${kib(brotli)} min+brotli (${brotli} B)`);
if (gzip > budget) {
  console.error(`Size budget exceeded: ${gzip} B min+gzip > ${budget} B (${kib(budget)}), over by ${gzip - budget} B.`);
  process.exit(1);
}
console.log(`Within budget: ${kib(budget)} min+gzip (${budget - gzip} B to spare).`);

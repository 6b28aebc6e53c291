// Size budgets for the one-file build (deterministic, so CI enforces them). The budgets live in
// package.json → "sizeBudget":
//   criticalGzipBytes  what a page loads before the first question: dist/cdn/encounter-survey.js and
//                      every file it imports at once (each gzipped on its own, as a server sends it);
//   totalGzipBytes     every file of the build, lazy chunks included, so nothing grows unnoticed
//                      (except the files only <survey-editor> loads, which have their own budget);
//   editorGzipBytes    what a page with <survey-editor> loads beyond the entry: the editor's chunk, what
//                      it imports at once (validation, presets, the preview's outbox) and its languages.
// SIZE_BUDGET_GZIP=<bytes> overrides the critical-path budget for a one-off check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBuild } from './build-size.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budget = pkg.sizeBudget;
const critical = Number(process.env.SIZE_BUDGET_GZIP ?? budget.criticalGzipBytes);
const sizes = measureBuild(join('dist', 'cdn', 'encounter-survey.chunks.json'));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

console.log(`Before the first question: ${sizes.critical.files.join(', ')}`);
console.log(`  ${kib(sizes.critical.minBytes)} min, ${kib(sizes.critical.gzipBytes)} min+gzip (${sizes.critical.gzipBytes} B), ${kib(sizes.critical.brotliBytes)} min+brotli`);
console.log(`Kiosk mode adds: ${kib(sizes.kiosk.gzipBytes - sizes.critical.gzipBytes)} min+gzip (${sizes.kiosk.files.length - sizes.critical.files.length} files)`);
console.log(`The survey editor adds: ${kib(sizes.editor.gzipBytes)} min+gzip (${sizes.editor.files.length} files, ${sizes.editor.gzipBytes} B)`);
console.log(`All ${sizes.total.files.length} files but the editor's: ${kib(sizes.total.gzipBytes)} min+gzip (${sizes.total.gzipBytes} B)`);

let failed = false;
for (const [name, measured, limit] of [
  ['before the first question', sizes.critical.gzipBytes, critical],
  ['all files', sizes.total.gzipBytes, budget.totalGzipBytes],
  ['the survey editor', sizes.editor.gzipBytes, budget.editorGzipBytes],
]) {
  if (measured > limit) {
    console.error(`Size budget exceeded (${name}): ${measured} B min+gzip > ${limit} B (${kib(limit)}), over by ${measured - limit} B.`);
    failed = true;
  } else console.log(`Within budget (${name}): ${kib(limit)} min+gzip (${limit - measured} B to spare).`);
}
if (failed) process.exit(1);

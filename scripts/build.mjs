// `npm run build`: npm modules + .d.ts, the one-file bundle and the offline worker (dist/cdn/, and its zip), JSON Schemas, custom-elements.json and the
// framework typings and React components generated from it, into dist/; then the collector into collector/dist/.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

try {
  await run(bin('vite'), ['build', '--logLevel', 'warn']);
  await run(bin('vite'), ['build', '--mode', 'bundle', '--logLevel', 'warn']);
  await run(bin('vite'), ['build', '--mode', 'sw', '--logLevel', 'warn']);
  await run('node', ['scripts/cdn-bundle.mjs']);
  await run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  await run('node', ['--import', 'tsx', 'scripts/json-schemas.ts']);
  await run(bin('cem'), ['analyze', '--quiet']);
  await run('node', ['scripts/generate-frameworks.mjs']);
  // The collector compiles against this build's encounter-survey/core types; a fresh dist/ each time, so
  // no file of a removed source module is published.
  rmSync(join('collector', 'dist'), { recursive: true, force: true });
  await run(bin('tsc'), ['-p', join('collector', 'tsconfig.build.json')]);
  console.log('built dist/ and collector/dist/');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

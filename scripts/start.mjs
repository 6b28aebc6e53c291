// `npm start`: the reference collector on 127.0.0.1:8787 (embedded PGlite in .collector-data/,
// the demo surveys from demo/surveys/, generated demo data for the dashboard's survey "demo-report",
// the staff dashboard at /dashboard) and the demo on http://127.0.0.1:5173. Ctrl+C stops both.
// Ports: COLLECTOR_PORT, DEMO_PORT. Set DATABASE_URL to use PostgreSQL instead.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const children = [];
const start = (name, command, args, env = {}) => {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    console.log(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stopAll(code ?? 1);
  });
  children.push(child);
};

let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // Give the collector time to close its database cleanly.
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

// Demo only: a staff token made up for this run and printed, so the exports can be tried.
// A real deployment sets COLLECTOR_STAFF_TOKEN itself; the collector never invents one.
const staffToken = process.env.COLLECTOR_STAFF_TOKEN || randomBytes(24).toString('base64url');
if (!process.env.COLLECTOR_STAFF_TOKEN) {
  const port = process.env.COLLECTOR_PORT || '8787';
  console.log(`demo: staff token for this run: ${staffToken}`);
  console.log(`demo: try  curl -H "Authorization: Bearer ${staffToken}" "http://127.0.0.1:${port}/export.csv?survey=website-demo"`);
}
// The collector's /dashboard serves the one-file build from dist/cdn/: build it when missing or older than src/.
const newest = (dir) =>
  Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs)));
const bundle = join('dist', 'cdn', 'encounter-survey.js');
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest('src')) {
  console.log('demo: building dist/cdn/encounter-survey.js for the staff dashboard…');
  const built = spawnSync(join('node_modules', '.bin', 'vite'), ['build', '--mode', 'bundle', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const collectorPort = process.env.COLLECTOR_PORT || '8787';
console.log(`demo: staff dashboard at http://127.0.0.1:${collectorPort}/dashboard (survey "demo-report" holds generated DEMO DATA, not real people)`);
const demoPort = process.env.DEMO_PORT ?? '5173';
start('collector', process.execPath, ['--conditions=source', '--import', 'tsx', 'collector/src/main.ts'], {
  COLLECTOR_ORIGINS: process.env.COLLECTOR_ORIGINS ?? `http://127.0.0.1:${demoPort},http://localhost:${demoPort}`,
  COLLECTOR_STAFF_TOKEN: staffToken,
  COLLECTOR_SURVEYS: process.env.COLLECTOR_SURVEYS ?? 'demo/surveys',
  // The demo pages' public summaries (demo/dashboard.html); everything else needs the staff dashboard.
  COLLECTOR_PUBLIC_SURVEYS: process.env.COLLECTOR_PUBLIC_SURVEYS ?? 'website-demo,drop-in-kiosk,modes-demo,demo-report',
  // The demo's "Collector offline" button.
  COLLECTOR_DEMO: '1',
});
start('demo', join('node_modules', '.bin', 'vite'), ['--port', demoPort, '--strictPort']);

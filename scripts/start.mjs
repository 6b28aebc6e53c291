// `npm start`: the reference collector on 127.0.0.1:8787 and the demo on http://127.0.0.1:5173.
// Ctrl+C stops both. Ports: COLLECTOR_PORT, DEMO_PORT.
import { spawn } from 'node:child_process';
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
  setTimeout(() => process.exit(code), 300);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const demoPort = process.env.DEMO_PORT ?? '5173';
start('collector', process.execPath, ['--import', 'tsx', 'collector/main.ts'], {
  COLLECTOR_ORIGINS: process.env.COLLECTOR_ORIGINS ?? `http://127.0.0.1:${demoPort},http://localhost:${demoPort}`,
  // The demo's "Collector offline" button, and the question kinds of the demo surveys for /summary.
  COLLECTOR_DEMO: '1',
  COLLECTOR_SURVEYS: process.env.COLLECTOR_SURVEYS ?? 'demo/collector-surveys.json',
});
start('demo', join('node_modules', '.bin', 'vite'), ['--port', demoPort, '--strictPort']);

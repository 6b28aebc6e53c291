// The deployment files in deploy/ say what the README's "Deploying the collector" promises. No
// Docker engine, registry or booted systemd is available where this runs, so these read the files
// as their tools would (compose.yaml with a YAML parser, the unit with `systemd-analyze verify`);
// the image's start and health-check commands themselves run in the release check
// (test/node/release.test.mjs), against the collector installed from its tarball.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compose, deployFile, dockerfileStages, instruction, stageEnv, systemdService } from './support/deploy-files.mjs';

const collectorPackage = JSON.parse(readFileSync(new URL('../../collector/package.json', import.meta.url), 'utf8'));
const bin = collectorPackage.bin['encounter-survey-collector'].replace(/^\.\//, '');
const installedBin = `node_modules/encounter-survey-collector/${bin}`;

test('the Dockerfile builds in one stage and runs the installed tarballs in another, as a non-root user under tini', () => {
  const stages = dockerfileStages();
  assert.ok(stages.length >= 2, 'multi-stage');
  const runtime = stages.at(-1);
  assert.match(runtime.from, /^node:20\b/, 'the runtime is the Node version engines states');
  const user = instruction(runtime, 'USER');
  assert.ok(user && user !== 'root' && user !== '0', `USER ${user}`);
  assert.deepEqual(instruction(runtime, 'ENTRYPOINT'), ['/usr/bin/tini', '--'], 'tini is PID 1');
  assert.deepEqual(instruction(runtime, 'CMD'), ['node', installedBin], "the collector package's bin");
  assert.ok(!runtime.instructions.some(({ instruction: name, args }) => name === 'COPY' && !args.startsWith('--from=')), 'the runtime copies nothing from the repository');
  const env = stageEnv(runtime);
  assert.equal(env.COLLECTOR_HOST, '0.0.0.0', 'reachable from outside the container');
  assert.equal(env.COLLECTOR_DATA_DIR, '/data');
  assert.deepEqual(instruction(runtime, 'VOLUME'), ['/data']);
  const health = instruction(runtime, 'HEALTHCHECK');
  assert.match(health.options, /--interval=\d+s/);
  assert.deepEqual(health.command.slice(0, 2), ['node', '-e']);
  assert.match(health.command[2], /\/health/);
});

test('compose runs two collectors on one PostgreSQL behind the proxy, with a volume and daily pg_dump backups', () => {
  const { services, volumes } = compose();
  const collectors = Object.entries(services).filter(([, service]) => service.build?.dockerfile === 'deploy/Dockerfile');
  assert.equal(collectors.length, 2, 'two collectors from the Dockerfile');
  const urls = new Set(collectors.map(([, service]) => service.environment.DATABASE_URL));
  assert.equal(urls.size, 1, 'the same database');
  assert.match([...urls][0], /^postgres:\/\/[^@]+@db:5432\//, 'the db service');
  for (const [name, service] of collectors) {
    assert.equal(service.ports, undefined, `${name} is reached only through the proxy`);
    assert.equal(service.environment.COLLECTOR_RATE_LIMIT, '0', `${name}: the proxy limits the rate`);
    assert.match(service.environment.COLLECTOR_STAFF_TOKEN, /^\$\{COLLECTOR_STAFF_TOKEN:\?/, `${name}: no default token`);
  }
  const nginx = deployFile('nginx.conf');
  for (const [name] of collectors) assert.match(nginx, new RegExp(`server ${name}:8787`), `the proxy balances ${name}`);
  assert.ok(services.proxy.volumes.some((volume) => volume.startsWith('./nginx.conf:')));
  assert.match(services.db.image, /^postgres:/);
  const dataVolume = services.db.volumes.find((volume) => volume.endsWith(':/var/lib/postgresql/data')).split(':')[0];
  assert.ok(dataVolume in volumes, 'the database lives in a named volume');
  const backup = services.backup.command.join('\n');
  assert.match(backup, /pg_dump --format=custom/);
  assert.match(backup, /sleep 86400/, 'daily');
  assert.ok(services.backup.volumes.some((volume) => volume.split(':')[0] in volumes), 'backups in a named volume');
});

test('every setting compose requires is in deploy/.env.example', () => {
  const required = new Set([...deployFile('compose.yaml').matchAll(/\$\{(\w+):\?/g)].map((match) => match[1]));
  const example = new Set([...deployFile('.env.example').matchAll(/^(\w+)=/gm)].map((match) => match[1]));
  for (const name of required) assert.ok(example.has(name), name);
});

test('the systemd unit runs the same file as the image, restarts on failure, and verifies', () => {
  const service = systemdService();
  assert.equal(service.ExecStart, `/usr/bin/node /opt/encounter-survey/${installedBin}`);
  assert.equal(service.Restart, 'on-failure');
  assert.equal(service.KillSignal, 'SIGTERM');
  assert.ok(service.User && service.User !== 'root');
  assert.ok(service.Environment.includes('COLLECTOR_DATA_DIR=/var/lib/encounter-survey'));
  assert.equal(service.StateDirectory, 'encounter-survey');
  const analyze = spawnSync('systemd-analyze', ['--version']);
  if (analyze.error) return void console.log('systemd-analyze is not installed: the unit was only read, not verified');
  // verify checks the syntax and that ExecStart's program exists; the user need not exist here.
  execFileSync('systemd-analyze', ['verify', new URL('../../deploy/encounter-survey-collector.service', import.meta.url).pathname], { stdio: 'pipe' });
});

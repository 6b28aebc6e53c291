// A throwaway PostgreSQL server for the collector's tests and benchmark: Debian's `postgresql`
// package (installed with apt-get when missing, as root, like the browsers), `initdb` into a
// temporary folder, a free port on 127.0.0.1, stopped by `pg_ctl stop` (and by pid as a last
// resort) afterwards. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './browsers.mjs';

function binaries() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

/** Installs Debian's postgresql when missing (root only; otherwise says what to run). Returns its bin folder. */
export function ensurePostgres() {
  let bin = binaries();
  if (bin) return bin;
  const command = 'apt-get update && apt-get install -y postgresql';
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL is missing. Run as root:\n  sudo sh -c '${command}'`);
  console.log(`Installing PostgreSQL from Debian's packages: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  bin = binaries();
  if (!bin) throw new Error('apt-get installed postgresql, but no initdb was found under /usr/lib/postgresql');
  return bin;
}

/**
 * Starts a server; resolves with `{ url, stop }`. `stop()` is synchronous so it can run from
 * `exit` handlers too; it is safe to call twice. Extra settings go in `settings` (`-c name=value`).
 */
export async function startPostgres({ settings = {} } = {}) {
  const bin = ensurePostgres();
  const asRoot = process.getuid?.() === 0;
  const run = (tool, args, options = {}) => {
    const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const result = spawnSync(command, fullArgs, { encoding: 'utf8', ...options });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const dir = mkdtempSync(join(tmpdir(), 'encounter-survey-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200'];
  for (const [name, value] of Object.entries(settings)) options.push(`-c ${name}=${value}`);
  run('pg_ctl', ['-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', options.join(' '), 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // pg_ctl could not stop it: end the postmaster by its pid.
      try {
        const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid > 0) process.kill(pid, 'SIGQUIT');
      } catch {
        /* already gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, log: join(dir, 'server.log') };
}

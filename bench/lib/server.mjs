// A tiny static server on 127.0.0.1 for the bench pages. No caching headers matter much (every load
// uses a fresh browser context, so the HTTP cache is always cold), but `no-store` makes that explicit.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/**
 * `mounts` maps a URL prefix to a directory (or, for an exact path, a file). HTML files get their
 * `%NAME%` placeholders replaced from `vars`, read at request time so they can be set after start.
 */
export async function startStaticServer({ mounts, vars = {} }) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = resolveFile(mounts, path === '/' ? '/index.html' : path);
      if (!file) return send(res, 404, 'text/plain', 'not found');
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.html') {
        body = body.toString('utf8').replace(/%([A-Z_]+)%/g, (match, name) => vars[name] ?? match);
      }
      send(res, 200, type, body);
    } catch (error) {
      send(res, error.code === 'ENOENT' ? 404 : 500, 'text/plain', error.code ?? 'error');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    vars,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function resolveFile(mounts, path) {
  for (const [prefix, target] of Object.entries(mounts)) {
    if (path === prefix) return target;
    if (prefix.endsWith('/') && path.startsWith(prefix)) {
      const rest = normalize(path.slice(prefix.length));
      if (rest.startsWith('..') || rest.includes(`..${sep}`)) return null;
      return join(target, rest);
    }
  }
  return null;
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

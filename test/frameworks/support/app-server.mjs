// A real HTTP server for a built app: its files, an optional server-rendered page, and a receiver
// for the survey's responses (stored once per Idempotency-Key, like any receiver must).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * @param {{ root: string, render?: () => string | Promise<string> }} options
 *   root: the built app's folder; render: fills `<!--app-->` in index.html (server rendering).
 */
export async function startAppServer({ root, render }) {
  /** @type {Map<string, unknown>} */
  const responses = new Map();
  let posts = 0;
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method === 'POST' && url.pathname === '/responses') {
        posts += 1;
        const body = await readBody(request);
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || JSON.parse(body).id !== key) return void response.writeHead(400).end();
        const duplicate = responses.has(key);
        responses.set(key, JSON.parse(body));
        return void response.writeHead(duplicate ? 409 : 201).end();
      }
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) return void response.writeHead(403).end();
      let content = await readFile(file);
      if (render && path === '/index.html') content = Buffer.from(content.toString('utf8').replace('<!--app-->', await render()));
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(content);
    } catch (error) {
      response.writeHead(error?.code === 'ENOENT' ? 404 : 500).end(String(error?.message ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    /** Responses stored, by id. */
    responses,
    /** Every POST received, duplicates included. */
    get posts() {
      return posts;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

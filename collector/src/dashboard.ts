import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Context } from 'hono';

/**
 * `/dashboard`: one small page that loads the widget's one-file build (`encounter-survey.js`, from
 * the `encounter-survey` package this collector depends on) and shows `<survey-dashboard>`, which
 * that build loads on demand. Same origin as the staff API, so the session cookie can be
 * SameSite=Strict and no CORS is involved. Only files the build's chunk manifest lists are served.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <link rel="icon" href="/dashboard/favicon.svg" type="image/svg+xml">
    <title>Survey dashboard</title>
    <script type="module" src="/dashboard/encounter-survey.js"></script>
  </head>
  <body>
    <survey-dashboard></survey-dashboard>
  </body>
</html>
`;

function buildDir(): string {
  const manifest = createRequire(import.meta.url).resolve('encounter-survey/package.json');
  return join(dirname(manifest), 'dist', 'cdn');
}

async function builtFiles(dir: string): Promise<Set<string> | null> {
  try {
    const chunks = JSON.parse(await readFile(join(dir, 'encounter-survey.chunks.json'), 'utf8')) as Array<{ file: string }>;
    return new Set(chunks.map((chunk) => chunk.file));
  } catch {
    return null;
  }
}

const missingBuild = (c: Context) =>
  c.json({ error: 'dashboard-not-built', message: 'The dashboard needs the widget\'s one-file build: run "npm run build" in the encounter-survey package.' }, 503);

export async function dashboardPage(c: Context): Promise<Response> {
  if (!(await builtFiles(buildDir()))) return missingBuild(c);
  c.header('content-security-policy', DASHBOARD_CSP);
  return c.html(PAGE);
}

// Served from here rather than the build, so a browser's automatic favicon request is not a 404.
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f5f8b"/><path d="M8 10h16v9H14l-4 4v-4H8z" fill="#fff"/></svg>';

export async function dashboardFile(c: Context): Promise<Response> {
  if (c.req.param('file') === 'favicon.svg') {
    c.header('content-type', 'image/svg+xml');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(FAVICON);
  }
  const dir = buildDir();
  const files = await builtFiles(dir);
  if (!files) return missingBuild(c);
  const name = c.req.param('file') ?? '';
  if (!files.has(name)) return c.json({ error: 'not-found', message: `No dashboard file ${name}.` }, 404);
  c.header('content-type', 'text/javascript; charset=utf-8');
  // The chunks carry a content hash; the entry does not, so it is checked every time.
  c.header('cache-control', name === 'encounter-survey.js' ? 'no-cache' : 'public, max-age=31536000, immutable');
  return c.body(await readFile(join(dir, name)));
}

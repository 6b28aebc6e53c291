/// <reference lib="webworker" />
// dist/cdn/encounter-survey-sw.js: lets a kiosk page start with no network. The page registers it with
// one line; then every GET the page makes (the page itself, the library and its chunks, a `src`
// config) goes to the network first and is kept, and when the network is gone the kept copy is
// served. POSTs are never touched: responses are the outbox's job, and it sends each exactly once,
// so a worker that cached or replayed them could only duplicate or lose one.
//
// Network first, not cache first: online, a page always gets the current library and config (a
// kept copy is used only when the network fails, answers 5xx, or takes over NETWORK_TIMEOUT_MS),
// so a stale library is never served while the server can be reached, and a new version is kept
// on the next online load. Hand-written rather than Workbox: see the README ("Offline kiosks").
// A script, not a module (no import or export): `self` is the worker's global scope.
const worker = self as unknown as ServiceWorkerGlobalScope;

/** One cache; a worker of another version deletes the others when it takes over. */
const CACHE = 'encounter-survey-offline-v1';
const NETWORK_TIMEOUT_MS = 4000;

worker.addEventListener('install', (event) => {
  // The page that registered the worker loaded before the worker could see it: keep it now.
  event.waitUntil(keepOpenPages().finally(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('encounter-survey-offline-') && name !== CACHE) await caches.delete(name);
      await worker.registration.navigationPreload?.enable();
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !/^https?:/.test(request.url) || request.headers.has('range')) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const network = fromNetwork(event);
  // Keeping a copy (and the library's chunks) goes on after the page has its answer.
  const keeping = network.then((response) => (keepable(response) ? keepAnswer(request.url, response.clone()) : undefined));
  event.waitUntil(keeping.catch(noop));
  event.respondWith(respond(request, network));
});

async function fromNetwork(event: FetchEvent): Promise<Response> {
  return ((await event.preloadResponse) as Response | undefined) ?? fetch(event.request);
}

async function respond(request: Request, network: Promise<Response>): Promise<Response> {
  const kept = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
  if (!kept) return network;
  try {
    const response = await withTimeout(network, NETWORK_TIMEOUT_MS);
    return response.status >= 500 ? kept : response;
  } catch {
    return kept;
  }
}

/**
 * Only complete, readable answers the server allows storing: a page sent with
 * `Cache-Control: no-store` (one that may hold personal data) is never written to the device.
 */
function keepable(response: Response): boolean {
  return (
    response.status === 200 &&
    (response.type === 'basic' || response.type === 'cors') &&
    !/\bno-store\b/i.test(response.headers.get('cache-control') ?? '')
  );
}

async function keepAnswer(url: string, response: Response) {
  await keep(url, response);
  if (isLibraryEntry(url)) await keepLibrary(url);
}

async function keep(url: string, response: Response) {
  // A redirected answer cannot be served for a navigation; keep its content under the asked URL.
  const body = response.redirected
    ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
    : response;
  await (await caches.open(CACHE)).put(url, body);
}

async function keepOpenPages() {
  const pages = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(pages.map((page) => keepPage(page.url).catch(noop)));
}

async function keepPage(url: string) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!keepable(response)) return;
  await keep(url, response.clone());
  const assets = pageAssets(await response.text(), url);
  await Promise.all(assets.map((asset) => keepAsset(asset).catch(noop)));
}

async function keepAsset(url: string) {
  const response = await fetch(url, { mode: new URL(url).origin === worker.location.origin ? 'same-origin' : 'cors', credentials: 'same-origin' });
  if (keepable(response)) await keepAnswer(url, response);
}

/**
 * Every chunk of the one-file build (languages, kiosk mode, validation, the outbox), so a part
 * first needed while offline is there too. Chunk names carry a content hash: those already kept
 * are not fetched again, and those of an older build next to the same entry are dropped.
 */
async function keepLibrary(entryUrl: string) {
  const files = await libraryFiles(entryUrl).catch((): string[] => []);
  if (files.length === 0) return;
  const cache = await caches.open(CACHE);
  const folder = new URL('.', entryUrl).href;
  for (const request of await cache.keys()) {
    const url = request.url;
    if (url.startsWith(folder) && /\/encounter-survey\.[^/]+\.js$/.test(url) && !files.includes(url)) await cache.delete(request);
  }
  const missing = [];
  for (const file of files) if (file !== entryUrl && !(await cache.match(file))) missing.push(file);
  await Promise.all(missing.map((file) => keepAsset(file).catch(noop)));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

function noop() {}

// What a page needs to start offline, read from its HTML when the worker installs (the page loaded
// before any worker could see its requests): its scripts, stylesheets and icons, and each
// <encounter-survey src> config. A worker has no DOM parser, and these few tags are regular enough
// for patterns; anything missed is kept the next time the page asks for it.
const tags = /<(script|link|encounter-survey)\b([^>]*)>/gi;
const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes)?.slice(1).find((value) => value !== undefined);
const cachedLinks = /\b(stylesheet|modulepreload|preload|icon|manifest)\b/i;

/** Absolute http(s) URLs of the assets `html` (served from `pageUrl`) loads at start. */
function pageAssets(html: string, pageUrl: string): string[] {
  const base = attribute(/<base\b([^>]*)>/i.exec(html)?.[1] ?? '', 'href') ?? pageUrl;
  const urls = new Set<string>();
  for (const [, tag, attributes] of html.matchAll(tags)) {
    const name = tag!.toLowerCase();
    const value =
      name === 'link' ? (cachedLinks.test(attribute(attributes!, 'rel') ?? '') ? attribute(attributes!, 'href') : undefined) : attribute(attributes!, 'src');
    if (!value) continue;
    try {
      const url = new URL(value.replaceAll('&amp;', '&'), new URL(base, pageUrl));
      if (url.protocol === 'https:' || url.protocol === 'http:') urls.add(url.href);
    } catch {
      /* not a URL: nothing to cache */
    }
  }
  return [...urls];
}

/** The one-file build's entry, whose chunks (listed in encounter-survey.chunks.json beside it) load on demand. */
const isLibraryEntry = (url: string) => new URL(url).pathname.endsWith('/encounter-survey.js');

/** The files of the one-file build next to its entry, from the chunk list the build writes. */
async function libraryFiles(entryUrl: string): Promise<string[]> {
  const response = await fetch(new URL('encounter-survey.chunks.json', entryUrl), { cache: 'no-cache' });
  if (!response.ok) return [];
  const chunks = (await response.json()) as ReadonlyArray<{ file?: unknown }>;
  return chunks.flatMap((chunk) => (typeof chunk.file === 'string' ? [new URL(chunk.file, entryUrl).href] : []));
}

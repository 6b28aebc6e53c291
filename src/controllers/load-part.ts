/**
 * A file the survey loads on demand could not be loaded. `missingFile` names it when the server
 * answered that it does not exist (404 or 410): no connection will fix that, the site must.
 */
export class PartUnavailableError extends Error {
  readonly code = 'part-unavailable';
  missingFile: string | null = null;
}

/** The URL engines name in a failed dynamic import's message (Chromium and Firefox do; WebKit does not). */
const failedUrl = (error: unknown) => /\bhttps?:\/\/[^\s'"]+/.exec(String((error as Error)?.message))?.[0].replace(/[.,;)]+$/, '') ?? null;

/** The file's name when the server says it is not there (404, 410); null when it is unknown or may come back. */
export const missingFile = (error: unknown) => missing(failedUrl(error));

async function missing(url: string | null): Promise<string | null> {
  if (!url) return null;
  try {
    const { status } = await fetch(url, { cache: 'no-store', credentials: 'omit' });
    return status === 404 || status === 410 ? new URL(url).pathname.split('/').pop()! : null;
  } catch {
    return null; // offline: the connection, not the file
  }
}

/**
 * Loads an on-demand chunk once per page: every caller shares one module (the shared outbox must
 * be one). After a failure the next call tries again, at the URL the engine named plus `?retry=n`:
 * Chromium and Firefox keep a failed module import for the page's life, so the same URL would fail
 * again even with the network back.
 */
export function onDemand<T>(importer: () => Promise<T>, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let url: string | null = null;
  let attempt = 0;
  return () =>
    (loading ??= (url ? (import(/* @vite-ignore */ `${url.split('?')[0]}?retry=${++attempt}`) as Promise<T>) : importer()).catch(async (cause: unknown) => {
      loading = undefined;
      url ??= failedUrl(cause);
      const error = new PartUnavailableError(`${what} could not be loaded.`, { cause });
      error.missingFile = await missing(url);
      throw error;
    }));
}

type RespondParts = typeof import('./respond-chunk.js');

/** The respond chunk once loaded, for what is only decided after it has (undefined until then). */
export let respondParts: RespondParts | undefined;

const loadParts = onDemand(() => import('./respond-chunk.js'), 'The part that stores responses');

/** What storing a response needs (validation, the payload builder, the outbox): one chunk, loaded by the warm-up. */
export const loadRespondParts = () => loadParts().then((parts) => (respondParts = parts));

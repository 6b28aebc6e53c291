/**
 * One URL rule for every link a config can carry (endpoint, helplines, quick exit, privacy page).
 * Lit escapes text but not URL schemes, so a `javascript:` link in config would run on click.
 * We mirror what the WHATWG URL parser forgives (leading/trailing controls and spaces, tabs and
 * newlines anywhere, any letter case) before reading the scheme, so no disguise gets through.
 */
export type SafeUrlResult = { ok: true; url: string } | { ok: false; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkSafeUrl(url: string, { allowTelMailto = false }: { allowTelMailto?: boolean } = {}): SafeUrlResult {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  const wanted = allowTelMailto ? 'an https://, tel: or mailto: link' : 'an https:// link';
  if (!scheme) return { ok: false, message: `Must be ${wanted}` };
  if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript') {
    return { ok: false, message: `Unsafe link: "${scheme}:" URLs are not allowed` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(cleaned)) return { ok: false, message: 'Must not contain control characters' };
  const normalized = scheme + cleaned.slice(scheme.length);
  if (allowTelMailto && (scheme === 'tel' || scheme === 'mailto')) return { ok: true, url: normalized };
  let parsed: URL;
  try {
    parsed = new URL(normalized);
  } catch {
    return { ok: false, message: `Not a valid URL; must be ${wanted}` };
  }
  // A user name or password in a link would be sent to, or shown by, whoever receives it.
  if (parsed.username || parsed.password) return { ok: false, message: 'Must not contain a user name or password ("user:pass@")' };
  if (scheme === 'https' && parsed.hostname) return { ok: true, url: normalized };
  if (scheme === 'http') {
    return LOCAL_HOSTS.has(parsed.hostname)
      ? { ok: true, url: normalized }
      : { ok: false, message: 'Must use https:// (http:// is allowed only for localhost)' };
  }
  return { ok: false, message: `Must be ${wanted}` };
}

/**
 * Where to fetch a JSON file (a config's `src`, a summary's `src`) from: resolved against the page,
 * and only over https, http on localhost, or the page's own origin (an http intranet page may load
 * its own files; a config from anyone else's plain-http server could be swapped on the way).
 */
export function resolveFetchUrl(src: string, base: string): SafeUrlResult {
  let url: URL;
  try {
    url = new URL(src.trim(), base);
  } catch {
    return { ok: false, message: `"${src}" is not a URL` };
  }
  if (url.protocol === 'blob:' || (url.protocol === 'http:' && url.origin === new URL(base).origin)) return { ok: true, url: url.href };
  return checkSafeUrl(url.href);
}

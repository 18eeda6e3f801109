/**
 * URL predicates for the desktop security baseline. Pure, so they are unit-tested without Electron.
 */

/** Sites the app may open in the user's browser: police, crime statistics, law texts. */
export const EXTERNAL_HOST_ALLOWLIST: ReadonlySet<string> = new Set([
  'polisen.se',
  'www.polisen.se',
  'bra.se',
  'www.bra.se',
  'scb.se',
  'www.scb.se',
  'lagen.nu',
  'riksdagen.se',
  'www.riksdagen.se',
]);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Chromium and Node percent-encode file paths slightly differently; compare them decoded. */
function decodedPath(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

/**
 * True only for https: links to an allowlisted host on the default port, without user name or password.
 * Everything else (javascript:, file:, http:, custom protocols, look-alike hosts) stays closed.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '') return false;
  return EXTERNAL_HOST_ALLOWLIST.has(parsed.hostname.toLowerCase());
}

/**
 * True when target is the app's own page: the same file for a file: app URL (any hash or query, so
 * reloads and hash routes pass), the same origin for the dev server's http(s) URL.
 */
export function isAppNavigation(target: string, appUrl: string): boolean {
  const t = parse(target);
  const app = parse(appUrl);
  if (!t || !app) return false;
  if (app.protocol === 'file:') {
    const path = decodedPath(t);
    return t.protocol === 'file:' && t.host === app.host && path !== null && path === decodedPath(app);
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return t.protocol === app.protocol && t.host === app.host;
  }
  return false;
}

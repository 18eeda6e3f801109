/**
 * The desktop security baseline: URL predicates, and the guards every webContents gets the moment it is
 * created. Electron comes in only as types and parameters, so all of it is unit-tested without Electron.
 */
import type { App, Session, WebContents } from 'electron';

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
 * True when target is the app's own page: the same origin for the app:// scheme (src/main/protocol.ts)
 * and for the dev server's http(s) URL, the same file for a file: app URL (any hash or query, so reloads
 * and hash routes pass).
 */
export function isAppNavigation(target: string, appUrl: string): boolean {
  const t = parse(target);
  const app = parse(appUrl);
  if (!t || !app) return false;
  if (app.protocol === 'file:') {
    const path = decodedPath(t);
    return t.protocol === 'file:' && t.host === app.host && path !== null && path === decodedPath(app);
  }
  if (app.protocol === 'app:') {
    return t.protocol === 'app:' && t.host !== '' && t.host === app.host;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return t.protocol === app.protocol && t.host === app.host;
  }
  return false;
}

type NavigationEvent = { url: string; preventDefault(): void };
type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

const guarded = new WeakSet<object>();

/**
 * The guards for one webContents, installed once however often it is called: window.open is denied
 * (a vetted https link goes to the browser through openExternal instead), navigation and redirects
 * away from appUrl are stopped, and <webview> never attaches.
 */
export function guardWebContents(
  contents: GuardedContents,
  appUrl: string,
  openExternal: (url: string) => boolean,
): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: NavigationEvent) => {
    if (isAppNavigation(event.url, appUrl)) return;
    event.preventDefault();
    openExternal(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No page gets a permission: camera, microphone, geolocation, notifications, clipboard reads… */
export function denyPermissions(ses: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/**
 * Hardens every webContents the app ever creates (the main window, the hidden print window, anything a
 * library might open) as it is created, before it loads anything. Call before the first window.
 */
export function hardenAllWebContents(
  app: Pick<App, 'on'>,
  appUrl: string,
  openExternal: (url: string) => boolean,
): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appUrl, openExternal);
    denyPermissions(contents.session);
  });
}

/**
 * The app:// scheme the built renderer is served from instead of file://: the page gets a real origin
 * (app://lagesbild), file:// stays closed to it, and only files inside the built renderer folder can be
 * read — anything else (`..`, encoded traversal, absolute paths, another host) is a 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lagesbild';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Types for what the Vite build writes (and the fonts it copies); everything else is a download. */
export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Registers app:// as a standard, secure scheme with fetch support. Must run before the app is ready
 * (Electron refuses it afterwards).
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file an app:// URL names inside rootDir, or null when it names nothing there. The path is
 * decoded once and checked segment by segment, then checked again after resolving, so neither `..`
 * (plain or percent-encoded), backslashes, NUL bytes, drive letters nor absolute paths get out.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '' || /^[a-zA-Z]:/.test(s))) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

function notFound(): Response {
  return new Response('Hittades inte', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/**
 * The request handler for app://: GET (and HEAD) of a regular file inside rootDir, with its MIME type,
 * the app's Content Security Policy and nosniff; every other request gets a 404 (405 for other methods).
 */
export function createAppHandler(rootDir: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return notFound();
    let body: Buffer;
    try {
      // lstat, not stat: a symlink in the build folder could point anywhere.
      const stat = await fs.promises.lstat(file);
      if (!stat.isFile()) return notFound();
      body = await fs.promises.readFile(file);
    } catch {
      return notFound();
    }
    const headers = {
      'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves app:// from the built renderer folder; call once the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(rendererDir, csp));
}

/**
 * The browser host: serves the built renderer and the same API operations over HTTP on 127.0.0.1,
 * guarded by a random session token and Host/Origin checks. Used by the e2e tests and `npm run serve`.
 *
 * The token travels once, in the printed address (`/?token=…`): the first load trades it for an
 * HttpOnly, SameSite=Strict cookie and is redirected to `/`, so it stays out of later URLs, the history
 * and the server's downloads. `/api/*` takes the cookie or the `x-lagesbild-token` header.
 * File paths the user names are limited to the data folder and the folders added on the Databas screen.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FolderAccess } from '../core/app/folder-ops';
import { OP_NAMES } from '../shared/api';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import type { ApiError, Result } from '../shared/errors';
import { AppError, ERROR_MESSAGES } from '../shared/errors';
import { dispatch } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import { Workspace, type PlatformServices } from '../core/app/workspace';
import type { ReportPrinter } from '../core/reports/printer';
import { HostFolders } from './folders';
import { createChromiumPrinter } from './printer';

export const TOKEN_HEADER = 'x-lagesbild-token';
export { CONTENT_SECURITY_POLICY };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const DOWNLOAD_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface HostOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
  token?: string;
  demoRows?: number;
  /**
   * Open this database file instead of the last used one (benchmarks, `--db`): an absolute path the
   * person starting the host typed, so it is allowed besides the data folder and the added folders.
   */
  openFile?: string;
  /** Largest accepted request body (a report's logo travels as a data URL of up to ~1.4 MB). */
  maxBodyBytes?: number;
  /** Prints reports (tests share one); else Chromium through playwright-core, launched when first needed. */
  printer?: ReportPrinter;
  /** Time a client has to send a request's headers (slow clients are answered 408); default 20 s. */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request, body included; default 30 s. */
  requestTimeoutMs?: number;
  /** How long an idle kept-alive connection stays open; default 5 s. */
  keepAliveTimeoutMs?: number;
}

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  workspace: Workspace;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function refuse(res: http.ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error } satisfies Result<never>);
}

/** Longest accepted request target; the renderer's own paths are short. */
const MAX_TARGET_LENGTH = 4096;

interface Target {
  /** The path as sent (still percent-encoded). */
  pathname: string;
  /** The path decoded; never holds a NUL. */
  decoded: string;
  searchParams: URLSearchParams;
}

/** Parses a request target in origin form ("/path?query"); null for anything malformed or absurd. */
export function parseTarget(raw: string | undefined): Target | null {
  if (!raw || !raw.startsWith('/') || raw.length > MAX_TARGET_LENGTH) return null;
  try {
    // A fixed base: the target is never read as an authority ("//evil.example"), and Host plays no part.
    const url = new URL(`http://127.0.0.1${raw}`);
    const decoded = decodeURIComponent(url.pathname);
    if (decoded.includes('\0')) return null;
    return { pathname: url.pathname, decoded, searchParams: url.searchParams };
  } catch {
    return null;
  }
}

/** Ends a request that failed in an unexpected way: a 500 if nothing was sent yet, else a cut connection. */
function failRequest(res: http.ServerResponse, err: unknown): void {
  console.error('Lägesbild-värden: oväntat fel i en förfrågan:', err);
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  refuse(res, 500, { code: 'internal', message: ERROR_MESSAGES.internal });
}

/** Answers a request Node could not parse (or that timed out) on the raw socket, then closes it. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex, current?: http.ServerResponse): void {
  if (!socket.writable || current?.headersSent || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, text] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['408 Request Timeout', 'Förfrågan tog för lång tid.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'Förfrågans huvuden är för stora.']
        : ['400 Bad Request', 'Ogiltig förfrågan.'];
  const body = Buffer.from(text, 'utf8');
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\n` +
      `connection: close\r\n\r\n${text}`,
    () => socket.destroy(),
  );
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** One cookie's value from a Cookie header; null when it is not there. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The session cookie's name: cookies ignore ports, so two hosts on one machine need different names. */
export function sessionCookieName(port: number): string {
  return `lagesbild-${port}`;
}

/** Exports not downloaded within this long are removed (the next export, or the next start, sweeps). */
export const EXPORT_KEEP_MS = 24 * 60 * 60 * 1000;

export function removeStaleExports(dir: string, now: number): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > EXPORT_KEEP_MS) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const downloads = new Map<string, { path: string; fileName: string }>();
  const exportDir = path.join(options.dataDir, 'exports');
  removeStaleExports(exportDir, Date.now());
  const ownPrinter = options.printer ? null : createChromiumPrinter();
  const folders = new HostFolders(options.dataDir, options.openFile ? [options.openFile] : []);
  const platform: PlatformServices & { folders: FolderAccess } = {
    paths: folders,
    folders,
    async choosePath() {
      throw new AppError('unsupported', 'I webbläsaren finns ingen fildialog: skriv sökvägen till filen i fältet.');
    },
    async exportTarget(fileName) {
      fs.mkdirSync(exportDir, { recursive: true });
      removeStaleExports(exportDir, Date.now());
      const id = crypto.randomBytes(12).toString('hex');
      const file = path.join(exportDir, `${id}-${fileName}`);
      downloads.set(id, { path: file, fileName });
      return { path: file, downloadUrl: `/download/${id}` };
    },
    printer: options.printer ?? ownPrinter ?? undefined,
  };
  const workspace = new Workspace({
    dataDir: options.dataDir,
    platform,
    demoRows: options.demoRows,
    // The host runs from the TypeScript sources (tsx, vitest): the worker does too.
    importWorker: { path: path.resolve(__dirname, '../core/imports/worker-entry.ts'), register: 'tsx/cjs' },
  });
  if (options.openFile) workspace.open(options.openFile);
  else await workspace.start();
  const handlers = createHandlers(workspace);
  const maxBody = options.maxBodyBytes ?? 4_000_000;
  let allowedHosts: Set<string> = new Set();
  let cookieName = '';
  /** The session cookie or, for scripts and tests, the token header. */
  const authorized = (req: http.IncomingMessage): boolean =>
    tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token) ||
    tokenMatches(readCookie(req.headers.cookie, cookieName), token);
  const unauthorized = (res: http.ServerResponse) =>
    refuse(res, 401, { code: 'unauthorized', message: 'Ogiltig sessionsnyckel.' });

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return refuse(res, 403, { code: 'unauthorized', message: 'Okänd värd.' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return refuse(res, 403, { code: 'unauthorized', message: 'Anrop från annan webbplats nekas.' });
    }
    const url = parseTarget(req.url);
    if (!url) return refuse(res, 400, { code: 'validation', message: 'Ogiltig adress.' });

    if (url.pathname.startsWith('/api/')) {
      const op = url.pathname.slice('/api/'.length);
      if (op === 'events' && req.method === 'GET') {
        if (!authorized(req)) return unauthorized(res);
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': ansluten\n\n');
        const unsubscribe = workspace.events.subscribe((ev) => res.write(`data: ${JSON.stringify(ev)}\n\n`));
        req.on('close', unsubscribe);
        return;
      }
      if (req.method !== 'POST') return refuse(res, 405, { code: 'unsupported', message: 'Använd POST.' });
      if (!authorized(req)) return unauthorized(res);
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) {
          refuse(res, 413, { code: 'validation', message: 'Förfrågan är för stor.' });
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (res.writableEnded) return;
        let body: unknown;
        try {
          body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return refuse(res, 400, { code: 'validation', message: 'Förfrågan är inte giltig JSON.' });
        }
        dispatch(handlers, op, body).then(
          (result) => sendJson(res, 200, result),
          (err: unknown) => failRequest(res, err),
        );
      });
      return;
    }

    if (url.pathname.startsWith('/download/')) {
      const id = url.pathname.slice('/download/'.length);
      if (!authorized(req)) return unauthorized(res);
      const item = downloads.get(id);
      if (!item || !fs.existsSync(item.path)) {
        return refuse(res, 404, { code: 'not_found', message: 'Filen finns inte.' });
      }
      res.writeHead(200, {
        'content-type': DOWNLOAD_TYPES[path.extname(item.fileName)] ?? 'application/octet-stream',
        // An ASCII name for old clients, the real one (å, ä, ö, ł …) for the rest (RFC 6266).
        'content-disposition': `attachment; filename="${item.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(item.fileName)}`,
        'cache-control': 'no-store',
      });
      // Downloaded once, then gone: exports must not pile up in the data folder (personal data, GDPR).
      res.on('finish', () => {
        downloads.delete(id);
        fs.rmSync(item.path, { force: true });
      });
      fs.createReadStream(item.path)
        .on('error', (err) => failRequest(res, err))
        .pipe(res);
      return;
    }

    // The printed address: trade its token for the session cookie, then load the page without it.
    const given = url.searchParams.get('token');
    if (given !== null) {
      url.searchParams.delete('token');
      const query = url.searchParams.toString();
      const headers: http.OutgoingHttpHeaders = {
        location: `${url.pathname}${query ? `?${query}` : ''}`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      };
      if (tokenMatches(given, token)) {
        headers['set-cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      }
      res.writeHead(303, headers);
      res.end();
      return;
    }

    // Static renderer files; unknown paths get index.html (client-side routes).
    const rel = path.normalize(url.decoded).replace(/^([/\\])+/, '');
    let file = path.join(options.rendererDir, rel);
    if (
      !file.startsWith(path.resolve(options.rendererDir)) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      file = path.join(options.rendererDir, 'index.html');
    }
    if (!fs.existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Gränssnittet är inte byggt. Kör "npm run build" först.');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file)
      .on('error', (err) => failRequest(res, err))
      .pipe(res);
  };

  // Each socket's latest response: a client error after its headers went out must not write into it.
  const responses = new WeakMap<Duplex, http.ServerResponse>();
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 20_000, requestTimeout);
  const server = http.createServer(
    {
      headersTimeout,
      requestTimeout,
      // Node checks the timeouts on this interval (30 s by default, which would double them).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      responses.set(req.socket, res);
      try {
        handle(req, res);
      } catch (err) {
        failRequest(res, err);
      }
    },
  );
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) =>
    answerClientError(err, socket, responses.get(socket)),
  );

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  cookieName = sessionCookieName(port);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    workspace,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workspace.close();
      await ownPrinter?.close();
    },
  };
}

export const HOST_OPERATIONS = OP_NAMES;

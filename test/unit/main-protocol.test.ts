/**
 * The app:// scheme against real files in a temporary renderer folder: what it serves (with MIME type
 * and CSP) and what it refuses (everything outside the folder, however it is spelled). Electron's
 * protocol object is a fake that records what it was given.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  createAppHandler,
  handleAppProtocol,
  registerAppScheme,
  resolveAppFile,
} from '../../src/main/protocol';

const CSP = "default-src 'self'";
let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Lägesbild</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(root, 'assets', 'data.bin'), 'x');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'hemligt');
  fs.mkdirSync(path.join(base, 'renderer-other'));
  fs.writeFileSync(path.join(base, 'renderer-other', 'x.js'), 'hemligt');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handler = createAppHandler(root, CSP);
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// serves the built renderer', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/data.bin', 'application/octet-stream'],
  ])('%s as %s, with the CSP and nosniff', async (file, type) => {
    const res = await get(`${APP_ORIGIN}/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(fs.readFileSync(path.join(root, file)));
  });

  it('serves index.html for the bare origin, with hash routes and queries', async () => {
    expect(APP_INDEX_URL).toBe('app://lagesbild/index.html');
    for (const url of [`${APP_ORIGIN}/`, `${APP_INDEX_URL}#/handelser`, `${APP_INDEX_URL}?x=1`]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain('<title>Lägesbild</title>');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get(APP_INDEX_URL, 'POST');
    expect(post.status).toBe(405);
  });
});

describe('app:// refuses everything outside the renderer folder with 404', () => {
  it.each([
    ['a missing file', '/finns-inte.js'],
    ['a folder', '/assets'],
    ['a folder with a slash', '/assets/'],
    ['plain ..', '/../secret.txt'],
    ['.. inside the path', '/assets/../../secret.txt'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['encoded dots and slash', '/%2e%2e%2fsecret.txt'],
    ['encoded traversal after a folder', '/assets%2f..%2f..%2fsecret.txt'],
    ['upper-case encoding', '/%2E%2E%2Fsecret.txt'],
    ['a sibling folder with the same prefix', '/..%2frenderer-other%2fx.js'],
    ['backslashes', '/..%5csecret.txt'],
    ['raw backslash', '/assets\\..\\..\\secret.txt'],
    ['an absolute path', '/%2fetc%2fpasswd'],
    ['an absolute path with two slashes', '//etc/passwd'],
    ['a drive letter', '/C:%5cWindows%5cwin.ini'],
    ['a NUL byte', '/index.html%00.js'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['a symlink out of the folder', '/assets/link.txt'],
  ])('%s', async (_why, pathname) => {
    const url = `${APP_ORIGIN}${pathname}`;
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('hemligt');
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses another host, another scheme and what is not a URL', () => {
    expect(resolveAppFile(root, 'app://annan/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://lagesbild/index.html')).toBeNull();
    expect(resolveAppFile(root, 'inte en adress')).toBeNull();
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/index-abc.js`)).toBe(path.join(root, 'assets', 'index-abc.js'));
  });
});

describe('app:// registration', () => {
  it('is a standard, secure scheme with fetch support', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('hands protocol.handle a handler serving the given folder', async () => {
    const handle = vi.fn();
    handleAppProtocol({ handle }, root, CSP);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const served = handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    expect((await served(new Request(APP_INDEX_URL))).status).toBe(200);
    expect((await served(new Request(`${APP_ORIGIN}/%2e%2e/secret.txt`))).status).toBe(404);
  });
});

import { describe, expect, it, vi } from 'vitest';
import {
  denyPermissions,
  EXTERNAL_HOST_ALLOWLIST,
  guardWebContents,
  hardenAllWebContents,
  isAppNavigation,
  isSafeExternalUrl,
} from '../../src/main/security';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://polisen.se/aktuellt/handelser/',
    'https://www.polisen.se/',
    'https://bra.se/statistik',
    'https://www.scb.se/hitta-statistik/?q=brott#x',
    'https://lagen.nu/1998:204',
    'https://www.riksdagen.se/sv/dokument-och-lagar/',
    'HTTPS://POLISEN.SE/',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['http:', 'http://polisen.se/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['user name in URL', 'https://user@polisen.se/'],
    ['password in URL', 'https://user:secret@polisen.se/'],
    ['unknown host', 'https://example.com/'],
    ['look-alike host', 'https://polisen.se.example.com/'],
    ['subdomain not on the list', 'https://evil.polisen.se/'],
    ['suffix trick', 'https://notpolisen.se/'],
    ['explicit port', 'https://polisen.se:8443/'],
    ['not a URL', 'polisen.se'],
    ['empty', ''],
  ])('refuses %s', (_why, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('has only bare hosts in the allowlist', () => {
    for (const host of EXTERNAL_HOST_ALLOWLIST) expect(host).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('isAppNavigation', () => {
  const fileApp = 'file:///opt/L%C3%A4gesbild/out/renderer/index.html';

  it('accepts the app file itself, with a hash route or query', () => {
    expect(isAppNavigation(fileApp, fileApp)).toBe(true);
    expect(isAppNavigation(`${fileApp}#/handelser`, fileApp)).toBe(true);
    expect(isAppNavigation(`${fileApp}?x=1#/rapport`, fileApp)).toBe(true);
  });

  it('treats differently percent-encoded spellings of the same file as the same', () => {
    expect(isAppNavigation('file:///opt/Lägesbild/out/renderer/index.html', fileApp)).toBe(true);
  });

  it('refuses other files and other schemes', () => {
    expect(isAppNavigation('file:///opt/L%C3%A4gesbild/out/renderer/other.html', fileApp)).toBe(false);
    expect(isAppNavigation('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAppNavigation('https://polisen.se/', fileApp)).toBe(false);
    expect(isAppNavigation('javascript:alert(1)', fileApp)).toBe(false);
    expect(isAppNavigation('file://otherhost/opt/L%C3%A4gesbild/out/renderer/index.html', fileApp)).toBe(false);
  });

  it('accepts the same origin for the dev server and nothing else', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppNavigation('http://localhost:5173/#/handelser', dev)).toBe(true);
    expect(isAppNavigation('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(isAppNavigation('https://localhost:5173/', dev)).toBe(false);
    expect(isAppNavigation('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('accepts the app:// origin (any path, hash or query) and nothing else', () => {
    const app = 'app://lagesbild/index.html';
    expect(isAppNavigation(app, app)).toBe(true);
    expect(isAppNavigation('app://lagesbild/index.html#/handelser', app)).toBe(true);
    expect(isAppNavigation('app://lagesbild/assets/index.js', app)).toBe(true);
    expect(isAppNavigation('app://annan/index.html', app)).toBe(false);
    expect(isAppNavigation('app://lagesbild.evil/index.html', app)).toBe(false);
    expect(isAppNavigation('file:///opt/out/renderer/index.html', app)).toBe(false);
    expect(isAppNavigation('https://lagesbild/index.html', app)).toBe(false);
    expect(isAppNavigation('http://localhost:5173/', app)).toBe(false);
  });

  it('refuses anything when either URL does not parse', () => {
    expect(isAppNavigation('not a url', fileApp)).toBe(false);
    expect(isAppNavigation(fileApp, 'not a url')).toBe(false);
    expect(isAppNavigation('about:blank', 'about:blank')).toBe(false);
  });
});

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  return {
    session,
    listeners,
    get windowOpenHandler() {
      return windowOpenHandler;
    },
    setWindowOpenHandler: vi.fn((fn: (details: { url: string }) => { action: string }) => {
      windowOpenHandler = fn;
    }),
    on(name: string, fn: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return this;
    },
    emit(name: string, ...args: unknown[]) {
      for (const fn of listeners.get(name) ?? []) fn(...args);
    },
  };
}

const APP_URL = 'app://lagesbild/index.html';

function fakeApp() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    on: vi.fn((name: string, fn: Listener) => {
      listeners.set(name, fn);
    }),
  };
}

describe('every webContents, as it is created', () => {
  function created() {
    const app = fakeApp();
    const openExternal = vi.fn((url: string) => isSafeExternalUrl(url));
    hardenAllWebContents(app as never, APP_URL, openExternal);
    const contents = fakeContents();
    const onCreated = app.listeners.get('web-contents-created');
    expect(onCreated).toBeDefined();
    onCreated!({}, contents);
    return { contents, openExternal };
  }

  const navigate = (contents: ReturnType<typeof fakeContents>, name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    contents.emit(name, event, url);
    return event.preventDefault;
  };

  it('denies window.open and hands the URL only to the vetted opener', () => {
    const { contents, openExternal } = created();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://polisen.se/' })).toEqual({ action: 'deny' });
    expect(handler({ url: APP_URL })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/',
      'https://polisen.se/',
      APP_URL,
    ]);
    expect(openExternal.mock.results.map((r) => r.value as boolean)).toEqual([false, true, false]);
  });

  it.each(['will-navigate', 'will-redirect'])('stops %s to anything but the app origin', (name) => {
    const { contents } = created();
    expect(navigate(contents, name, 'https://example.com/')).toHaveBeenCalled();
    expect(navigate(contents, name, 'file:///etc/passwd')).toHaveBeenCalled();
    expect(navigate(contents, name, 'app://annan/index.html')).toHaveBeenCalled();
    expect(navigate(contents, name, 'javascript:alert(1)')).toHaveBeenCalled();
    expect(navigate(contents, name, 'app://lagesbild/index.html#/rapporter')).not.toHaveBeenCalled();
  });

  it('never attaches a webview', () => {
    const { contents } = created();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it("denies every permission request and check on the webContents' session", () => {
    const { contents } = created();
    const request = contents.session.setPermissionRequestHandler.mock.calls[0]![0] as Listener;
    const check = contents.session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean;
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      request(contents, permission, callback);
    }
    expect(callback.mock.calls).toEqual(Array.from({ length: 5 }, () => [false]));
    expect(check()).toBe(false);
  });

  it('installs the guards once however often it is asked', () => {
    const contents = fakeContents();
    const openExternal = vi.fn(() => false);
    guardWebContents(contents as never, APP_URL, openExternal);
    guardWebContents(contents as never, APP_URL, openExternal);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
    navigate(contents, 'will-navigate', 'https://polisen.se/');
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('denyPermissions sets both handlers', () => {
    const ses = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyPermissions(ses as never);
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });
});

/**
 * The Electron main process against a real workspace on a real SQLite file. Only Electron itself is
 * faked (its binary cannot run here): ipcMain records registrations, BrowserWindow records what it was
 * given and lets the test fire the events Electron would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../src/core/api/handlers';
import { registerIpc, UNAUTHORIZED } from '../../src/main/ipc';
import { createMainWindow, windowOptions, windowTarget } from '../../src/main/window';
import { Workspace, type PlatformServices } from '../../src/core/app/workspace';
import { OP_NAMES } from '../../src/shared/api';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../src/shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';

type Listener = (...args: unknown[]) => void;

const fakes = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }

  class FakeSession {
    permissionRequestHandler: Listener | null = null;
    permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
    headersListener: Listener | null = null;
    setPermissionRequestHandler(fn: Listener) {
      this.permissionRequestHandler = fn;
    }
    setPermissionCheckHandler(fn: (...args: unknown[]) => boolean) {
      this.permissionCheckHandler = fn;
    }
    webRequest = {
      onHeadersReceived: (fn: Listener) => {
        this.headersListener = fn;
      },
    };
  }

  class FakeWebContents extends Emitter {
    readonly session = new FakeSession();
    readonly sent: [string, unknown][] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    destroyed = false;
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return this.destroyed;
    }
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = fn;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly loaded: { url?: string; file?: string }[] = [];
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
    loadURL(url: string) {
      this.loaded.push({ url });
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push({ file });
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
  }

  const openExternal = vi.fn((_url: string) => Promise.resolve());
  return { FakeBrowserWindow, FakeWebContents, openExternal };
});

vi.mock('electron', () => ({
  BrowserWindow: fakes.FakeBrowserWindow,
  shell: { openExternal: fakes.openExternal },
  dialog: {},
  Menu: {},
}));

const APP_URL = 'file:///opt/lagesbild/out/renderer/index.html';
type Handler = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  call(op: string, raw: unknown, senderUrl: string | null = `${APP_URL}#/handelser`) {
    const fn = this.handlers.get(IPC_PREFIX + op);
    if (!fn) throw new Error(`no handler for ${op}`);
    const event = { senderFrame: senderUrl === null ? null : { url: senderUrl } };
    return fn(event as unknown as IpcMainInvokeEvent, raw);
  }
}

const platform: PlatformServices = {
  choosePath: () => Promise.resolve(null),
  exportTarget: () => Promise.resolve(null),
};

describe('registerIpc', () => {
  let dataDir: string;
  let workspace: Workspace;
  let ipc: FakeIpcMain;
  let win: InstanceType<typeof fakes.FakeBrowserWindow>;
  let dispose: () => void;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-main-ipc-'));
    workspace = new Workspace({ dataDir, platform, demoRows: 500 });
    await workspace.start();
    ipc = new FakeIpcMain();
    win = new fakes.FakeBrowserWindow({});
    dispose = registerIpc(ipc, createHandlers(workspace), workspace, () => win as unknown as BrowserWindow, APP_URL);
  });

  afterEach(async () => {
    dispose();
    await workspace.ready();
    await workspace.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers one handler per operation and nothing else', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(OP_NAMES.map((op) => IPC_PREFIX + op).sort());
  });

  it('answers app.info with a Result value from the real database', async () => {
    await workspace.ready();
    const result = (await ipc.call('app.info', {})) as {
      ok: boolean;
      value: { fileName: string; incidentCount: number };
    };
    expect(result.ok).toBe(true);
    expect(result.value.fileName).toBe('lagesbild-exempeldata.sqlite');
    expect(result.value.incidentCount).toBe(500);
  });

  it('turns invalid input into a validation error with a Swedish message', async () => {
    const result = (await ipc.call('incidents.get', { id: 'inte ett id' })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toMatch(/^Uppgifterna kunde inte sparas\./);
  });

  it('refuses callers that are not the app page', async () => {
    expect(await ipc.call('app.info', {}, 'https://polisen.se/')).toEqual(UNAUTHORIZED);
    expect(await ipc.call('app.info', {}, 'file:///tmp/other.html')).toEqual(UNAUTHORIZED);
    expect(await ipc.call('app.info', {}, null)).toEqual(UNAUTHORIZED);
    expect(UNAUTHORIZED).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Åtkomst nekad.' } });
  });

  it('forwards workspace events to the window', async () => {
    await workspace.ready();
    win.webContents.sent.length = 0;
    const file = path.join(dataDir, 'ny.sqlite');
    const result = (await ipc.call('db.create', { path: file })) as { ok: boolean };
    expect(result.ok).toBe(true);
    expect(win.webContents.sent).toContainEqual([
      IPC_EVENT_CHANNEL,
      expect.objectContaining({ type: 'data.changed', what: 'database' }),
    ]);
  });

  it('forwards first-start seeding progress', async () => {
    await workspace.ready();
    const progress = win.webContents.sent.filter(([, e]) => (e as { type: string }).type === 'job.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(([channel]) => channel === IPC_EVENT_CHANNEL)).toBe(true);
  });

  it('sends nothing to a destroyed window, and nothing after dispose', async () => {
    await workspace.ready();
    win.webContents.sent.length = 0;
    win.webContents.destroyed = true;
    workspace.events.emit({ type: 'data.changed', what: 'incidents', kinds: ['incidents'], version: 1 });
    expect(win.webContents.sent).toEqual([]);
    win.webContents.destroyed = false;
    dispose();
    workspace.events.emit({ type: 'data.changed', what: 'incidents', kinds: ['incidents'], version: 1 });
    expect(win.webContents.sent).toEqual([]);
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('main window', () => {
  const dir = path.join('/opt', 'lagesbild', 'out', 'main');

  beforeEach(() => {
    fakes.FakeBrowserWindow.instances.length = 0;
    fakes.openExternal.mockClear();
  });

  function create(isPackaged = true, env: NodeJS.ProcessEnv = {}) {
    const target = windowTarget(isPackaged, env);
    createMainWindow(target, dir);
    const win = fakes.FakeBrowserWindow.instances.at(-1)!;
    return { win, target };
  }

  it('isolates and sandboxes the renderer', () => {
    const { win } = create();
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: path.join('/opt', 'lagesbild', 'out', 'preload', 'index.js'),
    });
    expect(win.options['title']).toBe('Lägesbild');
    expect(windowOptions(dir)).toEqual(win.options);
  });

  it('loads the built renderer, or the dev server only when not packaged', () => {
    const built = create(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(built.win.loaded).toEqual([{ url: 'app://lagesbild/index.html' }]);
    expect(built.target.appUrl).toBe('app://lagesbild/index.html');

    const dev = create(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(dev.win.loaded).toEqual([{ url: 'http://localhost:5173' }]);
    expect(dev.target.appUrl).toBe('http://localhost:5173');
  });

  it('shows the window once it is ready', () => {
    const { win } = create();
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('denies window.open and opens only vetted links in the browser', () => {
    const { win } = create();
    const handler = win.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fakes.openExternal).not.toHaveBeenCalled();
    expect(handler({ url: 'https://polisen.se/aktuellt/handelser/' })).toEqual({ action: 'deny' });
    expect(fakes.openExternal).toHaveBeenCalledWith('https://polisen.se/aktuellt/handelser/');
  });

  it.each(['will-navigate', 'will-redirect'])('prevents %s away from the app', (name) => {
    const { win, target } = create();
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      win.webContents.emit(name, event, url);
      return event.preventDefault;
    };
    expect(navigate('https://example.com/')).toHaveBeenCalled();
    expect(navigate('file:///etc/passwd')).toHaveBeenCalled();
    expect(navigate(`${target.appUrl}#/handelser`)).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const { win } = create();
    const event = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const { win } = create();
    const { session } = win.webContents;
    const callback = vi.fn();
    session.permissionRequestHandler!(win.webContents, 'media', callback);
    session.permissionRequestHandler!(win.webContents, 'geolocation', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(session.permissionCheckHandler!(win.webContents, 'notifications')).toBe(false);
  });

  it("adds the CSP header to the app's own pages only", () => {
    const { win } = create(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    const listener = win.webContents.session.headersListener!;
    const own = vi.fn();
    listener({ url: 'http://localhost:5173/', responseHeaders: { 'Content-Type': ['text/html'] } }, own);
    expect(own).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    const other = vi.fn();
    listener({ url: 'https://example.com/', responseHeaders: {} }, other);
    expect(other).toHaveBeenCalledWith({});
  });
});

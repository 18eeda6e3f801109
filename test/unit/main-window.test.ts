/** The window's guards, with Electron mocked (its binary cannot run here): leaving text that was refused. */
import { describe, expect, it, vi } from 'vitest';

const showMessageBoxSync = vi.fn();
vi.mock('electron', () => ({
  dialog: { showMessageBoxSync: (...args: unknown[]) => showMessageBoxSync(...args) },
  shell: { openExternal: vi.fn(async () => undefined) },
  BrowserWindow: vi.fn(),
}));

const { hardenWebContents, rendererDir, windowTarget } = await import('../../src/main/window');

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void; url?: string }) => void>();
  return {
    handlers,
    setWindowOpenHandler: vi.fn(() => undefined),
    on(name: string, fn: (event: { preventDefault(): void }) => void) {
      handlers.set(name, fn);
      return this;
    },
  };
}

describe('fönstret när sidan vill hindra att den stängs', () => {
  it('frågar på svenska och stänger bara när användaren väljer "Stäng ändå"', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, 'file:///app/index.html');
    const onUnload = contents.handlers.get('will-prevent-unload')!;
    expect(onUnload).toBeDefined();

    showMessageBoxSync.mockReturnValueOnce(0);
    const stay = { preventDefault: vi.fn() };
    onUnload(stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    expect(showMessageBoxSync.mock.calls[0]![0]).toMatchObject({ buttons: ['Stanna kvar', 'Stäng ändå'], cancelId: 0 });

    showMessageBoxSync.mockReturnValueOnce(1);
    const leave = { preventDefault: vi.fn() };
    onUnload(leave);
    expect(leave.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('vad fönstret laddar', () => {
  const fakeWindow = () => ({ loadURL: vi.fn(async () => undefined), loadFile: vi.fn(async () => undefined) });

  it('visar det byggda gränssnittet via app://, aldrig file://', async () => {
    const target = windowTarget(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(target.appUrl).toBe('app://lagesbild/index.html');
    const win = fakeWindow();
    await target.load(win as never);
    expect(win.loadURL).toHaveBeenCalledWith('app://lagesbild/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(windowTarget(false, {}).appUrl).toBe('app://lagesbild/index.html');
  });

  it('visar utvecklingsservern bara när appen inte är paketerad', async () => {
    const target = windowTarget(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(target.appUrl).toBe('http://localhost:5173/');
    const win = fakeWindow();
    await target.load(win as never);
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('app:// läser från out/renderer bredvid out/main', () => {
    expect(rendererDir('/opt/lagesbild/out/main')).toBe('/opt/lagesbild/out/renderer');
  });

  it('skyddar fönstrets webContents med samma vakter som alla andra, en gång', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, 'app://lagesbild/index.html');
    hardenWebContents(contents as never, 'app://lagesbild/index.html');
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.handlers.has(name), name).toBe(true);
    }
    const away = { preventDefault: vi.fn(), url: 'https://example.com/' };
    contents.handlers.get('will-navigate')!(away);
    expect(away.preventDefault).toHaveBeenCalledOnce();
  });
});

/** The window's guards, with Electron mocked (its binary cannot run here): leaving text that was refused. */
import { describe, expect, it, vi } from 'vitest';

const showMessageBoxSync = vi.fn();
vi.mock('electron', () => ({
  dialog: { showMessageBoxSync: (...args: unknown[]) => showMessageBoxSync(...args) },
  shell: { openExternal: vi.fn(async () => undefined) },
  BrowserWindow: vi.fn(),
}));

const { hardenWebContents } = await import('../../src/main/window');

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void; url?: string }) => void>();
  return {
    handlers,
    setWindowOpenHandler: vi.fn(),
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

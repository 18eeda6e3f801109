/**
 * The desktop's path policy: only files chosen in a dialog in this session, the recent list and the demo
 * file; Electron's dialogs are fakes that answer what the test says the user picked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { RecentFiles } from '../../src/core/app/recent';
import { DEMO_FILE_NAME, Workspace } from '../../src/core/app/workspace';

const fakes = vi.hoisted(() => ({ showOpenDialog: vi.fn(), showSaveDialog: vi.fn() }));

vi.mock('electron', () => ({
  app: { getPath: () => '/ingen/userData' },
  dialog: { showOpenDialog: fakes.showOpenDialog, showSaveDialog: fakes.showSaveDialog },
  BrowserWindow: class {},
}));

import { createDesktopPlatform } from '../../src/main/platform';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-main-paths-'));
const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-main-valt-'));
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(elsewhere, { recursive: true, force: true });
});

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('accepted');
}

beforeEach(() => {
  fakes.showOpenDialog.mockReset();
  fakes.showSaveDialog.mockReset();
});

describe('skrivbordsappens sökvägsregel', () => {
  it('godtar bara det användaren valde i en dialog, och bara för det dialogen gällde', async () => {
    const platform = createDesktopPlatform(
      () => null,
      undefined,
      () => dataDir,
    );
    const paths = platform.paths!;
    const db = path.join(elsewhere, 'kommun.sqlite');
    expect(refusal(() => paths.check(db, 'open')).code).toBe('forbidden_path');
    fakes.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [db] });
    expect(await platform.choosePath('open')).toBe(db);
    expect(paths.check(db, 'open')).toBe(db);
    expect(refusal(() => paths.check(db, 'import')).code).toBe('forbidden_path');
    expect(refusal(() => paths.check(db, 'create')).code).toBe('forbidden_path');
    expect(refusal(() => paths.check(path.join(elsewhere, 'annan.sqlite'), 'open')).code).toBe('forbidden_path');
    expect(refusal(() => paths.check('/etc/passwd', 'import')).message).toContain('valt i en dialog');
    expect(refusal(() => paths.check('kommun.sqlite', 'open')).message).toContain('ingen hel sökväg');
    // `..` does not turn a chosen file into another one.
    expect(refusal(() => paths.check(path.join(elsewhere, 'x', '..', '..', 'kommun.sqlite'), 'open')).code).toBe(
      'forbidden_path',
    );
    expect(paths.check(path.join(elsewhere, 'x', '..', 'kommun.sqlite'), 'open')).toBe(db);
  });

  it('godtar en avbruten dialog som inget val', async () => {
    const platform = createDesktopPlatform(
      () => null,
      undefined,
      () => dataDir,
    );
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: path.join(elsewhere, 'ny.sqlite') });
    expect(await platform.choosePath('create')).toBeNull();
    expect(refusal(() => platform.paths!.check(path.join(elsewhere, 'ny.sqlite'), 'create')).code).toBe(
      'forbidden_path',
    );
  });

  it('godtar en sparad exportfil som mål för säkerhetskopia, inte för att öppna', async () => {
    const platform = createDesktopPlatform(
      () => null,
      undefined,
      () => dataDir,
    );
    const target = path.join(elsewhere, 'kopia.sqlite');
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await platform.exportTarget('kopia.sqlite')).toEqual({ path: target, downloadUrl: null });
    expect(platform.paths!.check(target, 'backup')).toBe(target);
    expect(refusal(() => platform.paths!.check(target, 'open')).code).toBe('forbidden_path');
  });

  it('godtar senaste filer och exempeldatabasen för att öppna', () => {
    const platform = createDesktopPlatform(
      () => null,
      undefined,
      () => dataDir,
    );
    const old = path.join(elsewhere, 'förra.sqlite');
    new RecentFiles(dataDir).add(old);
    expect(platform.paths!.check(old, 'open')).toBe(old);
    expect(refusal(() => platform.paths!.check(old, 'import')).code).toBe('forbidden_path');
    expect(platform.paths!.check(path.join(dataDir, DEMO_FILE_NAME), 'open')).toBe(path.join(dataDir, DEMO_FILE_NAME));
  });

  it('hindrar arbetsytan från att skapa en fil som inte valts, och skapar den som valts', async () => {
    const platform = createDesktopPlatform(
      () => null,
      undefined,
      () => dataDir,
    );
    const ws = new Workspace({ dataDir, platform, demoRows: 50 });
    try {
      const typed = path.join(elsewhere, 'skriven.sqlite');
      expect(refusal(() => ws.create(typed)).code).toBe('forbidden_path');
      expect(fs.existsSync(typed)).toBe(false);
      const picked = path.join(elsewhere, 'vald.sqlite');
      fakes.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: picked });
      expect(await platform.choosePath('create')).toBe(picked);
      expect(ws.create(picked).path).toBe(picked);
      // Opened once, it is in the recent list: a new session may open it again.
      const next = createDesktopPlatform(
        () => null,
        undefined,
        () => dataDir,
      );
      expect(next.paths!.check(picked, 'open')).toBe(picked);
    } finally {
      await ws.close();
    }
  });
});

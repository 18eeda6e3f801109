/**
 * The real desktop app, started the way `npm start` does, on a fresh data folder. Needs the Electron
 * binary, which cannot be downloaded everywhere: its presence is checked without require('electron')
 * (that would try to download it), and the test is skipped with a reason when it is missing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const electronDir = path.join(repoRoot, 'node_modules', 'electron');

function electronExecutable(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(executable) ? executable : null;
}

const executablePath = electronExecutable();
if (!executablePath) {
  console.warn(
    'Electron-binären saknas (node_modules/electron/dist): smoke-testet hoppas över. Kör npm start på en maskin med internet.',
  );
}

describe.skipIf(!executablePath)('Electron-appen', () => {
  let app: ElectronApplication | null = null;
  let dataDir = '';

  beforeAll(() => {
    if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'index.js'))) {
      throw new Error('out/main/index.js saknas: kör "npx electron-vite build" (npm test gör det) före e2e-testerna.');
    }
    // Prepares better-sqlite3 for Electron's ABI the way `npm start` does; a no-op when it is ready.
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/electron-native.ts'],
      {
        cwd: repoRoot,
        stdio: 'inherit',
      },
    );
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-electron-'));
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the window on Översikt, the start page', async () => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
    }
    env['LAGESBILD_DATA_DIR'] = dataDir;
    env['LAGESBILD_DEMO_ROWS'] = '2000';
    // Chromium will not start as root (CI containers) with its OS sandbox; webPreferences stay unchanged.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];

    app = await electron.launch({ executablePath: executablePath!, args, cwd: repoRoot, env });
    const page = await app.firstWindow();
    await expect.poll(() => page.title()).toContain('Lägesbild');
    await page.getByRole('heading', { name: 'Översikt' }).waitFor({ state: 'visible' });
    // The built renderer comes through the app:// scheme (src/main/protocol.ts), never file://.
    expect(page.url()).toMatch(/^app:\/\/lagesbild\/index\.html/);
    const blocked = await page.evaluate(() => fetch('app://lagesbild/..%2f..%2fpackage.json').then((r) => r.status));
    expect(blocked).toBe(404);
  });

  it('prints a lägesbild with printToPDF: a tagged PDF of several pages', async () => {
    const page = await app!.firstWindow();
    const result = (await page.evaluate(() =>
      (
        globalThis as unknown as { lagesbild: { invoke(op: string, input: unknown): Promise<unknown> } }
      ).lagesbild.invoke('reports.preview', {
        source: {
          selection: {
            template: 'lagesbild',
            area: { kind: 'kommun', kommunCode: '1276' },
            from: '2026-01-01',
            to: '2026-12-31',
          },
        },
      }),
    )) as { ok: boolean; value: { pdfBase64: string; pages: number } };
    expect(result.ok).toBe(true);
    const pdf = Buffer.from(result.value.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.value.pages).toBeGreaterThan(3);
    // Tagged (a structure tree, MarkInfo) and with an outline, as printToPDF was asked.
    const catalog = (await PDFDocument.load(pdf)).catalog;
    for (const key of ['StructTreeRoot', 'MarkInfo', 'Outlines']) expect(catalog.has(PDFName.of(key)), key).toBe(true);
  });
});

/** ui.first_rows: from opening the register in Chromium (browser host) to the first visible rows. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from '../src/host/server';
import { launchBrowser } from '../test/e2e/harness';

const RENDERER_DIR = path.resolve(__dirname, '../out/renderer');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function rendererBuilt(): boolean {
  return fs.existsSync(path.join(RENDERER_DIR, 'index.html'));
}

export async function measureFirstRows(dbFile: string, repeats: number): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-ui-'));
  const host = await startHost({ dataDir, rendererDir: RENDERER_DIR, openFile: dbFile });
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      // A new context each time: no cached page, no remembered column layout.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${host.url}#/handelser`);
      await page
        .locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="kommun"]')
        .filter({ hasText: /\S/ })
        .waitFor({ timeout: 60_000 });
      times.push(performance.now() - started);
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

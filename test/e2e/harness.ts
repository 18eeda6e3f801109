/**
 * E2E harness: a real browser host on a fresh data folder per test, driven in Debian's Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../src/host/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots');
const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer saknas: kör "npx electron-vite build" (npm test gör det) före e2e-testerna.');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=sv-SE',
    ],
  });
}

export interface Session {
  host: RunningHost;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** A session on the demo database; `route` is the screen to start on (the app itself starts on Översikt). */
/** The local user profile every session starts with (a first start without one asks for it). */
export const TEST_PROFILE = { name: 'Maja Samordnare', organisation: 'Klippans kommun', role: 'samordnare' } as const;

export async function openSession(
  browser: Browser,
  demoRows = 3000,
  route = 'handelser',
  options: { profile?: boolean } = {},
): Promise<Session> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-e2e-'));
  if (options.profile !== false) fs.writeFileSync(path.join(dataDir, 'profile.json'), JSON.stringify(TEST_PROFILE));
  const host = await startHost({ dataDir, rendererDir: RENDERER_DIR, demoRows });
  await host.workspace.ready();
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    locale: 'sv-SE',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(route ? `${host.url}#/${route}` : host.url);
  return {
    host,
    context,
    page,
    dataDir,
    async close() {
      await context.close();
      await host.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`Fel i sidan: ${errors.join('; ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Text of one column for the rows currently rendered, in row order. */
export async function columnTexts(page: Page, colId: string): Promise<string[]> {
  return page.$$eval(
    `.ag-grid-scrolling-container .ag-row`,
    (rows, id) => {
      return rows
        .map((r) => ({
          i: Number(r.getAttribute('row-index')),
          t: r.querySelector(`[col-id="${id}"]`)?.textContent ?? '',
        }))
        .sort((a, b) => a.i - b.i)
        .map((x) => x.t);
    },
    colId,
  );
}

export function rowCountText(n: number): string {
  return `${new Intl.NumberFormat('sv-SE').format(n)} händelser`;
}

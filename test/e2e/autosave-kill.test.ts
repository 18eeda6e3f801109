/**
 * Autosave survives `kill -9`: type in a löfte, wait two seconds, kill the host process outright, start it
 * again on the same data folder, and the text is there. The host runs as its own process (npm run serve).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './harness';

const repoRoot = path.resolve(__dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let browser: Browser;
let dataDir = '';
const children: ChildProcess[] = [];

/** Starts `src/host/cli.ts` and resolves with the address it prints. */
function startHost(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [tsx, 'src/host/cli.ts', '--data-dir', dataDir, '--port', '0', '--demo-rows', '300'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`värden startade inte: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`värden avslutades (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-kill-'));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('autospar', () => {
  it('det som skrevs för mer än 2 s sedan finns kvar efter kill -9 av värdprocessen', async () => {
    const first = await startHost();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${first.url}#/loften`);
    // The demo's löften appear once first-start seeding is done.
    await page.getByRole('button', { name: /Medborgarlöfte Kävlinge 2017/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Nytt löfte' }).click();
    const form = page.getByRole('form', { name: 'Nytt löfte' });
    await form.getByLabel('Löftets kommun').selectOption({ label: 'Perstorp' });
    await form.getByRole('button', { name: 'Skapa utkast' }).click();
    const editor = page.getByRole('article');
    await editor.getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    await editor.getByLabel('Rubrik', { exact: true }).click();
    await page.keyboard.type('Trygg skolväg i Perstorp', { delay: 15 });
    const problem = 'Föräldrar oroar sig för trafiken vid skolan på morgonen.';
    await editor.getByLabel('Problem', { exact: true }).click();
    await page.keyboard.type(problem, { delay: 15 });
    // Two seconds after the last key, nothing more: then the process dies without warning.
    await new Promise((r) => setTimeout(r, 2000));
    first.child.kill('SIGKILL');
    await new Promise<void>((r) => first.child.once('exit', () => r()));
    await context.close();

    // The file itself holds the text (WAL included), before anything starts again.
    const file = path.join(
      dataDir,
      fs.readdirSync(dataDir).find((f) => f.endsWith('.sqlite'))!,
    );
    const raw = new Database(file, { readonly: true });
    const saved = raw
      .prepare("SELECT content_json FROM lofte WHERE content_json LIKE '%Trygg skolväg%'")
      .pluck()
      .get() as string | undefined;
    raw.close();
    expect(saved && JSON.parse(saved)).toMatchObject({ title: 'Trygg skolväg i Perstorp', problem });

    const second = await startHost();
    const again = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    const page2 = await again.newPage();
    await page2.goto(`${second.url}#/loften`);
    await page2.getByRole('button', { name: /Trygg skolväg i Perstorp/ }).click();
    await expect
      .poll(() => page2.getByRole('article').getByLabel('Problem', { exact: true }).inputValue())
      .toBe(problem);
    await screenshot(page2, 'lofte-efter-kill');
    await again.close();
    second.child.kill('SIGTERM');
  }, 120_000);
});

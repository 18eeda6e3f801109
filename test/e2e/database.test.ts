import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('databasskärmen', () => {
  it('skapar en tom databas, listar senaste filer och öppnar exempeldatabasen igen', async () => {
    const s = await openSession(browser, 1500);
    try {
      const { page } = s;
      const count = page.getByTestId('row-count');
      // The first load compiles the app's 2 MB of script: give a busy machine time.
      await expect.poll(() => count.textContent(), { timeout: 15_000 }).toMatch(/1\s500 händelser/);
      await page.getByRole('link', { name: 'Databas' }).click();

      // The browser host has no file dialog: it says so and points at the path field.
      await page.getByRole('button', { name: 'Öppna databasfil…' }).click();
      await page.getByText('I webbläsaren finns ingen fildialog').waitFor();

      const file = path.join(s.dataDir, 'kommun', 'ny.sqlite');
      fs.mkdirSync(path.dirname(file));
      await page.getByLabel('Sökväg till databasfil').fill(file);
      await page.getByRole('button', { name: 'Skapa ny' }).click();
      await expect.poll(() => count.textContent()).toBe('0 händelser');
      expect(fs.existsSync(file)).toBe(true);
      await expect(page.getByTestId('demo-label').count()).resolves.toBe(0);

      await page.getByRole('link', { name: 'Databas' }).click();
      await page.getByTestId('db-path').filter({ hasText: file }).waitFor();
      const recent = page.getByRole('list').getByRole('button');
      await expect.poll(() => recent.allTextContents()).toEqual([file, s.host.workspace.demoPath()]);

      // Creating over an existing file is refused with a message and changes nothing.
      await page.getByLabel('Sökväg till databasfil').fill(file);
      await page.getByRole('button', { name: 'Skapa ny' }).click();
      await page.getByRole('alert').filter({ hasText: 'Filen finns redan' }).waitFor();
      await screenshot(page, 'database-screen');

      await page.getByRole('button', { name: 'Öppna exempeldatabasen' }).click();
      await expect.poll(() => count.textContent()).toMatch(/1\s500 händelser/);
      await page.getByTestId('demo-label').waitFor();
    } finally {
      await s.close();
    }
  });
});

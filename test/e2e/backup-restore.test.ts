/**
 * Backup → damage → restore, as a coordinator does it: a backup taken on the Säkerhetskopior screen, the
 * file damaged while closed, opened again (read-only, with the banner on every screen, writes refused),
 * restored from the list, and the register showing every incident again.
 */
import crypto from 'node:crypto';
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

describe('säkerhetskopior', () => {
  it('återställer en skadad databas från en säkerhetskopia i gränssnittet', async () => {
    const s = await openSession(browser, 1500, 'sakerhetskopior');
    try {
      const { page } = s;
      const demo = s.host.workspace.demoPath();
      // The daily backup taken when the file opened is listed.
      await page.getByTestId('backup-row').first().waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('backup-row').first().textContent()).resolves.toContain('Daglig');
      await page.getByRole('button', { name: 'Säkerhetskopiera nu' }).click();
      await page.getByText('Säkerhetskopian är sparad och kontrollerad').waitFor();
      await expect.poll(() => page.getByTestId('backup-row').count()).toBe(2);
      await expect(page.getByTestId('backup-row').first().textContent()).resolves.toMatch(/Manuell.*1\s500/);
      await screenshot(page, 'backups-list');

      // Another file is opened; the demo file is damaged while closed: 8 KB of random bytes mid-file.
      await s.host.workspace.settled();
      s.host.workspace.create(path.join(s.dataDir, 'annan.sqlite'));
      const bytes = fs.readFileSync(demo);
      crypto.randomFillSync(bytes, Math.floor(bytes.length / 2 / 4096) * 4096, 8192);
      fs.writeFileSync(demo, bytes);
      const damaged = crypto.createHash('sha256').update(bytes).digest('hex');

      await page.getByRole('link', { name: 'Filer', exact: true }).click();
      await page.getByRole('button', { name: 'Öppna exempeldatabasen' }).click();
      const banner = page.getByTestId('read-only-banner');
      await banner.waitFor();
      await expect(banner.textContent()).resolves.toMatch(/skadad och är öppnad skrivskyddad/);
      await screenshot(page, 'backups-damaged-banner');
      // A write is refused with the reason; the file is not touched.
      await page.goto(`${s.host.url}#/handelser`);
      await banner.waitFor();
      expect(crypto.createHash('sha256').update(fs.readFileSync(demo)).digest('hex')).toBe(damaged);

      await banner.getByRole('link', { name: 'Återställ från en säkerhetskopia' }).click();
      await page.getByRole('heading', { name: 'Säkerhetskopior' }).waitFor();
      const manual = page.getByTestId('backup-row').filter({ hasText: 'Manuell' });
      await manual.getByRole('button', { name: /Återställ kopian/ }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.textContent()).resolves.toMatch(/1\s500 händelser/);
      await dialog.getByRole('button', { name: 'Återställ', exact: true }).click();
      await page.getByText('Databasen är återställd').waitFor({ timeout: 20_000 });
      await expect.poll(() => banner.count()).toBe(0);

      // The second visit: the register shows all incidents again, and writes work.
      await page.goto(`${s.host.url}#/handelser`);
      await expect
        .poll(() => page.getByTestId('row-count').textContent(), { timeout: 15_000 })
        .toMatch(/1\s500 händelser/);
      expect(s.host.workspace.info()).toMatchObject({ readOnly: null, incidentCount: 1500 });
      // The damaged bytes were kept as the backup before the restore.
      const dir = path.join(path.dirname(demo), 'säkerhetskopior');
      const kept = fs.readdirSync(dir).filter((n) => n.includes('fore-aterstallning') && n.endsWith('.sqlite'));
      expect(kept).toHaveLength(1);
      expect(
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, kept[0]!)))
          .digest('hex'),
      ).toBe(damaged);
    } finally {
      await s.close();
    }
  });
});

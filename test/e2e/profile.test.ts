/** The local user profile: asked at first start, refused empty with the message at the field, changeable. */
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

describe('användarprofilen', () => {
  it('frågas vid första start, sparas lokalt och följer med det man skriver', async () => {
    const s = await openSession(browser, 300, 'oversikt', { profile: false });
    try {
      const { page } = s;
      const dialog = page.getByRole('dialog', { name: 'Välkommen! Vem använder Lägesbild?' });
      await dialog.waitFor({ timeout: 15_000 });
      // The question must be answered: Escape does not close it.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await screenshot(page, 'profil-forsta-start');

      await dialog.getByRole('button', { name: 'Spara profilen' }).click();
      await dialog.getByText('Skriv ditt namn.').waitFor();
      expect(await page.getByLabel(/^Namn/).getAttribute('aria-invalid')).toBe('true');
      expect(fs.existsSync(path.join(s.dataDir, 'profile.json'))).toBe(false);

      await page.getByLabel(/^Namn/).fill('Karin Kommunpolis');
      await page.getByLabel(/^Organisation/).fill('LPO Klippan');
      await page.getByLabel('Roll').selectOption('kommunpolis');
      await dialog.getByRole('button', { name: 'Spara profilen' }).click();
      await dialog.waitFor({ state: 'detached' });
      const button = page.getByTestId('profile-button');
      await expect.poll(() => button.textContent()).toBe('Karin Kommunpolis');

      const stored = JSON.parse(fs.readFileSync(path.join(s.dataDir, 'profile.json'), 'utf8')) as unknown;
      expect(stored).toEqual({ name: 'Karin Kommunpolis', organisation: 'LPO Klippan', role: 'kommunpolis' });
      expect(s.host.workspace.author()).toEqual({
        name: 'Karin Kommunpolis',
        organisation: 'LPO Klippan',
        role: 'kommunpolis',
      });

      // Second visit: the question is not asked again; the profile can be changed from the header.
      await page.reload();
      await expect.poll(() => button.textContent(), { timeout: 15_000 }).toBe('Karin Kommunpolis');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await button.click();
      const edit = page.getByRole('dialog', { name: 'Din profil' });
      await edit.waitFor();
      expect(await page.getByLabel(/^Namn/).inputValue()).toBe('Karin Kommunpolis');
      await page.getByLabel('Roll').selectOption('samordnare');
      await edit.getByRole('button', { name: 'Spara profilen' }).click();
      await expect
        .poll(() => button.getAttribute('aria-label'))
        .toBe('Din profil: Karin Kommunpolis, Brottsförebyggande samordnare');
    } finally {
      await s.close();
    }
  });
});

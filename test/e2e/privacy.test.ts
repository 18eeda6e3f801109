/**
 * Personuppgifter in Chromium (issue 13): a description with a name, a personnummer and a phone number is
 * warned about but saved; "Sök och radera" finds the name, masks it, and the next search finds nothing; the
 * register shows "[raderat]"; the retention setting says what it clears and "Töm nu" clears exactly that.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutoffDay } from '../../src/core/privacy/retention';
import { formatCount } from '../../src/shared/format';
import { localDay, localDayStartUtc } from '../../src/shared/time';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

const SHOTS = '/tmp/privacy-shots';
const DESCRIPTION = 'Zebrakrita på skolans vägg. Vittne: Sven Svensson 19850101-1236, 070-123 45 67.';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 1500, 'handelser');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules (as test/e2e/screens.test.ts runs them): the serious and critical ones. */
async function axeSerious(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"')))
    await page.evaluate(`(function () {\n${AXE_SOURCE}\n}).call(window)`);
  return (await page.evaluate(`window.axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

async function searchFor(page: Page, term: string): Promise<void> {
  const form = page.getByRole('search', { name: 'Sök personuppgifter' });
  await form.getByLabel('Namn, personnummer eller annan text').fill(term);
  await form.getByRole('button', { name: 'Sök' }).click();
}

describe('Personuppgifter', () => {
  it('sök och radera: varning vid inmatning, namnet maskeras och syns som [raderat], personnumret raderas', async () => {
    const { page } = s;
    const db = s.host.workspace.db().read((r) => r.db);
    await page
      .locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="kommun"]')
      .filter({ hasText: /\S/ })
      .waitFor();

    // Entry: the form warns about the personnummer and the phone number, and saves all the same.
    await page.getByRole('button', { name: 'Ny händelse' }).click();
    const form = page.getByRole('form', { name: 'Ny händelse' });
    await form.getByLabel('Källa').selectOption({ label: 'EST-rapport' });
    await form.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Skadegörelse' });
    await form.getByLabel('Underkategori').selectOption({ label: 'Klotter' });
    await form.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Klippan' });
    await form.getByLabel('Plats').fill('Klippans skola');
    const yesterday = localDay(new Date(Date.now() - 86_400_000).toISOString());
    await form.getByLabel('Inträffade (svensk tid)').fill(`${yesterday}T20:41`);
    await form.getByLabel('Beskrivning').fill(DESCRIPTION);
    const warning = page.getByTestId('pii-warning');
    await warning.waitFor();
    expect(await warning.isVisible()).toBe(true);
    await expect(warning.textContent()).resolves.toContain('ett personnummer (19850101-1236)');
    await expect(warning.textContent()).resolves.toContain('ett telefonnummer (070-123 45 67)');
    await form.getByRole('button', { name: 'Spara' }).click();
    const detail = page.getByTestId('detail-panel');
    await detail.getByText(DESCRIPTION).waitFor();
    const id = Number(((await detail.locator('h2').textContent()) ?? '').replace(/\D/g, ''));
    expect(db.prepare('SELECT description FROM incident WHERE id = ?').pluck().get(id)).toBe(DESCRIPTION);

    // Sök och radera: too short a term is refused with a message.
    await nav(page, 'Databas');
    await nav(page, 'Personuppgifter');
    await page.getByRole('heading', { name: 'Personuppgifter', level: 2 }).waitFor();
    await searchFor(page, 'Sv');
    await page.getByText('Sök på minst 3 tecken').waitFor();
    await expect(page.getByLabel('Namn, personnummer eller annan text').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );

    // The name: two hits — the incident's description, and the audit log's entry of its creation — the term marked.
    await searchFor(page, 'sven svensson');
    const count = page.getByTestId('privacy-count');
    await expect.poll(() => count.textContent()).toBe('2 träffar för ”sven svensson”.');
    await page.getByRole('region', { name: /^Ändringslogg/ }).waitFor();
    const group = page.getByRole('region', { name: /^Händelser/ });
    await group.getByRole('checkbox', { name: `Välj Händelse ${id}, Beskrivning` }).waitFor();
    await expect(group.locator('mark').allTextContents()).resolves.toEqual(['Sven Svensson']);

    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SHOTS, `privacy-hits-${width}.png`), fullPage: true });
      // The screen itself never scrolls sideways (the header is App's).
      const overflow = `(() => { const e = document.querySelector('.privacy-screen'); return e.scrollWidth - e.clientWidth; })()`;
      expect(await page.evaluate(overflow)).toBe(0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'personuppgifter-traffar');
    expect(await axeSerious(page)).toEqual([]);

    // Nothing chosen: the buttons wait. "Markera alla", then Maskera with its confirmation.
    const maskButton = page.getByRole('button', { name: 'Maskera valda' });
    expect(await maskButton.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Markera alla' }).check();
    await maskButton.click();
    const dialog = page.getByRole('dialog', { name: 'Maskera 2 träffar?' });
    await expect(dialog.textContent()).resolves.toContain('Det går inte att ångra.');
    await expect(dialog.textContent()).resolves.toContain('skrivs i ändringsloggen, utan sökordet');
    // Avbryt changes nothing.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(db.prepare('SELECT description FROM incident WHERE id = ?').pluck().get(id)).toBe(DESCRIPTION);
    await maskButton.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Maskera', exact: true }).click();
    await page.getByText('2 träffar maskerades (2 poster ändrades).').waitFor();
    // The search runs again: the hit is gone.
    await expect.poll(() => count.textContent()).toBe('Inga träffar för ”sven svensson”.');
    expect(db.prepare('SELECT description FROM incident WHERE id = ?').pluck().get(id)).toBe(
      'Zebrakrita på skolans vägg. Vittne: [raderat] 19850101-1236, 070-123 45 67.',
    );

    // The register shows the masked description.
    await nav(page, 'Händelser');
    await page.getByRole('search').getByLabel('Sök i text').fill('Zebrakrita');
    const cell = page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="description"]');
    await expect.poll(() => cell.textContent()).toContain('[raderat]');
    await cell.click();
    await page
      .getByTestId('detail-panel')
      .getByText('Zebrakrita på skolans vägg. Vittne: [raderat] 19850101-1236, 070-123 45 67.')
      .waitFor();

    // Radera valda empties the whole text: the personnummer's hit.
    await nav(page, 'Databas');
    await nav(page, 'Personuppgifter');
    await searchFor(page, '19850101-1236');
    // In the description and in the audit log's entry of its creation.
    await expect.poll(() => count.textContent()).toBe('2 träffar för ”19850101-1236”.');
    await page.getByRole('checkbox', { name: `Välj Händelse ${id}, Beskrivning` }).check();
    await page.getByRole('checkbox', { name: 'Markera alla' }).check();
    await page.getByRole('button', { name: 'Radera valda' }).click();
    await page.getByRole('dialog', { name: 'Radera 2 träffar?' }).getByRole('button', { name: 'Radera' }).click();
    await page.getByText('2 träffar raderades (2 poster ändrades).').waitFor();
    await expect.poll(() => count.textContent()).toBe('Inga träffar för ”19850101-1236”.');
    expect(db.prepare('SELECT description FROM incident WHERE id = ?').pluck().get(id)).toBe('');
  });

  it('lagringstiden säger vad den tömmer, och Töm nu tömmer just det', async () => {
    const { page } = s;
    const db = s.host.workspace.db().read((r) => r.db);
    await nav(page, 'Databas');
    await nav(page, 'Personuppgifter');
    const pending = page.getByTestId('privacy-pending');
    await expect.poll(() => pending.textContent()).toBe('Beskrivningarna sparas alltid.');
    await page.getByText('Papperskorgen töms automatiskt efter 30 dagar.').waitFor();

    await page.getByLabel('Spara beskrivningar').selectOption({ label: '1 år' });
    await expect.poll(() => pending.textContent()).toBe('Spara för att se vad den valda lagringstiden tömmer.');
    await page.getByRole('form', { name: 'Lagringstid' }).getByRole('button', { name: 'Spara' }).click();
    const cutoff = cutoffDay(s.host.workspace.now(), 1);
    const old = () =>
      db
        .prepare("SELECT count(*) FROM incident WHERE occurred_at < ? AND description <> ''")
        .pluck()
        .get(localDayStartUtc(cutoff)) as number;
    const n = old();
    expect(n).toBeGreaterThan(0);
    await expect
      .poll(() => pending.textContent())
      .toBe(
        `${formatCount(n, 'beskrivning', 'beskrivningar')} äldre än ${cutoff} töms. Händelserna och antalen står kvar.`,
      );
    await screenshot(page, 'personuppgifter-lagringstid');

    const total = db.prepare('SELECT count(*) FROM incident').pluck().get();
    await page.getByRole('button', { name: 'Töm nu' }).click();
    await page
      .getByRole('dialog', { name: 'Töm gamla beskrivningar nu?' })
      .getByRole('button', { name: 'Töm nu' })
      .click();
    await page.getByText(`${formatCount(n, 'beskrivning', 'beskrivningar')} tömdes,`).waitFor();
    expect(old()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(total);
    await expect.poll(() => pending.textContent()).toBe(`Inga beskrivningar är äldre än ${cutoff}.`);
  });
});

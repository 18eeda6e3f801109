/**
 * The Lägesbild dashboards in Chromium: each one opens with figures equal to the database, and a click on a
 * figure opens the register filtered to exactly those rows (the register's own count matches).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 6000);
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function registerCount(page: Page): Promise<number> {
  const counter = page.getByTestId('row-count');
  await expect.poll(async () => /\d/.test((await counter.textContent()) ?? '')).toBe(true);
  return number(await counter.textContent());
}

/** Clicks a figure, checks the register shows that many rows, and comes back to the dashboards. */
async function drillDown(page: Page, button: ReturnType<Page['locator']>): Promise<number> {
  const figure = number(await button.textContent());
  await button.click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/handelser\?filter=/);
  await expect.poll(() => registerCount(page)).toBe(figure);
  await page.goBack();
  await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
  return figure;
}

async function choosePeriod(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('Från').fill(from);
  await page.getByLabel('Till').fill(to);
}

/** Incidents in a kommun (and category) between two local days, straight from the database. */
function dbCount(kommun: string, from: string, to: string, category?: string): number {
  const db = s.host.workspace.db().db;
  const ids = db.prepare('SELECT id FROM incident').pluck().all().length; // sanity: the demo is there
  expect(ids).toBe(6000);
  return db
    .prepare(
      `SELECT count(*) FROM incident i JOIN kommun k ON k.id = i.kommun_id
       WHERE k.name = ? AND i.occurred_at >= ? AND i.occurred_at < ? ${category ? 'AND i.category = ?' : ''}`,
    )
    .pluck()
    .get(kommun, ...bounds(from, to), ...(category ? [category] : [])) as number;
}

/** UTC bounds of local days (Stockholm), as the app computes them. */
function bounds(from: string, to: string): [string, string] {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  const start = (day: string) => {
    const offset = new Date(`${day}T12:00:00Z`).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(11, 13);
    return new Date(Date.parse(`${day}T00:00:00Z`) - (Number(offset) - 12) * 3600_000)
      .toISOString()
      .replace('.000Z', 'Z');
  };
  return [start(from), start(next)];
}

describe('Lägesbild: instrumentpanelerna', () => {
  it('Jämför kommuner: siffrorna stämmer med databasen och går att öppna i registret', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await choosePeriod(page, '2025-11-01', '2026-10-31');
    const table = page.getByRole('table', { name: 'Jämför kommuner' });
    const klippan = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Klippan' }) });
    await klippan.waitFor();
    const total = klippan.getByRole('button').first();
    expect(number(await total.textContent())).toBe(dbCount('Klippan', '2025-11-01', '2026-10-31'));
    await expect(page.locator('.recharts-bar-rectangle').count()).resolves.toBe(5);
    await screenshot(page, 'dashboard-jamfor');
    await drillDown(page, total);
    // One category cell too: kommun, category and period all carried over.
    await drillDown(page, klippan.getByRole('button').nth(1));
  });

  it('Förändring: båda perioderna går att öppna, bedömningen står i klartext', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await choosePeriod(page, '2026-07-01', '2026-10-31');
    await page.getByRole('tab', { name: 'Förändring' }).click();
    const table = page.getByRole('table', { name: 'Förändring per kommun och kategori' });
    await table.waitFor();
    const first = table.getByRole('row').nth(1);
    await expect(first.textContent()).resolves.toMatch(/Säkerställd|Ingen säkerställd|För få/);
    await screenshot(page, 'dashboard-forandring');
    await drillDown(page, first.getByRole('button').first());
    await page.getByRole('tab', { name: 'Förändring' }).click();
    await drillDown(page, table.getByRole('row').nth(1).getByRole('button').nth(1));
  });

  it('Trend: per månad och vecka, förra året bakom, varje period går att öppna', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await choosePeriod(page, '2025-11-01', '2026-10-31');
    await page.getByRole('tab', { name: 'Trend' }).click();
    const table = page.getByRole('table', { name: 'Trend' });
    await table.waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(13); // header + 12 months
    await expect(page.locator('.recharts-line').count()).resolves.toBe(2);
    await screenshot(page, 'dashboard-trend');
    await drillDown(page, table.getByRole('row').nth(3).getByRole('button'));
    await page.getByRole('tab', { name: 'Trend' }).click();
    await page.getByLabel('Tidsindelning').selectOption('week');
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(50);
    await drillDown(page, table.getByRole('row').nth(10).getByRole('button'));
  });

  it('sparar en vy med sitt urval och öppnar den igen efter omladdning', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await choosePeriod(page, '2026-05-01', '2026-10-31');
    await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Skadegörelse' });
    await page.getByRole('tab', { name: 'Förändring' }).click();
    await page.getByLabel('Jämför med').selectOption('lastYear');
    await page.getByLabel('Namn på vyn').fill('Skadegörelse sommar 2026');
    await page.getByRole('button', { name: 'Spara vy' }).click();
    await page.getByRole('status').filter({ hasText: 'Vyn "Skadegörelse sommar 2026" är sparad.' }).waitFor();
    await page.getByLabel('Namn på vyn').fill('skadegörelse SOMMAR 2026');
    await page.getByRole('button', { name: 'Spara vy' }).click();
    await page.getByRole('alert').filter({ hasText: 'Det finns redan en vy' }).waitFor();
    await screenshot(page, 'dashboard-saved-view');

    await page.reload();
    await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
    await expect(page.getByLabel('Kategori', { exact: true }).inputValue()).resolves.toBe('');
    await page.getByLabel('Sparad vy').selectOption({ label: 'Skadegörelse sommar 2026 (Förändring)' });
    await expect(page.getByRole('tab', { name: 'Förändring' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByLabel('Jämför med').inputValue()).resolves.toBe('lastYear');
    await expect(page.getByLabel('Från').inputValue()).resolves.toBe('2026-05-01');
    await expect(page.getByLabel('Kategori', { exact: true }).inputValue()).resolves.toBe('skadegorelse');
    const table = page.getByRole('table', { name: 'Förändring per kommun och kategori' });
    await table.waitFor();
    const categories = await table.locator('tbody tr td:first-of-type').allTextContents();
    expect(new Set(categories)).toEqual(new Set(['Skadegörelse']));
  });

  it('EST-lägesbild: en kommuns cykel med förändringar, platser och en sammanfattning', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Svalöv' });
    await choosePeriod(page, '2026-05-01', '2026-08-31');
    await page.getByRole('tab', { name: 'EST-lägesbild' }).click();
    const summary = page.getByTestId('est-summary');
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^Lägesbild för Svalöv, 2026-05-01 – 2026-08-31: \d+ händelser mot \d+ perioden före/);
    const total = number((await summary.textContent())!.match(/: (\d[\d\s]*) händelser/)![1]!);
    expect(total).toBe(dbCount('Svalöv', '2026-05-01', '2026-08-31'));
    await expect(
      page.getByRole('table', { name: 'Platser med flest händelser' }).getByRole('row').count(),
    ).resolves.toBeGreaterThan(1);
    await screenshot(page, 'dashboard-est');
    const changes = page.getByRole('table', { name: 'Förändring per kategori' });
    await drillDown(page, changes.getByRole('row').nth(1).getByRole('button'));
  });
});

/** Översikt, the start page: the latest complete cycle's significant changes and the survey's movement. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  // No route: the app's own start page.
  s = await openSession(browser, 6000, '');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('Översikt', () => {
  it('är startsidan och visar senaste hela cykelns säkerställda förändringar, som går att öppna', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Översikt', level: 2 }).waitFor();
    await expect(page.getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).resolves.toBe('page');
    const db = s.host.workspace.db().read((r) => r.db);
    const lastDay = db.prepare('SELECT max(day) FROM incident_rollup_day WHERE n > 0').pluck().get() as string;
    expect(lastDay).toBe('2026-10-31');
    await page.getByLabel('Cykel', { exact: true }).selectOption('tertial');
    const period = page.getByTestId('overview-period');
    // Demo data runs to the end of October: the tertial Sep–Dec has begun, so May–Aug is compared with Jan–Apr.
    await expect
      .poll(() => period.textContent())
      .toBe(
        `Senaste data: ${lastDay}. Cykeln 2026-05-01 – 2026-08-31 jämförs med 2026-01-01 – 2026-04-30 (Poisson-test, |z| ≥ 1,96).`,
      );
    await expect(page.getByTestId('overview-period-notes').textContent()).resolves.toBe(
      'Tertialen 2026-09-01 – 2026-12-31 är inte slut i datan (senaste data 2026-10-31), så den senaste hela visas.',
    );
    const table = page.getByRole('table', { name: 'Säkerställda förändringar' });
    await table.waitFor();
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    // The first row (largest |z|): its count equals the rollup for that kommun, category and tertial.
    const first = rows.nth(1);
    const kommun = (await first.getByRole('rowheader').textContent())!;
    const categoryText = (await first.locator('td').first().textContent())!;
    await expect(first.textContent()).resolves.toMatch(/Säkerställd (ökning|minskning)/);
    const current = first.getByRole('button').first();
    const figure = number(await current.textContent());
    const kommunId = db.prepare('SELECT id FROM kommun WHERE name = ?').pluck().get(kommun) as number;
    const category = db.prepare('SELECT code FROM category WHERE label = ?').pluck().get(categoryText) as string;
    const inRollup = db
      .prepare(
        "SELECT sum(n) FROM incident_rollup_day WHERE kommun_id = ? AND category = ? AND day BETWEEN '2026-05-01' AND '2026-08-31'",
      )
      .pluck()
      .get(kommunId, category) as number;
    expect(figure).toBe(inRollup);
    await expect(
      page.getByRole('table', { name: 'Totalindex, senaste mätningarna' }).getByRole('row').count(),
    ).resolves.toBe(12);
    await screenshot(page, 'oversikt');
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(
        page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth'),
      ).resolves.toBe(false);
      await screenshot(page, `oversikt-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await current.click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/handelser\?filter=/);
    const counter = page.getByTestId('row-count');
    await expect.poll(async () => number(await counter.textContent())).toBe(figure);
  });

  it('försenade åtgärder visar sitt problem och länkar till sin vandring', async () => {
    const { page } = s;
    await page.goto(`${s.host.url}#/oversikt`);
    const table = page.getByRole('table', { name: 'Försenade åtgärder' });
    await table.waitFor({ timeout: 15_000 });
    const db = s.host.workspace.db().read((r) => r.db);
    const overdue = db
      .prepare(
        "SELECT m.what, w.title FROM measure m JOIN walk w ON w.id = m.walk_id WHERE m.status IN ('planerad', 'pagar') AND m.due_day < ? ORDER BY m.due_day, m.id",
      )
      .all(new Date().toISOString().slice(0, 10)) as { what: string; title: string }[];
    expect(overdue.length).toBeGreaterThan(0);
    const row = table.getByRole('row').filter({ hasText: overdue[0]!.what });
    const link = row.getByRole('link', { name: new RegExp(overdue[0]!.title) });
    await link.click();
    await page.getByRole('article').getByRole('heading', { name: overdue[0]!.title }).waitFor();
    expect(new URL(page.url()).hash.startsWith('#/vandringar')).toBe(true);
  });
});

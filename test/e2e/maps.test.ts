/**
 * Maps in Chromium: a kommun on the choropleth, a place and a hotspot cell each say their count on focus,
 * and a click (or Enter) opens the register with exactly that many rows. Screenshots of each map at
 * 1440×900 and 1280×800 (looked at when the maps were built).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 4000, 'lagesbild');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const countIn = (label: string) => {
  const m = /: ([\d\s\u00a0\u202f]+) händelse/.exec(label);
  if (!m) throw new Error(`Inget antal i "${label}"`);
  return Number(m[1]!.replace(/\D/g, ''));
};

async function registerCount(page: Page): Promise<number> {
  const counter = page.getByTestId('row-count');
  await expect.poll(async () => /\d/.test((await counter.textContent()) ?? '')).toBe(true);
  return Number(((await counter.textContent()) ?? '').replace(/[^\d]/g, ''));
}

/** Focus says the count in the status line; Enter opens the register, which must count the same. */
async function focusAndOpen(page: Page, map: string, target: Locator): Promise<number> {
  await target.focus();
  const status = page.getByTestId(`map-${map}-status`);
  const label = (await target.getAttribute('aria-label'))!;
  await expect.poll(() => status.textContent()).toBe(label);
  const n = countIn(label);
  await target.press('Enter');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/handelser\?filter=/);
  await expect.poll(() => registerCount(page)).toBe(n);
  await page.goBack();
  await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
  return n;
}

async function shots(page: Page, name: string, map: Locator) {
  for (const [w, h] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, `karta-${name}-${w}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('maps', () => {
  it('choropleth: a kommun’s count on focus equals the register’s after a click', async () => {
    const { page } = s;
    const map = page.getByTestId('map-jamfor');
    await map.waitFor();
    const svg = map.getByRole('group', { name: /^Karta: händelser per 1 000 invånare/ });
    await svg.waitFor();
    const areas = svg.getByRole('button');
    expect(await areas.count()).toBe(5);
    await expect.poll(() => map.textContent()).toContain('Kommungränser: Valmyndigheten (förenklade)');
    const klippan = svg.locator('path[data-kommun="1276"]');
    const n = await focusAndOpen(page, 'jamfor', klippan);
    expect(n).toBeGreaterThan(0);
    // The same number is in the Jämför table beside the map.
    await page
      .getByTestId('dashboard-jamfor')
      .getByRole('table')
      .getByRole('row', { name: /^Klippan/ })
      .waitFor();
    const row = page
      .getByTestId('dashboard-jamfor')
      .getByRole('table')
      .getByRole('row', { name: /^Klippan/ });
    expect(Number(((await row.getByRole('button').first().textContent()) ?? '').replace(/\D/g, ''))).toBe(n);
    await shots(page, 'jamfor', map);
    // Mouse click too.
    await klippan.click();
    await expect.poll(() => registerCount(page)).toBe(n);
    await page.goBack();
    await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
  });

  it('places and hotspots: a place and a cell open exactly their rows; the kommun-only count is on the table', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'Karta' }).click();
    const places = page.getByTestId('map-platser');
    await places.waitFor();
    const note = places.getByText(/händelser har bara kommunen som plats och visas inte som punkter\./);
    await note.waitFor();
    const n = Number(((await note.textContent()) ?? '').split('händelser')[0]!.replace(/\D/g, ''));
    const table = page.getByTestId('map-location-table');
    const whole = table.getByRole('row', { name: /^Hela urvalet/ });
    expect(Number(((await whole.getByRole('cell').last().textContent()) ?? '').replace(/\D/g, ''))).toBe(n);
    const symbols = places.locator('circle[data-symbol]');
    expect(await symbols.count()).toBeGreaterThan(5);
    await focusAndOpen(page, 'platser', symbols.first());
    await page.getByRole('tab', { name: 'Karta' }).click();
    await shots(page, 'platser', places);

    const hot = page.getByTestId('map-hotspots');
    await hot.waitFor();
    await hot.getByText(/Getis-Ord Gi\* på ett rutnät i SWEREF 99 TM, rutor om 250 m, grannar inom 500 m/).waitFor();
    const cells = hot.locator('path[data-cell]');
    expect(await cells.count()).toBeGreaterThan(0);
    await focusAndOpen(page, 'hotspots', cells.last());
    await page.getByRole('tab', { name: 'Karta' }).click();
    await shots(page, 'hotspots', page.getByTestId('map-hotspots'));
  });

  it('Översikt shows the choropleth for the cycle with the attribution', async () => {
    const { page } = s;
    await page.goto(page.url().replace(/#.*$/, '#/oversikt'));
    const map = page.getByTestId('map-oversikt');
    await map.waitFor();
    expect(await map.locator('path[role="button"]').count()).toBe(9);
    await expect.poll(() => map.textContent()).toContain('Kommungränser: Valmyndigheten (förenklade)');
    // The map's numbers as a table: each kommun's count there is the one its area says.
    await page.getByText('Kartans siffror som tabell').click();
    const table = page.getByTestId('map-rate-table');
    expect(await table.locator('tbody tr').count()).toBe(9);
    const label = (await map.locator('path[data-kommun="1261"]').getAttribute('aria-label'))!;
    expect(label).toMatch(/^Kävlinge: /);
    const row = table.getByRole('row', { name: /^Kävlinge/ });
    expect(Number(((await row.getByRole('button').textContent()) ?? '').replace(/\D/g, ''))).toBe(countIn(label));
    await shots(page, 'oversikt', map);
  });
});

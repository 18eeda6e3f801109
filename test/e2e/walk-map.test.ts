/**
 * Maps of a trygghetsvandring's route and of the EST cycle's places, in Chromium: a pasted position is drawn
 * at once and can be undone, a bad one is refused in Swedish with nothing drawn, a stop leads to its row,
 * and a place on the EST map opens exactly its rows in the register. Screenshots at two window sizes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 1500, 'vandringar');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const WALK = 'Kvällsvandring kring Klippans station';
const symbols = (page: Page, id: string) => page.locator(`[data-testid="map-${id}"] [data-symbol]`);
const storgatan = () =>
  s.host.workspace
    .db()
    .read((r) => r.db)
    .prepare(
      "SELECT p.lat, p.lon FROM place p JOIN kommun k ON k.id = p.kommun_id WHERE k.name = 'Klippan' AND p.name = 'Storgatan'",
    )
    .get() as { lat: number | null; lon: number | null } | undefined;

async function openWalk(page: Page) {
  await page.getByRole('complementary', { name: 'Vandringar' }).getByRole('button', { name: WALK }).click();
  await page.getByRole('heading', { name: 'Karta' }).waitFor();
  await page.getByTestId('map-walk-route').waitFor();
}

async function shots(page: Page, target: string, name: string) {
  for (const [w, h] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByTestId(target).scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('Kartor: vandringens rutt och EST-lägesbildens platser', () => {
  it('en inklistrad position syns på kartan direkt, kan ångras, och felaktig text nekas på svenska', async () => {
    const { page } = s;
    await openWalk(page);
    const stops = page.getByRole('table', { name: 'Stopp på rutten' });
    await expect.poll(() => stops.getByRole('row').count()).toBe(4); // header + three stops
    await expect.poll(() => symbols(page, 'walk-route').count()).toBe(1); // only Klippans station has a position
    const before = 1;
    await page.getByTestId('map-walk-route').getByText('Saknar position: Storgatan, Åbyparken').waitFor();
    expect(storgatan()?.lat ?? null).toBeNull();

    // A bad entry: the Swedish message names the field; nothing drawn, nothing written.
    const field = page.getByRole('textbox', { name: 'Position för Storgatan' });
    await field.fill('55,9586');
    await stops.getByRole('form', { name: 'Position för Storgatan' }).getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Position för Storgatan: "55,9586" är inte två koordinater.' })
      .waitFor();
    await field.fill('13,1253, 55,9586');
    await stops.getByRole('form', { name: 'Position för Storgatan' }).getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Position för Storgatan: Latitud och longitud verkar ha bytt plats' })
      .waitFor();
    expect(await symbols(page, 'walk-route').count()).toBe(before);
    expect(storgatan()?.lat ?? null).toBeNull();

    // Pasted with Swedish decimal commas: saved, drawn at once, the route gets a second stop.
    await field.fill('55,9586, 13,1253');
    await stops.getByRole('form', { name: 'Position för Storgatan' }).getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat: Storgatan 55,9586, 13,1253.' }).waitFor();
    await expect.poll(() => symbols(page, 'walk-route').count()).toBe(before + 1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(storgatan()).toEqual({ lat: 55.9586, lon: 13.1253 });
    await expect.poll(() => stops.getByRole('row', { name: /Storgatan/ }).textContent()).toContain('55,9586, 13,1253');
    await expect.poll(() => page.locator('[data-testid="map-walk-route"] path[stroke="#6a3d9a"]').count()).toBe(1);
    await page.getByTestId('map-walk-route').getByText('Saknar position: Åbyparken').waitFor();

    // Ångra: the place had no position before, so it has none again.
    await page.getByRole('button', { name: 'Ångra' }).click();
    await page.getByRole('status').filter({ hasText: 'Ångrat: Storgatan har ingen position igen.' }).waitFor();
    await expect.poll(() => symbols(page, 'walk-route').count()).toBe(before);
    expect(storgatan()).toEqual({ lat: null, lon: null });

    // Saved again with decimal points, then a second visit: the point is still drawn.
    await field.fill('56.1338, 13.1290');
    await stops.getByRole('form', { name: 'Position för Storgatan' }).getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => symbols(page, 'walk-route').count()).toBe(before + 1);
    await page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Trygghetsvandringar' }).click();
    await openWalk(page);
    await expect.poll(() => symbols(page, 'walk-route').count()).toBe(before + 1);
    expect(storgatan()).toEqual({ lat: 56.1338, lon: 13.129 });

    // A stop on the map leads to its row's position field.
    const stop = page.locator('[data-testid="map-walk-route"] [data-symbol="stop-1"]');
    await expect(stop.getAttribute('aria-label')).resolves.toBe('1. Klippans station: 1 iakttagelse');
    await stop.click();
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toBe('Position för Klippans station');
    await stop.hover();
    await expect
      .poll(() => page.getByTestId('map-walk-route-status').textContent())
      .toBe('1. Klippans station: 1 iakttagelse');
    await shots(page, 'map-walk-route', 'karta-vandring');
  });

  it('EST-lägesbildens platser på kartan: en plats öppnar exakt dess rapporter i registret', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Klippan' });
    await page.getByLabel('Från').fill('2026-05-01');
    await page.getByLabel('Till').fill('2026-08-31');
    await page.getByRole('tab', { name: 'EST-lägesbild' }).click();
    const map = page.getByTestId('map-est-places');
    await map.waitFor();
    await expect.poll(() => symbols(page, 'est-places').count()).toBeGreaterThan(0);
    await map.getByText('har bara kommunen som plats och visas inte som punkter').waitFor();
    await map.getByText('Kommungränser: Valmyndigheten (förenklade)').first().waitFor();
    const table = page.getByRole('table', { name: 'Händelser per plats på kartan' });
    // The note's N is a number on the table.
    const note = (await map.getByText('har bara kommunen som plats och visas inte som punkter').textContent())!;
    const n = Number(note.split('händelse')[0]!.replace(/\D/g, ''));
    expect(Number(((await table.locator('tfoot td').textContent()) ?? '').replace(/\D/g, ''))).toBe(n);
    // The table has the map's numbers: every symbol's count is on a row of the table.
    const all = symbols(page, 'est-places');
    const labels: string[] = [];
    for (let i = 0; i < (await all.count()); i++) labels.push((await all.nth(i).getAttribute('aria-label'))!);
    for (const label of labels) {
      const [, name, n] = label.match(/^(.+) \(Klippan\): (\d+) händelser?$/)!;
      await expect(table.getByRole('row', { name: new RegExp(`^${name} `) }).textContent()).resolves.toContain(n!);
    }
    await shots(page, 'map-est-places', 'karta-est');

    const first = symbols(page, 'est-places').first();
    const count = Number((await first.getAttribute('aria-label'))!.match(/: (\d+) händelse/)![1]);
    // By keyboard: large circles overlap at kommun scale (the smaller drawn on top).
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/handelser\?filter=/);
    const filter = JSON.parse(decodeURIComponent(new URL(page.url()).hash.split('filter=')[1]!));
    expect(filter).toMatchObject({ location: 'plats', fromDay: '2026-05-01', toDay: '2026-08-31' });
    await expect
      .poll(async () => (await page.getByTestId('row-count').textContent())?.replace(/\D/g, ''))
      .toBe(String(count));
  });
});

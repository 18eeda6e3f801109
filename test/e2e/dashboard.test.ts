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

/** The whole LPO, every category: the screen remembers choices between tests (as it does for a user). */
async function allOfLpo(page: Page): Promise<void> {
  await page.getByLabel('Kommun', { exact: true }).selectOption('');
  await page.getByLabel('Kategori', { exact: true }).selectOption('');
}

async function choosePeriod(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('Från').fill(from);
  await page.getByLabel('Till').fill(to);
}

/** Incidents in a kommun (and category) between two local days, straight from the database. */
function dbCount(kommun: string, from: string, to: string, category?: string): number {
  const db = s.host.workspace.db().read((r) => r.db);
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
  it('EST-lägesbildens standardval (tertial, Till = senaste data) jämför en hel tertial och säger vilka perioder', async () => {
    const { page, context } = s;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.host.url).origin });
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Klippan' });
    // The screen's default period: the last twelve whole months, here ending on the last data day.
    await choosePeriod(page, '2025-11-01', '2026-10-31');
    await page.getByRole('tab', { name: 'EST-lägesbild' }).click();
    await expect(page.getByLabel('Cykel').inputValue()).resolves.toBe('tertial');
    const periods = page.getByTestId('est-periods');
    await expect
      .poll(() => periods.textContent())
      .toContain('Nu: 2026-05-01 – 2026-08-31, jämförs med 2026-01-01 – 2026-04-30. Senaste data: 2026-10-31.');
    await expect(periods.textContent()).resolves.toContain(
      'Tertialen 2026-09-01 – 2026-12-31 är inte slut i datan (senaste data 2026-10-31), så den senaste hela visas.',
    );
    const changes = page.getByRole('table', { name: 'Förändring per kategori' });
    await expect(changes.locator('thead').textContent()).resolves.toContain(
      'Nu (2026-05-01 – 2026-08-31)Förra (2026-01-01 – 2026-04-30)',
    );
    const summary = page.getByTestId('est-summary');
    const text = (await summary.textContent())!;
    const total =
      /^Lägesbild för Klippan, 2026-05-01 – 2026-08-31 jämfört med 2026-01-01 – 2026-04-30: (\d[\d\s]*) händelser mot (\d[\d\s]*)/.exec(
        text,
      );
    expect(total, text).not.toBeNull();
    expect(number(total![1]!)).toBe(dbCount('Klippan', '2026-05-01', '2026-08-31'));
    expect(number(total![2]!)).toBe(dbCount('Klippan', '2026-01-01', '2026-04-30'));
    await screenshot(page, 'dashboard-est-standard');
    // The copied text is the one on screen, with both periods.
    await page.getByRole('button', { name: 'Kopiera sammanfattningen' }).click();
    await page.getByRole('button', { name: 'Kopierad' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(text);
    // The next test starts where a user would: on the first panel, whose dates can be chosen.
    await page.getByRole('tab', { name: 'Jämför kommuner' }).click();
    await allOfLpo(page);
  });

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
      .toMatch(
        /^Lägesbild för Svalöv, 2026-05-01 – 2026-08-31 jämfört med 2026-01-01 – 2026-04-30: \d+ händelser mot \d+/,
      );
    const total = number((await summary.textContent())!.match(/: (\d[\d\s]*) händelser/)![1]!);
    expect(total).toBe(dbCount('Svalöv', '2026-05-01', '2026-08-31'));
    await expect(
      page.getByRole('table', { name: 'Platser med flest händelser' }).getByRole('row').count(),
    ).resolves.toBeGreaterThan(1);
    await screenshot(page, 'dashboard-est');
    const changes = page.getByRole('table', { name: 'Förändring per kategori' });
    await drillDown(page, changes.getByRole('row').nth(1).getByRole('button').first());
    // Back from the register, the selection is as it was left (kommun, period, tab).
    await expect(page.getByLabel('Kommun', { exact: true }).locator('option:checked').textContent()).resolves.toBe(
      'Svalöv',
    );
    await expect(page.getByLabel('Till').inputValue()).resolves.toBe('2026-08-31');
    await page.getByRole('tab', { name: 'EST-lägesbild' }).click();
    await drillDown(page, changes.getByRole('row').nth(1).getByRole('button').nth(1));

    // A place's count opens the register on exactly that place's events in the cycle.
    await page.getByRole('tab', { name: 'EST-lägesbild' }).click();
    const places = page.getByRole('table', { name: 'Platser med flest händelser' });
    const top = places.getByRole('row').nth(1);
    const placeName = (await top.getByRole('rowheader').textContent())!.replace(/ ny$/, '').trim();
    await drillDown(page, top.getByRole('button'));
    await page.getByRole('tab', { name: 'EST-lägesbild' }).click();
    const db = s.host.workspace.db().read((r) => r.db);
    const atPlace = db
      .prepare(
        `SELECT count(*) FROM incident i JOIN kommun k ON k.id = i.kommun_id
         WHERE k.name = 'Svalöv' AND i.place_name = ? AND i.occurred_at >= ? AND i.occurred_at < ?`,
      )
      .pluck()
      .get(placeName, ...bounds('2026-05-01', '2026-08-31')) as number;
    expect(number(await places.getByRole('row').nth(1).getByRole('button').textContent()), placeName).toBe(atPlace);

    // The EST-lägesbild is saved as a view like the others and comes back with its kommun and cycle.
    await page.getByLabel('Cykel').selectOption('manad');
    await page.getByLabel('Namn på vyn').fill('EST Svalöv augusti 2026');
    await page.getByRole('button', { name: 'Spara vy' }).click();
    await page.getByRole('status').filter({ hasText: 'Vyn "EST Svalöv augusti 2026" är sparad.' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
    await page.getByLabel('Sparad vy').selectOption({ label: 'EST Svalöv augusti 2026 (EST-lägesbild)' });
    await expect(page.getByRole('tab', { name: 'EST-lägesbild' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByLabel('Cykel').inputValue()).resolves.toBe('manad');
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^Lägesbild för Svalöv, 2026-08-01 – 2026-08-31 jämfört med 2026-07-01 – 2026-07-31: /);
  });

  it('Förändring som diagram: z per par med gränserna ±1,96, en stapel öppnar sina händelser', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByRole('tab', { name: 'Förändring' }).click();
    await allOfLpo(page);
    await choosePeriod(page, '2026-05-01', '2026-08-31');
    const chart = page.getByTestId('change-chart');
    await chart.waitFor();
    const bars = chart.locator('.recharts-bar-rectangle');
    await expect.poll(() => bars.count()).toBeGreaterThan(3);
    // The first bar is the table's first row (largest |z|).
    const table = page.getByRole('table', { name: 'Förändring per kommun och kategori' });
    const first = number(await table.getByRole('row').nth(1).getByRole('button').first().textContent());
    await bars.first().locator('path').click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/handelser\?filter=/);
    await expect.poll(() => registerCount(page)).toBe(first);
    await page.goBack();
    await page.getByRole('tab', { name: 'Förändring' }).click();
    await chart.waitFor();
    await screenshot(page, 'dashboard-forandring-diagram');
  });

  it('Trend per kommun: en linje per kommun, varje cell öppnar just de händelserna', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByRole('tab', { name: 'Trend' }).click();
    await allOfLpo(page);
    await choosePeriod(page, '2025-11-01', '2026-10-31');
    await page.getByLabel('Tidsindelning').selectOption('month');
    await page.getByLabel('Linjer').selectOption('kommun');
    const table = page.getByRole('table', { name: 'Trend' });
    await expect.poll(() => table.locator('thead th').count()).toBe(6); // month + five kommuner
    await expect(page.locator('.recharts-line').count()).resolves.toBe(10); // each with last year, dashed
    const header = await table.locator('thead th').allTextContents();
    const col = header.indexOf('Klippan');
    expect(col).toBeGreaterThan(0);
    const cell = table
      .getByRole('row')
      .nth(4)
      .locator('td')
      .nth(col - 1)
      .getByRole('button');
    const month = (await table.getByRole('row').nth(4).getByRole('rowheader').textContent())!;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    expect(number(await cell.textContent())).toBe(dbCount('Klippan', `${month}-01`, last));
    await screenshot(page, 'dashboard-trend-kommun');
    await drillDown(page, cell);

    // In the chart, a click on Klippan's point that month opens Klippan's events of that month.
    await page.getByRole('tab', { name: 'Trend' }).click();
    const surface = page.locator('.recharts-surface').first();
    await surface.waitFor();
    const dots = page.locator('.recharts-active-dot');
    const box = (await page.locator('.recharts-cartesian-grid').first().boundingBox())!;
    const x = box.x + (box.width * 3) / 11; // the fourth of twelve months
    await page.mouse.move(x, box.y + box.height / 2);
    await expect.poll(() => dots.count()).toBe(5);
    const dot = (await dots
      .nth(col - 1)
      .locator('circle')
      .boundingBox())!;
    const expected = number(await cell.textContent());
    await page.mouse.click(dot.x + dot.width / 2, dot.y + dot.height / 2);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/handelser\?filter=/);
    expect(JSON.parse(decodeURIComponent(new URL(page.url()).hash.split('filter=')[1]!))).toMatchObject({
      kommunIds: [expect.any(Number)],
      fromDay: `${month}-01`,
      toDay: last,
    });
    await expect.poll(() => registerCount(page)).toBe(expected);
    await page.goBack();
  });

  it('Trygghetsmätning: år för år per kommun bredvid LPO:s eget värde, med svarande och källa', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByLabel('Lokalpolisområde').selectOption({ label: 'Kävlinge' });
    await page.getByRole('tab', { name: 'Trygghetsmätning' }).click();
    const table = page.getByRole('table', { name: 'Trygghetsmätning per år' });
    await table.waitFor();
    const lpoRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'LPO Kävlinge (hela)' }) });
    const header = await table.locator('thead th').allTextContents();
    const cellFor = (year: number) => lpoRow.locator('td').nth(header.indexOf(String(year)) - 1);
    // The real published figures, marked as such.
    await expect(cellFor(2017).textContent()).resolves.toBe('1,94 *');
    await expect(cellFor(2023).textContent()).resolves.toBe('1,54 *');
    await expect(page.locator('.recharts-line').count()).resolves.toBe(5); // LPO + four kommuner
    await table.getByRole('button', { name: '2023' }).click();
    const details = page.getByTestId('survey-year');
    const lpoDetails = details
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'LPO Kävlinge (hela)' }) });
    await expect(lpoDetails.textContent()).resolves.toMatch(
      /^LPO Kävlinge \(hela\)1,541\s514\s*56,1\s%Polisen Region Syd, trygghetsmätning 2023: publicerat totalindex$/,
    );
    await screenshot(page, 'dashboard-trygghet');
    // A share indicator: movements are tested, and the saved view keeps the indicator.
    await page.getByLabel('Indikator').selectOption('otrygg_kvall');
    await expect.poll(() => page.getByRole('table', { name: 'Senaste förändring' }).getByRole('row').count()).toBe(6);
    await page.getByLabel('Namn på vyn').fill('Otrygghet kväll Kävlinge');
    await page.getByRole('button', { name: 'Spara vy' }).click();
    await page.getByRole('status').filter({ hasText: 'är sparad' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
    await page.getByLabel('Sparad vy').selectOption({ label: 'Otrygghet kväll Kävlinge (Trygghetsmätning)' });
    await expect(page.getByLabel('Indikator').inputValue()).resolves.toBe('otrygg_kvall');
    await expect(page.getByLabel('Lokalpolisområde').inputValue()).resolves.not.toBe('');
  });

  it('varje panel vid 1440×900 och 1280×800: ingen tabell kapas utan tecken, diagrammen har namn och inget dolt fokus', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByRole('tab', { name: 'Jämför kommuner' }).click();
    await page.getByLabel('Lokalpolisområde').selectOption({ label: 'Klippan' });
    await allOfLpo(page);
    await choosePeriod(page, '2025-11-01', '2026-10-31');
    const panels = [
      ['Jämför kommuner', 'jamfor'],
      ['Förändring', 'forandring'],
      ['Trend', 'trend'],
      ['EST-lägesbild', 'est'],
      ['Trygghetsmätning', 'trygghet'],
    ] as const;
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const [name, id] of panels) {
        await page.getByRole('tab', { name }).click();
        const panel = page.getByTestId(`dashboard-${id}`);
        await panel.locator('table').first().waitFor();
        if (id !== 'est') await panel.locator('figure.chart').first().waitFor();
        // Run in the page (a string: the test's own TypeScript has no DOM types).
        const check = (await page.evaluate(`(() => {
          const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
          const hiddenFocus = [...document.querySelectorAll('[aria-hidden="true"]')].filter(
            (el) => el.matches(focusable) || el.querySelector(focusable),
          ).length;
          const unnamedCharts = [...document.querySelectorAll('figure.chart')].filter(
            (f) => !f.getAttribute('aria-label'),
          ).length;
          // A table wider than its box must sit in a sideways scroller that says so.
          const cut = [...document.querySelectorAll('.dashboard-panel table')].filter((t) => {
            const box = t.parentElement;
            if (t.scrollWidth <= box.clientWidth + 1 && t.getBoundingClientRect().right <= window.innerWidth) return false;
            const scroller = t.closest('.scroll-x');
            const hint = scroller && scroller.parentElement.querySelector('.scroll-x-hint');
            return !(scroller && hint && hint.offsetParent !== null);
          }).length;
          const pageOverflow = document.documentElement.scrollWidth > document.documentElement.clientWidth;
          return { hiddenFocus, unnamedCharts, cut, pageOverflow };
        })()`)) as { hiddenFocus: number; unnamedCharts: number; cut: number; pageOverflow: boolean };
        expect(check, `${name} ${width}×${height}`).toEqual({
          hiddenFocus: 0,
          unnamedCharts: 0,
          cut: 0,
          pageOverflow: false,
        });
        await screenshot(page, `dashboard-${id}-${width}x${height}`);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('Trend: förra året "saknas" där databasen inte når ett år bakåt, inte 0', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Lägesbild' }).click();
    await page.getByRole('tab', { name: 'Jämför kommuner' }).click();
    await allOfLpo(page);
    await choosePeriod(page, '2024-09-01', '2024-12-31');
    await page.getByRole('tab', { name: 'Trend' }).click();
    await page.getByLabel('Tidsindelning').selectOption('month');
    await page.getByLabel('Linjer').selectOption('summa');
    const table = page.getByRole('table', { name: 'Trend' });
    const lastYear = (month: string) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: month }) })
        .locator('td')
        .last();
    // The demo data begin on 1 November 2023: September and October 2023 have no data, November has.
    await expect.poll(() => lastYear('2024-09').textContent()).toBe('saknas');
    await expect(lastYear('2024-10').textContent()).resolves.toBe('saknas');
    await expect(lastYear('2024-11').textContent()).resolves.toMatch(/^\d[\d\s]*$/);
    await expect(page.getByText('”saknas”: databasen har inga uppgifter så långt tillbaka').count()).resolves.toBe(1);
    await screenshot(page, 'dashboard-trend-saknas');
  });
});

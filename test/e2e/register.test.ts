import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../src/shared/time';
import { columnTexts, launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('row-count').textContent()) ?? '';
  return /\d/.test(text) ? Number(text.replace(/\D/g, '')) : -1;
}

async function firstRowsLoaded(page: Page): Promise<void> {
  await page
    .locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="kommun"]')
    .filter({ hasText: /\S/ })
    .waitFor();
}

/**
 * What the grid's header says about the order: each sorted column with its direction (aria-sort and the
 * arrow drawn), and the sort number when one is shown.
 */
async function sortIndicators(page: Page): Promise<string[]> {
  return page.$$eval('.ag-header-cell', (cells) =>
    cells
      .filter((c) => (c.getAttribute('aria-sort') ?? 'none') !== 'none')
      .map((c) => {
        const seen = (sel: string) => {
          const el = c.querySelector(sel);
          return el !== null && el.checkVisibility() && (el.textContent ?? '').trim() !== '' ? el : null;
        };
        const arrow = c.querySelector('.ag-sort-ascending-icon')?.checkVisibility()
          ? '↑'
          : c.querySelector('.ag-sort-descending-icon')?.checkVisibility()
            ? '↓'
            : '(ingen pil)';
        const order = seen('.ag-sort-order');
        return [c.getAttribute('col-id'), c.getAttribute('aria-sort'), arrow, order?.textContent?.trim()]
          .filter(Boolean)
          .join(' ');
      }),
  );
}

/** The order of the rendered rows' times: 'asc', 'desc', or 'oordnad' (neither, or all equal). */
async function timeOrder(page: Page): Promise<string> {
  const t = await columnTexts(page, 'occurredAt');
  if (t.length < 5 || t[0] === t[t.length - 1]) return 'oordnad';
  if (t.every((x, i) => i === 0 || t[i - 1]! <= x)) return 'asc';
  if (t.every((x, i) => i === 0 || t[i - 1]! >= x)) return 'desc';
  return 'oordnad';
}

const POLL = { timeout: 15_000 };

async function withSession(fn: (s: Session) => Promise<void>): Promise<void> {
  const s = await openSession(browser);
  try {
    await fn(s);
  } finally {
    await s.close();
  }
}

function kommunId(s: Session, name: string): number {
  return s.host.workspace
    .db()
    .read((r) => r.reference)
    .kommuner()
    .find((k) => k.name === name)!.id;
}

describe('händelseregistret i webbläsaren', () => {
  it('visar exempeldatans händelser med antal och etikett', async () => {
    await withSession(async ({ page }) => {
      await firstRowsLoaded(page);
      await expect.poll(() => shownCount(page)).toBe(3000);
      await expect(page.getByTestId('demo-label').textContent()).resolves.toBe('Exempeldata');
      const kommuner = await columnTexts(page, 'kommun');
      expect(kommuner.length).toBeGreaterThan(10);
      expect(kommuner.every((k) => k.length > 0)).toBe(true);
      await screenshot(page, 'register');
    });
  });

  it('sorterar på kommun åt båda hållen', async () => {
    await withSession(async ({ page }) => {
      await firstRowsLoaded(page);
      const header = page.locator('.ag-header-cell[col-id="kommun"] .ag-header-cell-label');
      await header.click();
      await expect.poll(async () => (await columnTexts(page, 'kommun'))[0]).toBe('Bjuv');
      await header.click();
      await expect.poll(async () => (await columnTexts(page, 'kommun'))[0]).toBe('Staffanstorp');
    });
  });

  it('filtrerar på kommun och på fritext med rätt antal', async () => {
    await withSession(async (s) => {
      const { page } = s;
      await firstRowsLoaded(page);
      await page.getByRole('search').getByLabel('Kommun').selectOption({ label: 'Perstorp' });
      const expected = s.host.workspace
        .db()
        .read((r) => r.incidents)
        .count({ kommunIds: [kommunId(s, 'Perstorp')] });
      expect(expected).toBeGreaterThan(0);
      await expect.poll(() => shownCount(page)).toBe(expected);
      await expect.poll(async () => new Set(await columnTexts(page, 'kommun'))).toEqual(new Set(['Perstorp']));

      await page.getByRole('button', { name: 'Rensa filter' }).click();
      await expect.poll(() => shownCount(page)).toBe(3000);
      await page.getByRole('search').getByLabel('Sök i text').fill('Teckomatorp');
      const textCount = s.host.workspace
        .db()
        .read((r) => r.incidents)
        .count({ text: 'Teckomatorp' });
      expect(textCount).toBeGreaterThan(0);
      await expect.poll(() => shownCount(page)).toBe(textCount);
      await expect
        .poll(async () => (await columnTexts(page, 'placeName')).every((p) => p === 'Teckomatorp'))
        .toBe(true);
    });
  });

  it('skapar en händelse med validering och hittar den', async () => {
    await withSession(async ({ page }) => {
      await firstRowsLoaded(page);
      await page.getByRole('button', { name: 'Ny händelse' }).click();
      const form = page.getByRole('form', { name: 'Ny händelse' });
      await form.getByRole('button', { name: 'Spara' }).click();
      await page.getByText('Beskriv händelsen.').waitFor();
      await page.getByText('Välj en kommun.').waitFor();
      await expect(form.getByLabel('Beskrivning').getAttribute('aria-invalid')).resolves.toBe('true');

      await form.getByLabel('Källa').selectOption({ label: 'EST-rapport' });
      await form.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Skadegörelse' });
      await form.getByLabel('Underkategori').selectOption({ label: 'Klotter' });
      await form.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Klippan' });
      await form.getByLabel('Plats').fill('Klippans station');
      await form.getByLabel('Inträffade (svensk tid)').fill('2026-06-06T20:41');
      await form.getByLabel('Rapporterad (svensk tid)').fill('2026-06-07T08:15');
      await form.getByLabel('Beskrivning').fill('Zebrarandigt klotter på perrongens väntkur.');
      await form.getByLabel('Rapporterande organisation').fill('Fastighetsavdelningen');
      await form.getByRole('button', { name: 'Spara' }).click();
      const detail = page.getByTestId('detail-panel');
      await detail.getByText('Zebrarandigt klotter på perrongens väntkur.').waitFor();
      await detail.getByText('2026-06-06 20:41').waitFor();
      await screenshot(page, 'detail-panel');

      await page.getByRole('search').getByLabel('Sök i text').fill('zebrarandigt');
      await expect.poll(() => shownCount(page)).toBe(1);
      await detail.getByRole('button', { name: 'Stäng detaljer' }).click();
      await expect.poll(async () => (await columnTexts(page, 'description'))[0]).toContain('Zebrarandigt');
    });
  });

  it('redigerar en händelse', async () => {
    await withSession(async (s) => {
      const { page } = s;
      await firstRowsLoaded(page);
      // Keyboard only: focus a cell, Enter opens the detail panel.
      await page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="description"]').focus();
      await page.keyboard.press('Enter');
      const detail = page.getByTestId('detail-panel');
      await detail.waitFor();
      const id = Number(((await detail.locator('h2').textContent()) ?? '').replace(/\D/g, ''));
      expect(id).toBe(
        Number(await page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="id"]').textContent()),
      );
      await detail.getByRole('button', { name: 'Redigera' }).click();
      await page.getByLabel('Beskrivning').fill('Ändrad beskrivning efter kontroll på plats.');
      await page.getByLabel('Status').selectOption({ label: 'Åtgärdad' });
      await page.getByRole('button', { name: 'Spara' }).click();
      await detail.getByText('Ändrad beskrivning efter kontroll på plats.').waitFor();
      const stored = s.host.workspace
        .db()
        .read((r) => r.incidents)
        .get(id);
      expect(stored.description).toBe('Ändrad beskrivning efter kontroll på plats.');
      expect(stored.status).toBe('atgardad');
    });
  });

  it('tar bort efter bekräftelse och kan ångra', async () => {
    await withSession(async (s) => {
      const { page } = s;
      await firstRowsLoaded(page);
      await page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="description"]').click();
      const detail = page.getByTestId('detail-panel');
      const id = Number(((await detail.locator('h2').textContent()) ?? '').replace(/\D/g, ''));
      await detail.getByRole('button', { name: 'Ta bort' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
      expect(
        s.host.workspace
          .db()
          .read((r) => r.incidents)
          .count({}),
      ).toBe(3000);

      await detail.getByRole('button', { name: 'Ta bort' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
      await expect.poll(() => shownCount(page)).toBe(2999);
      expect(() =>
        s.host.workspace
          .db()
          .read((r) => r.incidents)
          .get(id),
      ).toThrow();

      await page.getByRole('button', { name: 'Ångra' }).click();
      await expect.poll(() => shownCount(page)).toBe(3000);
      expect(
        s.host.workspace
          .db()
          .read((r) => r.incidents)
          .get(id).id,
      ).toBe(id);
    });
  });

  it('exporterar filtrerad vy till CSV som går att läsa tillbaka', async () => {
    await withSession(async (s) => {
      const { page } = s;
      await firstRowsLoaded(page);
      await page.getByRole('search').getByLabel('Kommun').selectOption({ label: 'Lomma' });
      const expected = s.host.workspace
        .db()
        .read((r) => r.incidents)
        .count({ kommunIds: [kommunId(s, 'Lomma')] });
      await expect.poll(() => shownCount(page)).toBe(expected);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exportera CSV' }).click(),
      ]);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes
        .subarray(3)
        .toString('utf8')
        .split('\r\n')
        .filter((l) => l.length > 0);
      expect(lines[0]!.split(';').slice(0, 5)).toEqual(['Id', 'Inträffade', 'Rapporterad', 'LPO', 'Kommun']);
      expect(lines.length).toBe(expected + 1);
      const kommunCol = lines[0]!.split(';').indexOf('Kommun');
      expect(new Set(lines.slice(1).map((l) => l.split(';')[kommunCol]))).toEqual(new Set(['Lomma']));
    });
  });
  it('vänder sorteringen på Inträffade och tillbaka, och raderna följer med', async () => {
    await withSession(async (s) => {
      const { page } = s;
      await firstRowsLoaded(page);
      const [oldest, newest] = s.host.workspace
        .db()
        .read((r) => r.db)
        .prepare('SELECT min(occurred_at), max(occurred_at) FROM incident')
        .raw()
        .get() as [string, string];
      const header = page.locator('.ag-header-cell[col-id="occurredAt"] .ag-header-cell-label');
      const note = page.getByTestId('sort-note');
      await expect.poll(() => timeOrder(page), POLL).toBe('desc');
      expect(await sortIndicators(page)).toEqual(['occurredAt descending ↓']);
      expect((await columnTexts(page, 'occurredAt'))[0]).toBe(formatLocalDateTime(newest));

      // The four clicks: every click turns the order, and arrow, note and rows agree.
      for (const dir of ['asc', 'desc', 'asc', 'desc'] as const) {
        await header.click();
        await expect.poll(() => timeOrder(page), POLL).toBe(dir);
        expect(await sortIndicators(page)).toEqual([
          dir === 'asc' ? 'occurredAt ascending ↑' : 'occurredAt descending ↓',
        ]);
        expect((await columnTexts(page, 'occurredAt'))[0]).toBe(formatLocalDateTime(dir === 'asc' ? oldest : newest));
        await expect(note.textContent()).resolves.toBe(
          dir === 'asc' ? 'Ordning: Inträffade, äldst först' : 'Ordning: Inträffade, nyast först',
        );
      }
    });
  });

  it('en andra sorteringskolumn (skift-klick): pilar och nummer visar den ordning raderna kommer i', async () => {
    await withSession(async (s) => {
      const { page } = s;
      await firstRowsLoaded(page);
      // Core sorts kommun by its number in the register, then by time in the same direction.
      const rank = new Map(
        s.host.workspace
          .db()
          .read((r) => r.reference)
          .kommuner()
          .map((k) => [k.name, k.id]),
      );
      const rowOrder = async (): Promise<string> => {
        const kommuner = await columnTexts(page, 'kommun');
        const times = await columnTexts(page, 'occurredAt');
        const keys = kommuner.map((k, i) => [rank.get(k) ?? NaN, times[i]!] as const);
        if (keys.length < 5 || keys.some(([r]) => Number.isNaN(r))) return 'oordnad';
        const cmp = (a: (typeof keys)[number], b: (typeof keys)[number]) =>
          a[0] !== b[0] ? a[0] - b[0] : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
        if (keys.every((k, i) => i === 0 || cmp(keys[i - 1]!, k) <= 0)) return 'asc';
        if (keys.every((k, i) => i === 0 || cmp(keys[i - 1]!, k) >= 0)) return 'desc';
        return 'oordnad';
      };
      const kommun = page.locator('.ag-header-cell[col-id="kommun"] .ag-header-cell-label');

      await kommun.click({ modifiers: ['Shift'] });
      await expect.poll(() => sortIndicators(page), POLL).toEqual(['kommun ascending ↑']);
      await expect.poll(rowOrder, POLL).toBe('asc');
      await expect(page.getByTestId('sort-note').textContent()).resolves.toBe(
        'Ordning: Kommun (registrets ordning, inte alfabetisk), stigande, därefter Inträffade äldst först',
      );

      await kommun.click({ modifiers: ['Shift'] });
      await expect.poll(() => sortIndicators(page), POLL).toEqual(['kommun descending ↓']);
      await expect.poll(rowOrder, POLL).toBe('desc');

      // Back to time with a shift-click: one sorted column again, never two.
      await page.locator('.ag-header-cell[col-id="occurredAt"] .ag-header-cell-label').click({ modifiers: ['Shift'] });
      await expect.poll(() => sortIndicators(page), POLL).toEqual(['occurredAt descending ↓']);
      await expect.poll(() => timeOrder(page), POLL).toBe('desc');
    });
  });
});

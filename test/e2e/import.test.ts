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

const EVENTS = [
  {
    id: 9001,
    datetime: '2026-06-07 7:32:06 +02:00',
    name: '06 juni 20.41, Misshandel, Svalöv',
    summary: 'Teckomatorp, en man skadad.',
    url: '/aktuellt/handelser/2026/juni/6/9001/',
    type: 'Misshandel',
    location: { name: 'Svalöv', gps: '55.913,13.107' },
  },
  {
    id: 9002,
    datetime: '2026-06-07 2:01:00 +02:00',
    name: '07 juni 01.15, Rattfylleri, Lomma',
    summary: 'Bjärred, bilförare stoppad.',
    url: '/aktuellt/handelser/2026/juni/7/9002/',
    type: 'Rattfylleri',
    location: { name: 'Lomma', gps: '55.673,13.07' },
  },
  {
    id: 9003,
    datetime: '2026-06-07 6:10:00 +02:00',
    name: '07 juni 06.00, Sammanfattning natt, Skåne län',
    summary: 'Lugn natt.',
    url: '/aktuellt/handelser/2026/juni/7/9003/',
    type: 'Sammanfattning natt',
    location: { name: 'Skåne län', gps: '55.99,13.59' },
  },
  { id: 'trasig', name: 42 },
  {
    id: 9005,
    datetime: '2026-06-08 9:00:00 +02:00',
    name: '08 juni 08.30, Stöld, Klippan',
    summary: 'Cykel stulen vid stationen.',
    url: 'https://polisen.se/aktuellt/handelser/2026/juni/8/9005/',
    type: 'Stöld',
    location: { name: 'Klippan', gps: '56.134,13.131' },
  },
];

describe('import i webbläsaren', () => {
  it('förhandsgranskar, importerar, känner igen omimport och ångrar', async () => {
    const s = await openSession(browser, 1500);
    try {
      const { page } = s;
      const file = path.join(s.dataDir, 'handelser.json');
      fs.writeFileSync(file, JSON.stringify(EVENTS));
      const incidents = () =>
        s.host.workspace
          .db()
          .read((r) => r.incidents)
          .count({});

      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Fil', { exact: true }).fill(file);
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      const preview = page.getByTestId('import-preview');
      await preview.getByText('3 rader att importera · 1 hoppas över · 1 ogiltiga').waitFor();
      await preview.getByText(/^Rad 4: /).waitFor();
      await preview.getByText('Rad 3: Sammanfattning, inte en händelse').waitFor();
      const importButton = preview.getByRole('button', { name: 'Importera' });
      expect(await importButton.isDisabled()).toBe(true);
      await preview.getByLabel('Hoppa över ogiltiga rader').check();
      await screenshot(page, 'import-preview');
      await importButton.click();

      const report = page.getByTestId('import-report');
      await report.getByText('Tillagda 3 · uppdaterade 0 · dubbletter 0 · överhoppade 2').waitFor();
      expect(incidents()).toBe(1503);
      await page.getByTestId('import-log').getByText('handelser.json').waitFor();

      // The same file again: nothing new, the preview says so, and there is nothing to import (an import
      // of 0 rows would only leave a log entry whose undo removes nothing).
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.getByText('Den här filen är redan importerad.').waitFor();
      await preview
        .getByTestId('nothing-to-import')
        .getByText('Inget nytt att importera: alla 3 rader finns redan i databasen med samma innehåll.')
        .waitFor();
      await preview.getByLabel('Hoppa över ogiltiga rader').check();
      expect(await preview.getByRole('button', { name: 'Importera' }).isDisabled()).toBe(true);
      expect(incidents()).toBe(1503);

      // The register shows the imported event with its own time.
      await page.getByRole('link', { name: 'Händelser' }).click();
      await page.getByRole('search').getByLabel('Sök i text').fill('Teckomatorp skadad');
      await expect.poll(async () => (await page.getByTestId('row-count').textContent())?.replace(/\D/g, '')).toBe('1');

      await page.getByRole('link', { name: 'Import' }).click();
      const log = page.getByTestId('import-log');
      await log.getByRole('button', { name: 'Ångra denna import' }).last().click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ångra importen' }).click();
      await page.getByText(/^Import \d+ är ångrad: 3 tillagda rader borttagna\.$/).waitFor();
      expect(incidents()).toBe(1500);
      await screenshot(page, 'import-log');
    } finally {
      await s.close();
    }
  });

  it('läser in en trygghetsmätning som syns i Lägesbild och kan ångras', async () => {
    const s = await openSession(browser, 500);
    try {
      const { page } = s;
      const file = path.join(s.dataDir, 'trygghet-2026.csv');
      fs.writeFileSync(
        file,
        'År;Område;Indikator;Värde;Svarande;Utskick\r\n2026;Klippan;Nedskräpning;2,95;301;600\r\n2026;LPO Klippan;Nedskräpning;2,40;1 480;3 000\r\n2026;Malmö;Nedskräpning;2,1;;\r\n',
      );
      const value = () =>
        s.host.workspace
          .db()
          .read((r) => r.db)
          .prepare(
            "SELECT value || '/' || respondents || '/' || response_rate FROM survey_result s JOIN kommun k ON k.id = s.kommun_id WHERE k.name = 'Klippan' AND year = 2026 AND indicator = 'nedskrapning'",
          )
          .pluck()
          .get();
      await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Fil', { exact: true }).fill(file);
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      const preview = page.getByTestId('import-preview');
      await preview.getByText(/Trygghetsmätning \(CSV\/Excel\) · 2 rader att importera · 1 hoppas över/).waitFor();
      await preview.getByText('Rad 4: Malmö finns inte i databasen').waitFor();
      await preview.getByRole('button', { name: 'Importera' }).click();
      await page
        .getByTestId('import-report')
        .getByText('Tillagda 2 · uppdaterade 0 · dubbletter 0 · överhoppade 1')
        .waitFor();
      expect(value()).toBe('2.95/301/50.2');

      await page.getByRole('link', { name: 'Lägesbild' }).click();
      await page.getByRole('tab', { name: 'Trygghetsmätning' }).click();
      await page.getByLabel('Indikator').selectOption('nedskrapning');
      const table = page.getByRole('table', { name: 'Trygghetsmätning per år' });
      const klippan = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Klippan', exact: true }) });
      await expect.poll(() => klippan.locator('td').last().textContent()).toBe('2,95 *');
      await table.getByRole('button', { name: '2026' }).click();
      await expect(
        page
          .getByTestId('survey-year')
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: 'Klippan', exact: true }) })
          .textContent(),
      ).resolves.toMatch(/^Klippan2,95301\s*50,2\s%Import av trygghet-2026\.csv$/);

      await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
      await page.getByTestId('import-log').getByRole('button', { name: 'Ångra denna import' }).first().click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ångra importen' }).click();
      await page.getByText(/^Import \d+ är ångrad: 2 tillagda rader borttagna\.$/).waitFor();
      expect(value()).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('vägrar en trasig fil med ett meddelande som säger var felet sitter', async () => {
    const s = await openSession(browser, 500);
    try {
      const { page } = s;
      const file = path.join(s.dataDir, 'avbruten.json');
      fs.writeFileSync(file, '[{"id": 1, "name": "06 ju');
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Fil', { exact: true }).fill(file);
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /rad 1, kolumn/ })
        .waitFor();
      expect(
        s.host.workspace
          .db()
          .read((r) => r.incidents)
          .count({}),
      ).toBe(500);
    } finally {
      await s.close();
    }
  });

  it('kopplar kolumner i ett eget kalkylark och importerar det', async () => {
    const s = await openSession(browser, 500);
    try {
      const { page } = s;
      const file = path.join(s.dataDir, 'egen-lista.csv');
      fs.writeFileSync(
        file,
        'När;Var;Vad;Text\r\n2026-05-02 22:15;Perstorp;Klotter;Tag på skolans gavel\r\n2026-05-03 08:00;Bjuv;Nedskräpning;Soptunnor vältade\r\n',
      );
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Fil', { exact: true }).fill(file);
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      const mapping = page.getByTestId('mapping');
      await mapping.getByText(/Välj en kolumn för: .*Tidpunkt/).waitFor();
      const importButton = page.getByTestId('import-preview').getByRole('button', { name: 'Importera' });
      expect(await importButton.isDisabled()).toBe(true);
      for (const [label, column] of [
        ['Tidpunkt (obligatoriskt)', 'När'],
        ['Kommun (obligatoriskt)', 'Var'],
        ['Kategori (obligatoriskt)', 'Vad'],
        ['Beskrivning (obligatoriskt)', 'Text'],
      ] as const) {
        await mapping.getByLabel(label, { exact: true }).selectOption(column);
      }
      await page.getByText('2 rader att importera · 0 hoppas över · 0 ogiltiga').waitFor();
      await page.getByRole('cell', { name: 'Tag på skolans gavel' }).waitFor();
      await screenshot(page, 'import-mapping');
      await importButton.click();
      await page.getByTestId('import-report').getByText('Tillagda 2').waitFor();
      expect(
        s.host.workspace
          .db()
          .read((r) => r.incidents)
          .count({ sources: ['est'], text: 'skolans gavel' }),
      ).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('en fil som kan vara avkortad importeras först när varningen bekräftats', async () => {
    const s = await openSession(browser, 500);
    try {
      const { page } = s;
      // SCB's figures without quotes, cut in Klippan's 2024 population (17 714 → 177), no line ending.
      const file = path.join(s.dataDir, 'folkmangd.csv');
      fs.copyFileSync(path.join(__dirname, '../fixtures/imports/scb-semikolon-avkortad.csv'), file);
      const klippan2024 = () =>
        s.host.workspace
          .db()
          .read((r) => r.db)
          .prepare(
            "SELECT p.population FROM population p JOIN kommun k ON k.id = p.kommun_id WHERE k.name = 'Klippan' AND p.year = 2024",
          )
          .pluck()
          .get();
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Fil', { exact: true }).fill(file);
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      const preview = page.getByTestId('import-preview');
      const warnings = preview.getByTestId('confirm-warnings');
      await warnings.getByRole('heading', { name: 'Kontrollera filen innan du importerar' }).waitFor();
      await warnings.getByText(/^Rad 12 är filens sista och slutar utan radbrytning, och talet "177"/).waitFor();
      await warnings.getByText(/^Rad 12: folkmängden för Klippan minskar med mer än hälften/).waitFor();
      const importButton = preview.getByRole('button', { name: 'Importera' });
      expect(await importButton.isDisabled()).toBe(true);
      await screenshot(page, 'import-confirm-warnings');

      const confirm = warnings.getByLabel('Jag har kontrollerat varningarna och vill importera filen ändå');
      await confirm.check();
      await expect.poll(() => importButton.isEnabled()).toBe(true);
      await confirm.uncheck();
      expect(await importButton.isDisabled()).toBe(true);
      expect(klippan2024()).toBe(17714);

      await confirm.check();
      await importButton.click();
      await page
        .getByTestId('import-report')
        .getByText(/^Tillagda 1 · uppdaterade 1/)
        .waitFor();
      expect(klippan2024()).toBe(177);

      // The undo says what it did: one row taken away, one put back as it was.
      await page.getByTestId('import-log').getByRole('button', { name: 'Ångra denna import' }).first().click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ångra importen' }).click();
      await page.getByText(/^Import \d+ är ångrad: 1 tillagd rad borttagen, 1 ändrad rad återställd\.$/).waitFor();
      expect(klippan2024()).toBe(17714);
    } finally {
      await s.close();
    }
  });

  it('visar en mapp som ett svenskt fel som namnger den, inte systemets engelska', async () => {
    const s = await openSession(browser, 500);
    try {
      const { page } = s;
      const dir = path.join(s.dataDir, 'exporter');
      fs.mkdirSync(dir);
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Fil', { exact: true }).fill(dir);
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'är en mapp, inte en fil' });
      await alert.waitFor();
      expect(await alert.textContent()).toBe(`"${dir}" är en mapp, inte en fil. Välj filen som ska importeras.`);
    } finally {
      await s.close();
    }
  });

  it('visar framsteg och kan avbryta en stor import utan att något ändras', async () => {
    const s = await openSession(browser, 500);
    try {
      const { page } = s;
      const kommuner = ['Klippan', 'Svalöv', 'Lomma', 'Bjuv'];
      const events = Array.from({ length: 40_000 }, (_, i) => ({
        id: 500_000 + i,
        datetime: '2026-05-10 12:00:00 +02:00',
        name: `10 maj 10.${String(i % 60).padStart(2, '0')}, Stöld, ${kommuner[i % 4]}`,
        summary: `Stöld ${i}.`,
        url: `/aktuellt/handelser/${500_000 + i}/`,
        type: 'Stöld',
        location: { name: kommuner[i % 4], gps: '56.0,13.1' },
      }));
      const file = path.join(s.dataDir, 'stor.json');
      fs.writeFileSync(file, JSON.stringify(events));
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Fil', { exact: true }).fill(file);
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.getByText('40 000 rader att importera').waitFor();
      await page.getByTestId('import-preview').getByRole('button', { name: 'Importera' }).click();
      await page.getByRole('button', { name: 'Avbryt import' }).click();
      await page.getByRole('status').filter({ hasText: 'Importen avbröts. Inget har ändrats.' }).waitFor();
      expect(
        s.host.workspace
          .db()
          .read((r) => r.incidents)
          .count({}),
      ).toBe(500);
      expect(
        s.host.workspace
          .db()
          .read((r) => r.db)
          .prepare('SELECT count(*) FROM import_log')
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      await s.close();
    }
  });
});

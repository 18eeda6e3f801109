/**
 * The lägesbild's maps (issue 14, "Reports") on the demo database: the choropleth's table against
 * `dashboards.compare` for the same kommuner and period, the place map's "Bara kommunen som plats" against
 * the register (`incidents.page` with `location: 'kommun'`), the note's N equal to that cell; the printed
 * HTML draws each map as a static SVG with a title, the attribution and the note; the .docx has each map as
 * a PNG (screenshotted by the real printer, as the charts are) with the attribution and notes as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/core/reports/docx';
import { createChromiumPrinter, type ChromiumPrinter } from '../../src/host/printer';
import { renderReportHtml } from '../../src/print';
import type { CompareResult } from '../../src/shared/dashboards';
import type { IncidentFilter } from '../../src/shared/domain';
import { formatDecimal1, formatInteger } from '../../src/shared/format';
import { BOUNDARY_ATTRIBUTION } from '../../src/shared/maps/boundaries';
import type { Figure, ReportDocument, ReportSelection } from '../../src/shared/report';
import {
  KARTA_KOMMUNER,
  KARTA_PLATSER,
  KARTA_TOP_PLACES,
  ROW_ALL,
  ROW_KOMMUN_ONLY,
  ROW_OTHER_PLACES,
  ROW_WITHOUT_POSITION,
} from '../../src/core/reports/templates/lagesbild-karta';
import { unzip, zipText } from '../helpers/report-doc-fixture';
import { allBlocks, buildFor, demoWorkspace, figure } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';

const PERIOD = { from: '2026-01-01', to: '2026-12-31' } as const;
const KOMMUN: ReportSelection = {
  template: 'lagesbild',
  area: { kind: 'kommun', kommunCode: '1276' },
  ...PERIOD,
};
const LPO: ReportSelection = { template: 'lagesbild', area: { kind: 'lpo', lpo: 'Klippan' }, ...PERIOD };
/** The .docx's map images, written to be looked at. */
const OUT = path.resolve(__dirname, '../../test-results/report-maps-docx');
const NOTE_TAIL = 'har bara kommunen som plats och visas inte som punkter.';

let t: TestWorkspace;
let klippan: number;
let lpoKlippan: number;
let lpoKommuner: number[];
let kommunDoc: ReportDocument;
let lpoDoc: ReportDocument;
const names = new Map<number, string>();

beforeAll(async () => {
  t = await demoWorkspace();
  klippan = t.one<number>("SELECT id FROM kommun WHERE scb_code = '1276'");
  lpoKlippan = t.one<number>("SELECT id FROM lpo WHERE name = 'Klippan'");
  lpoKommuner = t.ws
    .db()
    .read((r) => r.reference.kommuner())
    .filter((k) => k.lpoId === lpoKlippan)
    .map((k) => k.id);
  for (const k of t.ws.db().read((r) => r.reference.kommuner())) names.set(k.id, k.name);
  kommunDoc = buildFor(t, KOMMUN);
  lpoDoc = buildFor(t, LPO);
}, 120_000);
afterAll(() => t.close());

const registerCount = async (filter: IncidentFilter): Promise<number> =>
  (await t.call('incidents.page', { filter, startRow: 0, endRow: 1 })).total;

function cell(f: Figure, heading: string, column: string): string {
  const row = f.table.rows.find((r) => r[0] === heading || r[0]!.startsWith(`${heading} (`));
  if (!row) throw new Error(`${f.id}: ingen rad "${heading}" (finns: ${f.table.rows.map((r) => r[0]).join(', ')})`);
  return row[f.table.head.indexOf(column)]!;
}

/** Every kommun of the compare result has its row with the same numbers, and nothing else is listed. */
function expectCompareTable(f: Figure, res: CompareResult) {
  expect(f.table.head).toEqual(['Kommun', 'Händelser', 'Folkmängd (år)', 'Per 1 000 inv.']);
  expect(f.table.rows).toHaveLength(res.rows.length);
  expect(res.rows.length).toBeGreaterThan(1);
  for (const r of res.rows) {
    const name = names.get(r.kommunId)!;
    expect(cell(f, name, 'Händelser')).toBe(formatInteger(r.total));
    expect(cell(f, name, 'Per 1 000 inv.')).toBe(r.per1000 === null ? 'saknas' : formatDecimal1(r.per1000));
    expect(cell(f, name, 'Folkmängd (år)')).toBe(`${formatInteger(r.population!)} (${r.populationYear})`);
    // The map colours each of them and names it in its hover text (the same numbers).
    const area = f.map!.areas.find((a) => a.kommunId === r.kommunId)!;
    expect(area.focus).toBe(true);
    expect(area.label).toContain(`${formatInteger(r.total)} händelser`);
  }
  expect(f.map!.attribution).toBe(BOUNDARY_ATTRIBUTION);
}

describe('lägesbildens kartor', () => {
  it('finns i dokumentet med stabila id:n och kartans rubrik', () => {
    for (const doc of [kommunDoc, lpoDoc]) {
      const ids = allBlocks(doc).flatMap((b) => (b.kind === 'figure' && b.map ? [b.id] : []));
      expect(ids).toEqual([KARTA_KOMMUNER, KARTA_PLATSER]);
      expect(figure(doc, KARTA_KOMMUNER).caption).toBe(
        'Karta: händelser per 1 000 invånare per kommun, 1 januari–31 december 2026',
      );
      expect(figure(doc, KARTA_PLATSER).caption).toBe('Karta: platser med händelser, 1 januari–31 december 2026');
      expect(figure(doc, KARTA_PLATSER).map!.symbols!.length).toBeGreaterThan(0);
    }
    // Left out by the user's "Ta med": gone.
    const without = buildFor(t, KOMMUN, { omitted: [KARTA_KOMMUNER, KARTA_PLATSER] });
    expect(allBlocks(without).some((b) => b.kind === 'figure' && b.map)).toBe(false);
  });

  it('koropletens tabell har samma tal som dashboards.compare (kommunens LPO; LPO:ns kommuner)', async () => {
    const filter = { fromDay: PERIOD.from, toDay: PERIOD.to };
    const forKommun = await t.call('dashboards.compare', { filter: { ...filter, lpoIds: [lpoKlippan] } });
    expectCompareTable(figure(kommunDoc, KARTA_KOMMUNER), forKommun);
    expect(figure(kommunDoc, KARTA_KOMMUNER).table.rows.filter((r) => r[0]!.endsWith('(denna kommun)'))).toEqual([
      expect.arrayContaining([`${names.get(klippan)} (denna kommun)`]),
    ]);
    const forLpo = await t.call('dashboards.compare', {
      filter: { ...filter, kommunIds: lpoKommuner },
    });
    expectCompareTable(figure(lpoDoc, KARTA_KOMMUNER), forLpo);
  });

  it('"Bara kommunen som plats" är registrets antal, och notens N är den cellen', async () => {
    for (const [doc, kommunIds] of [
      [kommunDoc, [klippan]],
      [lpoDoc, lpoKommuner],
    ] as const) {
      const f = figure(doc, KARTA_PLATSER);
      const filter: IncidentFilter = { kommunIds: [...kommunIds], fromDay: PERIOD.from, toDay: PERIOD.to };
      const kommunOnly = await registerCount({ ...filter, location: 'kommun' });
      expect(kommunOnly).toBeGreaterThan(0);
      const n = cell(f, ROW_KOMMUN_ONLY, 'Händelser');
      expect(n).toBe(formatInteger(kommunOnly));
      expect(f.map!.notes[0]).toBe(`${n} händelser ${NOTE_TAIL}`);

      // Every incident of the selection is in exactly one row (drawn places, the rest, the kinds not drawn).
      expect(cell(f, ROW_ALL, 'Händelser')).toBe(formatInteger(await registerCount(filter)));
      const data = await t.call('maps.places', {
        filter: { kommunIds: [...kommunIds], fromDay: PERIOD.from, toDay: PERIOD.to },
      });
      const atPlaces = await registerCount({ ...filter, location: 'plats' });
      const num = (s: string) => Number(s.replace(/\D/g, ''));
      const placeRows = f.table.rows.filter((r) => r[1] !== '' || r[0]!.startsWith(ROW_OTHER_PLACES));
      const withoutPosition = f.table.rows.find((r) => r[0] === ROW_WITHOUT_POSITION);
      expect(placeRows.reduce((s, r) => s + num(r[2]!), 0) + (withoutPosition ? num(withoutPosition[2]!) : 0)).toBe(
        atPlaces,
      );
      // Each place once (its incidents in one count), largest first.
      expect(new Set(data.places.map((p) => p.placeId)).size).toBe(data.places.length);
      // The top places by name, then the rest in one row.
      const named = f.table.rows.slice(0, Math.min(KARTA_TOP_PLACES, data.places.length));
      expect(named.map((r) => r[0])).toEqual(
        data.places.slice(0, KARTA_TOP_PLACES).map((p, i) => `${i + 1}. ${p.name}`),
      );
      // Each named place has its number beside its circle (drawn after all circles); the rest none.
      for (const [i, p] of data.places.entries()) {
        const circle = f.map!.symbols!.find((s) => s.key === String(p.placeId))!;
        const nr = f.map!.symbols!.find((s) => s.key === `${p.placeId}-nr`);
        expect(nr?.text).toBe(i < KARTA_TOP_PLACES ? String(i + 1) : undefined);
        if (nr) expect(Math.hypot(nr.x - circle.x, nr.y - circle.y)).toBeLessThan(circle.r + 25);
      }
      expect(f.table.rows.some((r) => r[0]!.startsWith(ROW_OTHER_PLACES))).toBe(data.places.length > KARTA_TOP_PLACES);
    }
  });

  it('utskriften ritar kartorna som SVG (role=img, title, desc) med källa och noten', () => {
    const html = renderReportHtml(kommunDoc, { fontFaces: [] });
    for (const id of [KARTA_KOMMUNER, KARTA_PLATSER]) {
      const f = figure(kommunDoc, id);
      const start = html.indexOf(`id="figur-${id}"`);
      expect(start).toBeGreaterThan(-1);
      const part = html.slice(start, html.indexOf('</figure>', start));
      const svg = /<svg class="map-svg"[^>]*>/.exec(part)?.[0] ?? '';
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`aria-labelledby="map-${id}-title"`);
      expect(part).toContain(`<title id="map-${id}-title">${f.caption}</title>`);
      expect(part).toMatch(new RegExp(`<desc id="map-${id}-desc">[^<]+</desc>`));
      // The attribution inside the SVG and under it; the legend as HTML; no raster image.
      expect(part.split(BOUNDARY_ATTRIBUTION).length - 1).toBe(2);
      expect(part).toContain('class="map-legend"');
      expect(part).not.toContain('<img');
      expect(part).toContain(`Tabell: ${f.caption.replace(/^Karta: (.)/, (_, c: string) => c.toUpperCase())}`);
    }
    const places = html.slice(html.indexOf('id="figur-karta-platser"'));
    const n = cell(figure(kommunDoc, KARTA_PLATSER), ROW_KOMMUN_ONLY, 'Händelser');
    expect(places.slice(0, places.indexOf('</figure>'))).toContain(`${n} händelser ${NOTE_TAIL}`);
  });

  describe('Word', () => {
    let printer: ChromiumPrinter;
    beforeAll(() => {
      fs.mkdirSync(OUT, { recursive: true });
      printer = createChromiumPrinter();
    });
    afterAll(async () => {
      await printer.close();
    });

    it('har varje karta som PNG-bild, förklaringen och källan som text, och tabellen', async () => {
      const images = await printer.chartImages(kommunDoc);
      const files = unzip(await renderDocx(kommunDoc, images));
      const xml = zipText(files, 'word/document.xml');
      const media = [...files.keys()].filter((k) => k.startsWith('word/media/'));
      for (const id of [KARTA_KOMMUNER, KARTA_PLATSER]) {
        const png = images.get(id);
        expect(png, id).toBeDefined();
        // A real screenshot of the map: a PNG about as wide as the column (at 2×), not a blank box.
        const view = Buffer.from(png!);
        fs.writeFileSync(path.join(OUT, `${id}.png`), view);
        expect(view.subarray(1, 4).toString()).toBe('PNG');
        expect(view.readUInt32BE(16)).toBeGreaterThan(1000);
        expect(media.some((m) => m.endsWith('.png') && Buffer.from(files.get(m)!).equals(view))).toBe(true);
        const f = figure(kommunDoc, id);
        expect(xml).toContain(`descr="${f.alt!}"`);
        expect(xml).toContain(f.caption);
        expect(xml).toContain(f.map!.legendTitle);
      }
      expect(xml).toContain(BOUNDARY_ATTRIBUTION);
      const n = cell(figure(kommunDoc, KARTA_PLATSER), ROW_KOMMUN_ONLY, 'Händelser');
      expect(xml).toContain(`${n} händelser ${NOTE_TAIL}`);
      expect(xml).toContain('Tabell: Platser med händelser');
    }, 120_000);
  });
});

/**
 * Property tests for the incident spreadsheet parser: random tables and mappings never throw anything but
 * AppError('validation'), every row that comes out is a valid incident, and valid rows read the same from
 * CSV and xlsx. Examples and exact messages are in import-incidents.test.ts.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_KOMMUNER } from '../../src/core/demo/geography';
import {
  FIELD_LABELS,
  parseIncidents,
  readTable,
  suggestMapping,
  type ColumnMapping,
} from '../../src/core/imports/incidents';
import type { KommunRef, ParseContext } from '../../src/core/imports/types';
import type { Source } from '../../src/shared/domain';
import { AppError } from '../../src/shared/errors';
import { incidentInputSchema } from '../../src/shared/schemas';
import { localToUtc } from '../../src/shared/time';

const KOMMUNER: KommunRef[] = DEMO_KOMMUNER.map((k, i) => ({ id: i + 1, name: k.name, scbCode: k.scbCode }));
const ctx: ParseContext = { kommuner: KOMMUNER };
const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  rows.forEach((cells, r) => (ws.getRow(r + 1).values = cells as ExcelJS.CellValue[]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const int = (min: number, max: number) => fc.integer({ min, max });
const pad = (n: number) => String(n).padStart(2, '0');

describe('egenskaper', () => {
  const FIELDS = Object.keys(FIELD_LABELS) as (keyof ColumnMapping)[];
  /** Per header: values that are (mostly) valid for it, so that random rows are often importable. */
  const GOOD: Record<string, string> = {
    Datum: '2025-06-07 21:30|2025-03-30 02:30|7/6/2025|07.06.2025 21.30|2025-06-07T21:30|2099-01-01|2025-02-30',
    Tid: '||21:30|21.30|9:05|25:00',
    Kommun: 'Klippan|Lomma kommun|1276|Malmö',
    Kategori: 'Klotter|Brand|skadegorelse|Misshandel|Samling i trapphus|Fyrverkerier',
    Underkategori: 'Glaskross|Belysning|',
    Beskrivning: `Klotter på vägg|a;b|"citat"|rad 1\nrad 2|${'x'.repeat(250)}`,
    Plats: 'Storgatan 1||Hjärup',
    Latitud: '56,13|55.6||-|91',
    Longitud: '13,1||abc',
    Källa: 'Tips|EST||Brevduva',
    Status: 'Ny|Åtgärdad||Klar',
    Id: 'A1||A2',
    Rapporterad: '2025-06-08 10:00||2025-06-01',
  };
  const text = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.constantFrom('"', ';', ',', '\t', '\n', '\r\n', '""', ' ', 'Datum', 'Klippan', 'Klotter'),
  );
  const cell = (h: string) =>
    Object.hasOwn(GOOD, h)
      ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...GOOD[h]!.split('|')) }, { weight: 1, arbitrary: text })
      : text;
  const quote = (s: string) => (/[";,\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const required = ['Datum', 'Kommun', 'Kategori', 'Beskrivning'];
  const header = fc.oneof(
    { weight: 3, arbitrary: fc.shuffledSubarray(Object.keys(GOOD)).map((h) => [...new Set([...required, ...h])]) },
    fc.array(fc.oneof(text, fc.constantFrom(...Object.keys(GOOD))), { minLength: 1, maxLength: 6 }),
  );
  const csvFile = fc
    .record({
      rows: header.chain((h) =>
        fc.array(fc.tuple(...h.map(cell)), { maxLength: 8 }).map((rows) => [h, ...rows] as string[][]),
      ),
      sep: fc.constantFrom(';', ',', '\t'),
      eol: fc.constantFrom('\r\n', '\n'),
      quoted: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      encoding: fc.constantFrom('utf8', 'bom', 'latin1'),
    })
    .map(({ rows, sep, eol, quoted, encoding }) => {
      const body = rows.map((r) => r.map((c) => (quoted ? quote(c) : c)).join(sep)).join(eol);
      if (encoding === 'latin1') return new Uint8Array(Buffer.from(body, 'latin1'));
      return utf8(encoding === 'bom' ? `\uFEFF${body}` : body);
    });
  /** Per field: keep the suggested column (-3), none (-2), a header that does not exist (-1) or column n. */
  const pick = fc.oneof(
    { weight: 15, arbitrary: fc.constant(-3) },
    { weight: 1, arbitrary: fc.integer({ min: -2, max: 12 }) },
  );
  const picks = fc.array(pick, { minLength: FIELDS.length, maxLength: FIELDS.length });
  const mappingFrom = (header: string[], choice: number[]) => {
    const suggested = suggestMapping(header);
    const mapping: Record<string, string | undefined> = {};
    FIELDS.forEach((f, i) => {
      const c = choice[i]!;
      mapping[f] = c === -3 ? suggested[f] : c === -2 ? undefined : c === -1 ? 'Saknas' : header[c % header.length];
    });
    return mapping as unknown as ColumnMapping;
  };

  /** Only AppError('validation') may escape, and every row that comes out is a valid incident. */
  async function check(bytes: Uint8Array, name: string, choice: number[], source: Source) {
    try {
      const table = await readTable(bytes, name);
      const result = parseIncidents(table, mappingFrom(table.header, choice), ctx, { source });
      for (const { value } of result.rows) {
        expect(incidentInputSchema.safeParse(value).success).toBe(true);
        expect(value.sourceRef).toMatch(/\S/);
      }
      // Row reasons are phrases naming a column, without a closing full stop.
      for (const { reason } of [...result.invalid, ...result.skipped])
        expect(reason).toMatch(/^(Kolumn|Raden).*[^.]$/s);
      expect(result.rows.length + result.skipped.length + result.invalid.length).toBe(table.rows.length);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
    }
  }

  it('slumpade tabeller och mappningar: bara AppError, och varje rad klarar schemat', async () => {
    const source = fc.constantFrom<Source>('est', 'tips', 'felanmalan');
    await fc.assert(
      fc.asyncProperty(csvFile, picks, source, (bytes, choice, s) => check(bytes, 'lista.csv', choice, s)),
      { numRuns: 400 },
    );
    const junk = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 60 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
    );
    await fc.assert(
      fc.asyncProperty(junk, fc.constantFrom('a.csv', 'a.xlsx'), picks, (bytes, name, choice) =>
        check(bytes, name, choice, 'est'),
      ),
      { numRuns: 200 },
    );
  });

  it('giltiga rader blir samma händelser från CSV och xlsx, med rätt UTC-tid', async () => {
    const entry = fc.record({
      at: fc.oneof(
        { weight: 9, arbitrary: fc.tuple(int(2000, 2024), int(0, 11), int(1, 28), int(0, 23), int(0, 59)) },
        // Spring forward (02:30 does not exist) and fall back (02:30 happens twice).
        fc.constantFrom([2024, 2, 31, 2, 30], [2019, 2, 31, 2, 0], [2024, 9, 27, 2, 30], [2024, 9, 27, 3, 0]),
      ),
      format: fc.constantFrom('iso', 'T', 'dotted', 'slashed'),
      kommun: fc.constantFrom(...KOMMUNER),
      category: fc.constantFrom('Klotter', 'Skadegörelse', 'Misshandel', 'otrygg_plats', 'Samling i källare'),
      text: fc.string({ unit: fc.constantFrom('a', 'ö', ' ', ';', ',', '"', '\n'), maxLength: 12 }).map((s) => `x${s}`),
      position: fc.option(
        fc.tuple(fc.double({ min: 55, max: 69, noNaN: true }), fc.double({ min: 10, max: 24, noNaN: true })),
      ),
    });
    const header = ['Datum', 'Kommun', 'Kategori', 'Beskrivning', 'Latitud', 'Longitud'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(';', ',', '\t'),
        async (entries, sep) => {
          const num = (n: number | undefined) => (n === undefined ? '' : quote(String(n).replace('.', ',')));
          const csv = [
            header.join(sep),
            ...entries.map(({ at: [y, m, d, h, mi], format, kommun, category, text: t, position: p }) =>
              [
                {
                  iso: `${y}-${pad(m + 1)}-${pad(d)} ${pad(h)}:${pad(mi)}`,
                  T: `${y}-${pad(m + 1)}-${pad(d)}T${pad(h)}:${pad(mi)}`,
                  dotted: `${pad(d)}.${pad(m + 1)}.${y} ${pad(h)}.${pad(mi)}`,
                  slashed: `${d}/${m + 1}/${y} ${h}:${pad(mi)}`,
                }[format],
                kommun.name,
                category,
                quote(t),
                num(p?.[0]),
                num(p?.[1]),
              ].join(sep),
            ),
          ].join('\r\n');
          const book = await xlsx([
            header,
            ...entries.map(({ at: [y, m, d, h, mi], kommun, category, text: t, position: p }) => [
              new Date(Date.UTC(y, m, d, h, mi)),
              kommun.name,
              category,
              t,
              p?.[0] ?? null,
              p?.[1] ?? null,
            ]),
          ]);
          const parse = async (bytes: Uint8Array, name: string) => {
            const table = await readTable(bytes, name);
            return parseIncidents(table, suggestMapping(table.header) as ColumnMapping, ctx, { source: 'est' });
          };
          const [fromCsv, fromXlsx] = [await parse(utf8(csv), 'a.csv'), await parse(book, 'a.xlsx')];
          expect(fromXlsx.rows.map((r) => r.value)).toEqual(fromCsv.rows.map((r) => r.value));
          expect(fromXlsx.invalid.map((r) => r.reason)).toEqual(fromCsv.invalid.map((r) => r.reason));
          const expected = entries.map(({ at: [y, m, d, h, mi] }) =>
            localToUtc(`${y}-${pad(m + 1)}-${pad(d)} ${pad(h)}:${pad(mi)}`),
          );
          expect(fromCsv.rows.map((r) => r.value.occurredAt)).toEqual(expected.filter((x) => x !== null));
          expect(fromCsv.invalid).toHaveLength(expected.filter((x) => x === null).length);
          for (const { value } of fromCsv.rows) expect(value.sourceRef).toMatch(/^[0-9a-f]{32}$/);
        },
      ),
      { numRuns: 60 },
    );
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_KOMMUNER } from '../../src/core/demo/geography';
import { parseIncidents, readTable, suggestMapping, type ColumnMapping } from '../../src/core/imports/incidents';
import type { IncidentParse, KommunRef, ParseContext } from '../../src/core/imports/types';
import type { Source } from '../../src/shared/domain';
import { AppError } from '../../src/shared/errors';

const KOMMUNER: KommunRef[] = DEMO_KOMMUNER.map((k, i) => ({ id: i + 1, name: k.name, scbCode: k.scbCode }));
const ctx: ParseContext = { kommuner: KOMMUNER };
const id = (name: string) => KOMMUNER.find((k) => k.name === name)!.id;
const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const hash = (...parts: (string | number)[]) =>
  crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

async function refusal(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('validation');
    return e as AppError;
  }
  throw new Error('Väntade ett AppError');
}

/** A file parsed with the mapping its header suggests. */
async function parse(bytes: Uint8Array, name = 'a.csv', source: Source = 'est'): Promise<IncidentParse> {
  const table = await readTable(bytes, name);
  return parseIncidents(table, suggestMapping(table.header) as ColumnMapping, ctx, { source });
}
const parseLines = (lines: string[], source: Source = 'est') => parse(utf8(lines.join('\n')), 'a.csv', source);

type Value = IncidentParse['rows'][number]['value'];
/**
 * An expected EST row from "row|sourceRef|category/subcategory|occurredAt|kommun|place|description|org|status|lat,lon".
 * sourceRef "#" is the content hash: sha256 of the normalised values, first 32 hex digits.
 */
type Fields = [string, string, string, string, string, string, string, string, string, string?];
function incident(line: string): { row: number; value: Value } {
  const [row, ref, codes, occurredAt, kommun, placeName, description, reporterOrg, status, pos] = line.split(
    '|',
  ) as Fields;
  const [category, subcategory] = codes.split('/') as [string, string];
  const [lat, lon] = pos ? pos.split(',').map(Number) : [null, null];
  const normalised = description.replace(/\s+/g, ' ');
  const scbCode = ctx.kommuner.find((k) => k.id === id(kommun))!.scbCode;
  const sourceRef =
    ref === '#' ? hash(occurredAt, id(kommun), category, subcategory, normalised, placeName) : `${scbCode}:${ref}`;
  const value = { source: 'est' as const, sourceRef, category, subcategory, occurredAt, reportedAt: occurredAt };
  const where = { kommunId: id(kommun), placeName, lat: lat!, lon: lon!, precision: pos ? ('exact' as const) : null };
  return {
    row: Number(row),
    value: { ...value, ...where, description, reporterOrg, status: status as Value['status'], sourceUrl: null },
  };
}

/** "field:Header|field:Header" as a mapping. */
const pairs = (s: string) => Object.fromEntries(s.split('|').map((p) => p.split(':')));

describe('suggestMapping', () => {
  it('känner igen svenska och engelska rubriker oavsett skiftläge, varje kolumn en gång', () => {
    const cases: [string, string][] = [
      [
        'Ärendenummer|Händelsedatum|Tid|KOMMUN|Plats|Kategori|Underkategori|Källa',
        'sourceRef:Ärendenummer|occurredAt:Händelsedatum|time:Tid|kommun:KOMMUN|place:Plats|category:Kategori|subcategory:Underkategori|source:Källa',
      ],
      [
        'Inträffade|Adress|Typ|Kommentar|Organisation|lat|long|Rapport-id|x',
        'occurredAt:Inträffade|place:Adress|category:Typ|description:Kommentar|reporterOrg:Organisation|lat:lat|lon:long|sourceRef:Rapport-id',
      ],
      [
        'Date|Municipality|Location|Category|Description|Latitude|Longitude|ID',
        'occurredAt:Date|kommun:Municipality|place:Location|category:Category|description:Description|lat:Latitude|lon:Longitude|sourceRef:ID',
      ],
      [
        'Tidpunkt|Händelsetyp|Rapportör|Status|Rapporterad|Rapporterande organisation',
        'occurredAt:Tidpunkt|category:Händelsetyp|reporterOrg:Rapportör|status:Status|reportedAt:Rapporterad',
      ],
      [
        'Typ|Kategori|Kommentar|Beskrivning|Datum|Tidpunkt',
        'category:Kategori|description:Beskrivning|occurredAt:Datum',
      ],
    ];
    for (const [header, expected] of cases) expect(suggestMapping(header.split('|'))).toEqual(pairs(expected));
    expect(suggestMapping(['', 'Foo', 'Bar'])).toEqual({});
  });
});

describe('parseIncidents: fixturer', () => {
  it('läser en EST-export (UTF-8 med BOM, semikolon, decimalkomma, radbrytning i fält)', async () => {
    const table = await readTable(fixture('est-export.csv'), 'est-export.csv');
    expect(table.encoding).toBe('utf-8-bom');
    expect(await parse(fixture('est-export.csv'))).toEqual({
      rows: [
        '2|EST-1001|skadegorelse/klotter|2025-06-07T19:30:00Z|Klippan|Storgatan 12|Klotter på fasaden mot torget|Klippans kommun|ny|56.1342,13.1301',
        '3|#|skadegorelse/glaskross|2025-01-07T20:30:00Z|Åstorp|Kvidinge station|Krossad ruta i väntkuren; glas på perrongen\nPolis på plats|Skånetrafiken|hanteras',
        // The repeated autumn hour: the first (summer time) 02:30.
        '7|EST-1005|samling/samling_utomhus|2025-10-26T00:30:00Z|Lomma|Bjärred strandbad|Ungdomar samlas vid stranden|Lomma kommun|avslutad|55.7167,13.0167',
        '8|EST-1006|vald/misshandel|2025-06-07T19:30:00Z|Perstorp|Oderljunga|Person slagen vid busshållplatsen|Polisen|hanteras',
        // EST "Brand" is Skadegörelse/Anlagd brand, not the taxonomy's category Brand; no time = local midnight.
        '12|EST-1010|skadegorelse/anlagd_brand|2025-06-11T22:00:00Z|Staffanstorp|Hjärup|Brand i papperskorg|Räddningstjänsten Syd|atgardad',
      ].map(incident),
      skipped: [],
      invalid: [
        {
          row: 5,
          reason:
            'Kolumnerna "Händelsedatum" och "Tid": 2025-03-30 02:30 finns inte i svensk tid (klockan ställs fram en timme när sommartiden börjar)',
        },
        { row: 6, reason: 'Kolumn "Kommun": "Malmö" finns inte i databasen' },
        { row: 9, reason: 'Kolumn "Beskrivning" är tom' },
        {
          row: 10,
          reason:
            'Kolumn "Kategori": "Fyrverkerier" är ingen känd kategori. Ange en kategori (t.ex. Skadegörelse), en EST-kategori (t.ex. Klotter) eller en underkategori (t.ex. Misshandel)',
        },
        {
          row: 11,
          reason:
            'Kolumn "Longitud" är tom men kolumn "Latitud" har ett värde: ange både latitud och longitud, eller ingen av dem',
        },
      ],
      warnings: [],
    });
  });

  it('läser Windows-1252 och svenska datumformat', async () => {
    const bytes = fixture('est-export-1252.csv');
    expect(bytes.includes(0x96)).toBe(true); // en dash in Windows-1252
    expect((await readTable(bytes, 'est.csv')).encoding).toBe('windows-1252');
    expect((await parse(bytes)).rows).toEqual(
      [
        '2|#|skadegorelse/glaskross|2025-06-07T19:30:00Z|Åstorp|Hyllinge|Krossad ruta – busskur|Åstorps kommun|ny',
        '3|#|otrygg_plats/odslig_plats|2025-01-07T20:30:00Z|Kävlinge|Löddeköpinge|Mörk gångväg bakom skolan|Kävlinge kommun|ny',
        '4|#|skadegorelse/annan_skadegorelse|2025-06-07T19:30:00Z|Svalöv|Röstånga|Sönderslagen parkbänk|Svalövs kommun|ny',
      ].map(incident),
    );
  });
});

/** An xlsx with one or more sheets; rows are exceljs cell values (Dates as UTC of the wall time). */
async function xlsx(...sheets: unknown[][][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((rows, i) => {
    const ws = wb.addWorksheet(`Blad${i + 1}`);
    rows.forEach((cells, r) => {
      if (cells.length > 0) ws.getRow(r + 1).values = cells as ExcelJS.CellValue[];
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readTable: Excel', () => {
  it('läser datumceller som svensk väggklocka, tal med decimalkomma, rik text, formler och länkar', async () => {
    const header = ['Datum', 'Tid', 'Kommun', 'Kategori', 'Beskrivning', 'Latitud', 'Longitud'];
    const bytes = await xlsx(
      [
        header,
        [
          new Date(Date.UTC(2025, 5, 7)),
          new Date(Date.UTC(1899, 11, 30, 21, 30)), // a time cell
          { formula: '"Klip"&"pan"', result: 'Klippan' },
          { text: 'Klotter', hyperlink: 'https://example.se' },
          { richText: [{ text: 'Tag på ' }, { text: 'vägg', font: { bold: true } }] },
          56.1342,
          13,
        ],
        [],
        [new Date(Date.UTC(2025, 0, 7, 21, 30)), '', 'Åstorp', 'Glaskross', 'Ruta', null, null],
      ],
      [['Annat blad']],
    );
    const table = await readTable(bytes, 'lista.bin');
    expect(table).toEqual({
      header,
      rows: [
        { row: 2, cells: ['2025-06-07', '21:30', 'Klippan', 'Klotter', 'Tag på vägg', '56,1342', '13'] },
        { row: 4, cells: ['2025-01-07 21:30', '', 'Åstorp', 'Glaskross', 'Ruta'] },
      ],
      encoding: 'xlsx',
      headerRow: 1,
      warnings: ['Arbetsboken har 2 blad; bara det första ("Blad1") läses.'],
    });
    const result = await parse(bytes, 'lista.xlsx');
    expect(result.rows.map((r) => [r.row, r.value.occurredAt, r.value.lat])).toEqual([
      [2, '2025-06-07T19:30:00Z', 56.1342],
      [4, '2025-01-07T20:30:00Z', null],
    ]);
    expect(result.warnings).toEqual(table.warnings);
  });
});

describe('parseIncidents: rader', () => {
  const HEADER = 'Datum;Tid;Kommun;Kategori;Underkategori;Beskrivning;Källa;Status;Latitud;Longitud;Rapporterad;Övrigt';
  const row = (cells: Partial<Record<string, string>>) =>
    HEADER.split(';')
      .map((h) => cells[h] ?? '')
      .join(';');
  const ok = { Datum: '2025-06-07', Kommun: 'Klippan', Kategori: 'Klotter', Beskrivning: 'a' };

  it('listar ogiltiga rader med skäl som namnger kolumnen', async () => {
    const result = await parseLines([
      HEADER,
      row({ ...ok, Datum: '2025-13-01' }),
      row({ ...ok, Datum: 'igår' }),
      row({ ...ok, Tid: '25:00' }),
      row({ ...ok, Datum: '2025-06-07 20:00', Tid: '21:30' }),
      row({ ...ok, Källa: 'Brevduva', Status: 'Klar' }),
      row({ ...ok, Kategori: 'Skadegörelse', Underkategori: 'Misshandel' }),
      row({ ...ok, Latitud: 'abc', Longitud: '13,1' }),
      row({ ...ok, Latitud: '40', Longitud: '13,1' }),
      row({ ...ok, Datum: '2025-06-07 21:30', Rapporterad: '2025-06-07 21:00' }),
      row({ ...ok, Datum: '2099-01-01' }),
      row({ ...ok, Beskrivning: 'x'.repeat(4001) }),
      row({ Övrigt: 'Summa 12' }),
      row({ Datum: '2025-02-30', Kommun: 'Kävlinge kommun', Kategori: 'Foo' }),
    ]);
    expect(result.rows).toEqual([]);
    expect(result.skipped).toEqual([{ row: 13, reason: 'Raden är tom i de valda kolumnerna' }]);
    const example = '(skriv t.ex. 2025-06-07 21:30)';
    const unknownCategory =
      'är ingen känd kategori. Ange en kategori (t.ex. Skadegörelse), en EST-kategori (t.ex. Klotter) eller en underkategori (t.ex. Misshandel)';
    expect(result.invalid.map((p) => `${p.row}: ${p.reason}`)).toEqual([
      `2: Kolumn "Datum": "2025-13-01" är ingen giltig tidpunkt ${example}`,
      `3: Kolumn "Datum": "igår" är ingen giltig tidpunkt ${example}`,
      '4: Kolumn "Tid": "25:00" är ingen giltig tid (skriv t.ex. 21:30)',
      '5: Kolumn "Tid": 21:30 stämmer inte med tiden i kolumn "Datum" (20:00)',
      '6: Kolumn "Källa": "Brevduva" är ingen känd källa (Polisanmälan, Polisens händelse, EST-rapport, Tips, Felanmälan, Trygghetsvandring); Kolumn "Status": "Klar" är ingen känd status (Ny, Hanteras, Åtgärdad, Avslutad)',
      '7: Kolumn "Underkategori": "Misshandel" hör inte till kategorin Skadegörelse (välj bland Klotter, Glaskross, Anlagd brand, Annan skadegörelse)',
      '8: Kolumn "Latitud": "abc" är inte ett tal',
      '9: Kolumn "Latitud": Latitud måste ligga i Sverige (55–70)',
      '10: Kolumn "Rapporterad": Rapporteringstiden kan inte vara före händelsen',
      '11: Kolumn "Datum": Tidpunkten ligger i framtiden',
      '12: Kolumn "Beskrivning": Beskrivningen får vara högst 4 000 tecken',
      `14: Kolumn "Datum": "2025-02-30" är ingen giltig tidpunkt ${example}; Kolumn "Kategori": "Foo" ${unknownCategory}; Kolumn "Beskrivning" är tom`,
    ]);
  });

  it('förstår koder, etiketter, EST-kategorier, källor, statusar och tidszoner', async () => {
    const result = await parseLines(
      [
        'Datum;Kommun;Kategori;Underkategori;Beskrivning;Källa;Status;Id',
        '2025-06-07T19:30:00Z;1276;skadegorelse;;a;Tips;Hanteras;A1',
        '2025-06-07 21:30:00+02:00;Klippans kommun;Otrygg plats;Belysning;b;felanmalan;atgardad;A2',
        '2025-06-07 kl. 21.30;Klippan;Brand;;c;;;A3',
        '2025-06-07 21:30;Klippan;Brand;;c;EST-rapport;;A4',
        '2025-06-07;Klippan;Våld;Olaga hot;d;;Ny;A5',
        '7.6.2025 9:05;Klippan;Misstänkt droghandel;;e;;;A6',
        '2025-06-07 21:30;Klippan;Brand;Fordonsbrand;f;EST-rapport;;A7',
        '2025-06-07 21:30;Klippan;Brand;Anlagd brand;g;EST-rapport;;A8',
      ],
      'tips',
    );
    expect(result.invalid).toEqual([]);
    expect(
      result.rows.map(({ value: v }) => [v.sourceRef, v.occurredAt, v.source, v.category, v.subcategory, v.status]),
    ).toEqual([
      ['1276:A1', '2025-06-07T19:30:00Z', 'tips', 'skadegorelse', 'klotter', 'hanteras'],
      ['1276:A2', '2025-06-07T19:30:00Z', 'felanmalan', 'otrygg_plats', 'belysning', 'atgardad'],
      ['1276:A3', '2025-06-07T19:30:00Z', 'tips', 'brand', 'brand_byggnad', 'ny'],
      ['1276:A4', '2025-06-07T19:30:00Z', 'est', 'skadegorelse', 'anlagd_brand', 'ny'],
      ['1276:A5', '2025-06-06T22:00:00Z', 'tips', 'vald', 'olaga_hot', 'ny'],
      ['1276:A6', '2025-06-07T07:05:00Z', 'tips', 'narkotika', 'droghandel', 'ny'],
      // EST's "Brand" is arson, unless the subcategory says it is one of our own Brand subcategories.
      ['1276:A7', '2025-06-07T19:30:00Z', 'est', 'brand', 'brand_fordon', 'ny'],
      ['1276:A8', '2025-06-07T19:30:00Z', 'est', 'skadegorelse', 'anlagd_brand', 'ny'],
    ]);
  });

  it('tar tiden ur tidkolumnen när datumet är midnatt, och ett rapportdatum utan tid samma dag är inte före händelsen', async () => {
    const result = await parseLines([
      'Datum;Tid;Kommun;Kategori;Beskrivning;Rapporterad',
      '2025-06-07 00:00;21:30;Klippan;Klotter;a;2025-06-07',
      '2025-06-07 00:00:00;;Klippan;Klotter;b;2025-06-08',
    ]);
    expect(result.invalid).toEqual([]);
    expect(result.rows.map(({ value: v }) => [v.occurredAt, v.reportedAt])).toEqual([
      ['2025-06-07T19:30:00Z', '2025-06-07T19:30:00Z'],
      ['2025-06-06T22:00:00Z', '2025-06-07T22:00:00Z'],
    ]);
  });

  it('hittar dubbletter bland tusentals rader och nämner de tio första', async () => {
    const lines = ['Id;Datum;Kommun;Kategori;Beskrivning'];
    for (let i = 0; i < 5000; i++) lines.push(`E-${i % 4000};2025-06-07 21:30;Klippan;Klotter;Rad ${i}`);
    const result = await parseLines(lines);
    expect(result.rows).toHaveLength(5000);
    expect(result.warnings).toEqual([
      `1000 rader är dubbletter av en tidigare rad i filen och importeras bara en gång: ${Array.from(
        { length: 10 },
        (_, k) => `rad ${4002 + k} (som rad ${2 + k})`,
      ).join(', ')} och 990 till.`,
    ]);
  });

  it('ger samma innehålls-id för samma rad (även med annat blanktecken) och varnar för dubbletter', async () => {
    const line = '2025-06-07 21:30;Klippan;Klotter;Tag på  väggen';
    const result = await parseLines(['Datum;Kommun;Kategori;Beskrivning', line, line.replace('  ', ' ')]);
    expect(result.rows.map((r) => r.value.sourceRef)).toEqual([
      hash('2025-06-07T19:30:00Z', id('Klippan'), 'skadegorelse', 'klotter', 'Tag på väggen', ''),
      hash('2025-06-07T19:30:00Z', id('Klippan'), 'skadegorelse', 'klotter', 'Tag på väggen', ''),
    ]);
    expect(result.rows[0]!.value.description).toBe('Tag på  väggen');
    expect(result.warnings).toEqual([
      'En rad är en dubblett av en tidigare rad i filen och importeras bara en gång: rad 3 (som rad 2).',
    ]);
  });
});

describe('vägrar filer och mappningar som inte går att läsa', () => {
  const simple = utf8('Datum;Kommun;Kategori;Beskrivning\n2025-06-07;Klippan;Klotter;a\n');
  const mapping = pairs('occurredAt:Datum|kommun:Kommun|category:Kategori|description:Beskrivning') as ColumnMapping;
  const est = { source: 'est' } as const;

  it('namnger en vald kolumn som inte finns och ett obligatoriskt fält som saknas', async () => {
    const table = await readTable(simple, 'a.csv');
    expect((await refusal(() => parseIncidents(table, { ...mapping, place: 'Adress' }, ctx, est))).message).toBe(
      'Rubrikraden (rad 1) har ingen kolumn "Adress", som valts för Plats. Filens kolumner är "Datum", "Kommun", "Kategori", "Beskrivning".',
    );
    expect((await refusal(() => parseIncidents(table, { ...mapping, description: '' }, ctx, est))).message).toBe(
      'Välj vilken kolumn i filen som innehåller Beskrivning.',
    );
    expect(parseIncidents(table, { ...mapping, kommun: 'KOMMUN' }, ctx, est).rows).toHaveLength(1);
  });

  it.each([
    ['tom fil', new Uint8Array(), 'a.csv', /^Filen är tom\.$/],
    ['bara tomma rader', utf8('\n;;\n\n'), 'a.csv', /^Filen innehåller inga rader, inte ens en rubrikrad\.$/],
    ['binärt skräp', new Uint8Array([1, 0, 255, 7, 3, 0, 9, 200]), 'a.csv', /^Filen är inte ett kalkylark\./],
    ['trasig zip', utf8('PK\u0003\u0004trasig'), 'x.xlsx', /^Filen x\.xlsx kunde inte läsas som en Excel-arbetsbok/],
    ['text som heter .xlsx', simple, 'x.xlsx', /^Filen x\.xlsx heter \.xlsx men är ingen Excel-arbetsbok/],
    ['gammal .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'a.xls', /\(\.xls\), som inte stöds/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x44, 0x00]), 'a.csv', /UTF-16/],
    [
      'oavslutat citat',
      utf8('Datum;Beskrivning\n2025-06-07;"oj\n'),
      'a.csv',
      /^Rad 2: ett citattecken avslutas aldrig/,
    ],
  ])('%s', async (_name, bytes, fileName, message) => {
    expect((await refusal(() => readTable(bytes, fileName))).message).toMatch(message);
  });

  it('läser "sep="-raden från Excel och en fil med bara rubrikrad', async () => {
    const sep = await readTable(
      utf8('sep=,\r\nDatum,Kommun,Kategori,Beskrivning\r\n2025-06-07,Klippan,Klotter,"a; b"'),
      'a.csv',
    );
    expect(sep.rows).toEqual([{ row: 3, cells: ['2025-06-07', 'Klippan', 'Klotter', 'a; b'], open: true }]);
    const empty = parseIncidents(
      await readTable(utf8('Datum;Kommun;Kategori;Beskrivning\n'), 'a.csv'),
      mapping,
      ctx,
      est,
    );
    expect(empty.warnings).toEqual(['Filen innehåller inga rader under rubrikraden.']);
  });
});

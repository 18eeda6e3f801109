import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_KOMMUNER } from '../../src/core/demo/geography';
import { seedGeography } from '../../src/core/demo/seed';
import { braRegion, parseBra, type BraFileRow } from '../../src/core/imports/bra';
import { commitImport, undoImport } from '../../src/core/imports/pipeline';
import { previewFile } from '../../src/core/imports/service';
import { parseScb } from '../../src/core/imports/scb';
import type { KommunRef, ParseContext, ParseResult } from '../../src/core/imports/types';
import { AppError } from '../../src/shared/errors';
import { formatInteger } from '../../src/shared/format';
import { LAN, lanOfKommun } from '../../src/shared/lan';
import { tempDb } from '../helpers/db';

// Ids 1..9 as the demo database has them, plus kommuner whose names trip up matching.
const KOMMUNER: KommunRef[] = [
  ...DEMO_KOMMUNER.map((k, i) => ({ id: i + 1, name: k.name, scbCode: k.scbCode })),
  { id: 10, name: 'Ale', scbCode: '1440' },
  { id: 11, name: 'Malung-Sälen', scbCode: '2023' },
  { id: 12, name: 'Upplands Väsby', scbCode: '0114' },
];
const ctx: ParseContext = { kommuner: KOMMUNER };
const id = (name: string) => KOMMUNER.find((k) => k.name === name)!.id;

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The AppError a call throws; fails the test when it throws anything else or nothing. */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('validation');
    return e as AppError;
  }
  throw new Error('Väntade ett AppError');
}

const bra = (row: number, name: string, count: number | null, per100k: number | null, year = 2024) => ({
  row,
  value: { kommunId: id(name), year, count, per100k },
});
/** A län's or the whole country's row (SCB region code: 12 Skåne län, 00 riket). */
const region = (row: number, regionCode: string, count: number | null, per100k: number | null, year = 2024) => ({
  row,
  value: { regionCode, kind: regionCode === '00' ? 'riket' : 'lan', year, count, per100k },
});
const pop = (row: number, name: string, year: number, population: number) => ({
  row,
  value: { kommunId: id(name), year, population },
});

describe('parseBra', () => {
  it('läser en Brå-fil med BOM, CRLF och rubrikrad', () => {
    expect(parseBra(fixture('bra-2024-header.csv'), ctx, { year: 2024 })).toEqual({
      rows: [
        region(2, '00', 1487654, 14123),
        bra(3, 'Ale', 2537, 7692),
        bra(4, 'Bjuv', 1234, 7719.7),
        bra(5, 'Klippan', 1771, 9997.7),
        bra(6, 'Perstorp', null, null),
        bra(7, 'Svalöv', 0, 0),
        bra(8, 'Åstorp', 1232, 7489.8),
        bra(9, 'Malung-Sälen', 1036, 10234.5),
        bra(10, 'Upplands Väsby', 4210, 1234.5),
        region(12, '12', 201234, 14555.1),
      ],
      skipped: [{ row: 11, reason: 'Stockholms kommun finns inte i databasen' }],
      invalid: [],
      warnings: [],
    });
  });

  it('läser en äldre fil utan rubrikrad i Windows-1252', () => {
    const bytes = fixture('bra-2015-noheader.csv');
    expect(bytes.includes(0xe4)).toBe(true); // "ä" in Windows-1252, not UTF-8
    expect(parseBra(bytes, ctx, { year: 2015 })).toEqual({
      rows: [
        bra(1, 'Ale', 2101, 7612, 2015),
        bra(2, 'Bjuv', 1050, 7100, 2015),
        bra(3, 'Klippan', 1600, 9812.3, 2015),
        bra(4, 'Kävlinge', 2000, 6700, 2015),
        bra(5, 'Svalöv', null, null, 2015),
        bra(6, 'Åstorp', 0, 0, 2015),
        region(7, '00', 1500000, 15000, 2015),
        bra(8, 'Staffanstorp', 1200, 5100, 2015),
        bra(9, 'Lomma', 900, 3900, 2015),
        bra(10, 'Malung-Sälen', 980, 9700, 2015),
      ],
      skipped: [],
      invalid: [],
      warnings: [],
    });
  });

  it('listar rader med tal som inte går att läsa, och dubbletter', () => {
    const result = parseBra(fixture('bra-non-number.csv'), ctx, { year: 2024 });
    expect(result.rows).toEqual([bra(2, 'Bjuv', 1234, 7719.7)]);
    expect(result.invalid).toEqual([
      { row: 3, reason: 'Kolumn "Antal": "12a" är inte ett tal' },
      { row: 4, reason: 'Kolumn "Per 100 000 inv.": "7 O76,7" är inte ett tal' },
      { row: 5, reason: 'Kolumn "Antal": "12,5" är inte ett heltal' },
    ]);
    const dup = parseBra(utf8('Bjuv;1;2\nKlippan;-3;1\nBjuvs kommun;2;3\nLomma;;\n'), ctx, { year: 2024 });
    expect(dup.rows).toEqual([bra(1, 'Bjuv', 1, 2)]);
    expect(dup.invalid).toEqual([
      { row: 2, reason: 'Kolumn "Antal": "-3" är negativt' },
      { row: 3, reason: 'Bjuv förekommer redan på rad 1' },
      { row: 4, reason: 'Kolumn "Antal" är tom' },
    ]);
  });

  it('hoppar över titelrader och varnar när filen nämner ett annat år', () => {
    const text =
      'Anmälda brott 2023;;\r\n\r\nKommun;Antal 2023;Per 100 000 inv.\r\nKlippan;1 771;9 997,7\r\nKälla: Brå;;\r\n';
    expect(parseBra(utf8(text), ctx, { year: 2024 })).toEqual({
      rows: [bra(4, 'Klippan', 1771, 9997.7)],
      skipped: [{ row: 5, reason: '"Källa: Brå" är ingen kommunrad' }],
      invalid: [],
      warnings: ['Filen nämner året 2023 men importeras som 2024. Kontrollera att du valt rätt år.'],
    });
    expect(parseBra(utf8('Anmälda brott 2024\nKommun;Antal\nKlippan;12\n'), ctx, { year: 2024 }).warnings).toEqual([]);
  });

  it('läser kolumner efter rubrik i annan ordning, och kommaseparerade filer', () => {
    const swapped = parseBra(utf8('Per 100 000 inv.;Kommun;Antal anmälda brott\n"9 997,7";Klippan;1 771\n'), ctx, {
      year: 2024,
    });
    expect(swapped.rows).toEqual([bra(2, 'Klippan', 1771, 9997.7)]);
    const comma = parseBra(utf8('Kommun,Antal,Per 100 000 inv.\nKlippan,1771,"9 997,7"\nLomma,12,\n'), ctx, {
      year: 2024,
    });
    expect(comma.rows).toEqual([bra(2, 'Klippan', 1771, 9997.7), bra(3, 'Lomma', 12, null)]);
  });

  it('vägrar filer som inte går att läsa, med rad och fält', () => {
    const msg = (bytes: Uint8Array, year = 2024) => refusal(() => parseBra(bytes, ctx, { year })).message;
    expect(msg(fixture('bra-unterminated-quote.csv'))).toBe(
      'Rad 3: ett citattecken avslutas aldrig. Filen kan vara avkortad.',
    );
    expect(msg(utf8('Kommun;Summa\nKlippan;12\n'))).toBe(
      'Rad 1: rubrikraden saknar kolumnen "Antal". En Brå-fil börjar med rubrikerna Kommun;Antal;Per 100 000 inv. eller direkt med en kommun och dess antal.',
    );
    expect(msg(utf8('\uFEFFKommun;Antal;Per 100 000 inv.\r\n'))).toBe(
      'Filen innehåller bara rubrikraden (rad 1) och inga kommuner.',
    );
    expect(msg(utf8(''))).toBe('Filen innehåller inga rader med kommun och antal anmälda brott.');
    expect(msg(utf8('Kommun;Antal\nKlippan;1\n'), 20245)).toBe(
      'Året måste vara ett heltal mellan 1900 och 2100, inte 20245.',
    );
    expect(msg(new Uint8Array([0xff, 0xfe, 0x4b, 0x00]))).toMatch(/UTF-16/);
  });
});

describe('Brå: län och hela landet', () => {
  it('läser länens och rikets rader ur en fil i Brå:s format', () => {
    expect(parseBra(fixture('bra-2024-lan-riket.csv'), ctx, { year: 2024 })).toEqual({
      rows: [
        region(2, '00', 1487654, 14051),
        region(3, '01', 356789, 14462.5),
        region(5, '12', 201234, 14153.7),
        bra(6, 'Bjuv', 1188, 7432),
        bra(7, 'Burlöv', 2310, 11492),
        bra(8, 'Klippan', 1771, 9997.7),
        bra(9, 'Kävlinge', 2158, 6644.7),
        bra(10, 'Lomma', 1437, 5814.3),
        bra(11, 'Perstorp', null, null),
        bra(12, 'Staffanstorp', 1820, 6665.9),
        bra(13, 'Svalöv', 1102, 7577.5),
        bra(14, 'Åstorp', 1232, 7489.8),
      ],
      skipped: [{ row: 4, reason: 'Stockholms kommun finns inte i databasen' }],
      invalid: [],
      warnings: [],
    });
  });

  it('känner igen länen och riket i olika stavningar, men inte kommuner eller okända län', () => {
    for (const name of ['Hela landet', 'HELA LANDET', 'Riket', '00 Riket', '00', 'Sverige']) {
      expect(braRegion(name), name).toEqual({ code: '00', kind: 'riket' });
    }
    for (const name of ['Skåne län', 'Skånes län', 'skåne län', '12 Skåne län', '12']) {
      expect(braRegion(name), name).toEqual({ code: '12', kind: 'lan' });
    }
    expect(braRegion('Västra Götalands län')).toEqual({ code: '14', kind: 'lan' });
    expect(braRegion('Stockholms län')).toEqual({ code: '01', kind: 'lan' });
    for (const name of [
      'Skåne',
      'Klippan',
      'Kalmar',
      'Totalt',
      'Påhittat län',
      '12 Hallands län',
      '02',
      '00 Skåne län',
      '',
    ])
      expect(braRegion(name), name).toBeUndefined();
    // Every län by its own name and by its code.
    for (const l of LAN) {
      expect(braRegion(l.name)).toEqual({ code: l.code, kind: 'lan' });
      expect(braRegion(`${l.code} ${l.name}`)).toEqual({ code: l.code, kind: 'lan' });
    }
    expect(LAN.length).toBe(21);
    // The demo kommuner all lie in Skåne län (SCB code 12xx).
    for (const k of DEMO_KOMMUNER) expect(lanOfKommun(k.scbCode)?.name).toBe('Skåne län');
  });

  it('listar ett län eller riket som förekommer två gånger, och hoppar över okända län och summor', () => {
    const text = 'Kommun;Antal;Per 100 000 inv.\nHela landet;10;1\nSkåne län;5;2\nRiket;11;1\n12 Skåne län;6;2\n';
    const result = parseBra(utf8(`${text}Påhittat län;1;1\nTotalt;3;3\nSkåne län;..;x\n`), ctx, { year: 2024 });
    expect(result.rows).toEqual([region(2, '00', 10, 1), region(3, '12', 5, 2)]);
    expect(result.invalid).toEqual([
      { row: 4, reason: 'Hela landet förekommer redan på rad 2' },
      { row: 5, reason: 'Skåne län förekommer redan på rad 3' },
      { row: 8, reason: 'Kolumn "Per 100 000 inv.": "x" är inte ett tal' },
    ]);
    expect(result.skipped).toEqual([
      { row: 6, reason: 'Påhittat län är ett län, inte en kommun' },
      { row: 7, reason: 'Totalt är inte en kommun' },
    ]);
  });

  it('sparar länens och rikets rader vid import, känner igen dubbletter och ändringar, och ångrar dem', async () => {
    const t = tempDb();
    try {
      seedGeography(t.db);
      const regions = () =>
        t.db.prepare('SELECT region_code, kind, year, count, per_100k FROM bra_region ORDER BY region_code').all();
      const kommunRows = () => t.db.prepare('SELECT count(*) FROM bra_reported_crime').pluck().get();
      const bytes = fixture('bra-2024-lan-riket.csv');
      const path = fileURLToPath(new URL('../fixtures/imports/bra-2024-lan-riket.csv', import.meta.url));
      const preview = await previewFile(t.db, { path, format: 'bra', year: 2024 });
      expect(preview.rowCount).toBe(12);
      expect(preview.sample.filter((r) => /län|landet/.test(r.cells[1]!))).toEqual([
        { row: 2, cells: ['2', 'Hela landet', '2024', formatInteger(1487654), '14051'] },
        { row: 3, cells: ['3', 'Stockholms län', '2024', formatInteger(356789), '14462,5'] },
        { row: 5, cells: ['5', 'Skåne län', '2024', formatInteger(201234), '14153,7'] },
      ]);
      expect(regions()).toEqual([]);

      const first = await commitImport(t.db, { fileName: 'bra-2024-lan-riket.csv', bytes, year: 2024 });
      expect([first.added, first.updated, first.duplicates]).toEqual([12, 0, 0]);
      const stored = [
        { region_code: '00', kind: 'riket', year: 2024, count: 1487654, per_100k: 14051 },
        { region_code: '01', kind: 'lan', year: 2024, count: 356789, per_100k: 14462.5 },
        { region_code: '12', kind: 'lan', year: 2024, count: 201234, per_100k: 14153.7 },
      ];
      expect(regions()).toEqual(stored);
      expect(kommunRows()).toBe(9);
      expect(t.db.prepare('SELECT DISTINCT import_id FROM bra_region').pluck().all()).toEqual([first.importId]);

      const again = await commitImport(t.db, { fileName: 'igen.csv', bytes, year: 2024, by: 'test' });
      expect([again.added, again.updated, again.duplicates]).toEqual([0, 0, 12]);

      // A corrected file: Skåne's rate changes and the whole country is suppressed; undo puts both back.
      const corrected = new TextDecoder()
        .decode(bytes)
        .replace('Skåne län;201 234;14 153,7', 'Skåne län;201 300;14 158,4')
        .replace('Hela landet;1 487 654;14 051', 'Hela landet;..;..');
      const changed = await commitImport(t.db, { fileName: 'rättad.csv', bytes: utf8(corrected), year: 2024 });
      expect([changed.added, changed.updated, changed.duplicates]).toEqual([0, 2, 10]);
      expect(regions()).toEqual([
        { ...stored[0], count: null, per_100k: null },
        stored[1],
        { ...stored[2], count: 201300, per_100k: 14158.4 },
      ]);
      expect(undoImport(t.db, changed.importId!)).toEqual({ removed: 0, restored: 2 });
      expect(regions()).toEqual(stored);

      expect(undoImport(t.db, first.importId!)).toEqual({ removed: 12, restored: 0 });
      expect(regions()).toEqual([]);
      expect(kommunRows()).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('tabellen tar bara län- och rikskoder med rätt slag', () => {
    const t = tempDb();
    try {
      const put = t.db.prepare(
        'INSERT INTO bra_region (region_code, kind, year, count, per_100k) VALUES (?, ?, 2024, 1, 1)',
      );
      put.run('12', 'lan');
      put.run('00', 'riket');
      expect(() => put.run('12', 'lan')).toThrow(/UNIQUE|PRIMARY/);
      expect(() => put.run('00', 'lan')).toThrow(/CHECK/);
      expect(() => put.run('13', 'riket')).toThrow(/CHECK/);
      expect(() => put.run('1', 'lan')).toThrow(/CHECK/);
      expect(() => put.run('Skåne', 'lan')).toThrow(/CHECK/);
      expect(() => put.run('13', 'kommun')).toThrow(/CHECK/);
    } finally {
      t.cleanup();
    }
  });
});

describe('parseScb', () => {
  it('läser lång form med titelrad, län och riket', () => {
    expect(parseScb(fixture('scb-long.csv'), ctx)).toEqual({
      rows: [
        pop(6, 'Klippan', 2023, 17720),
        pop(7, 'Klippan', 2024, 17714),
        pop(8, 'Perstorp', 2024, 7235),
        pop(9, 'Ale', 2024, 32812),
        pop(11, 'Lomma', 2024, 24715),
        pop(12, 'Staffanstorp', 2024, 27303),
      ],
      skipped: [
        { row: 4, reason: '00 Riket är inte en kommun' },
        { row: 5, reason: '12 Skåne län är ett län, inte en kommun' },
        { row: 10, reason: '0180 Stockholm finns inte i databasen' },
      ],
      invalid: [],
      warnings: [],
    });
  });

  it('läser bred form, kommaseparerad, med komma i den citerade titeln', () => {
    expect(parseScb(fixture('scb-wide.csv'), ctx)).toEqual({
      rows: [
        pop(5, 'Klippan', 2022, 17689),
        pop(5, 'Klippan', 2023, 17720),
        pop(5, 'Klippan', 2024, 17714),
        pop(6, 'Bjuv', 2022, 15882),
        pop(6, 'Bjuv', 2023, 15937),
        pop(6, 'Bjuv', 2024, 15985),
        pop(7, 'Svalöv', 2022, 14490),
        pop(7, 'Svalöv', 2023, 14512),
        pop(7, 'Svalöv', 2024, 14543),
        pop(8, 'Kävlinge', 2022, 32047),
        pop(8, 'Kävlinge', 2023, 32310),
        pop(8, 'Kävlinge', 2024, 32477),
        pop(9, 'Malung-Sälen', 2022, 10024),
        pop(9, 'Malung-Sälen', 2024, 9967),
      ],
      skipped: [
        { row: 4, reason: '00 Riket är inte en kommun' },
        { row: 9, reason: 'Folkmängd för Malung-Sälen 2023 saknas ("..")' },
      ],
      invalid: [],
      warnings: [],
    });
  });

  it('listar ogiltiga tal, årtal och dubbletter', () => {
    const result = parseScb(fixture('scb-non-number.csv'), ctx);
    expect(result.rows).toEqual([pop(5, 'Bjuv', 2024, 15985)]);
    expect(result.invalid).toEqual([
      { row: 2, reason: 'Kolumn "Folkmängd": "17 7l4" är inte ett tal' },
      { row: 3, reason: 'Kolumn "år": "20x4" är inte ett årtal mellan 1900 och 2100' },
      { row: 4, reason: 'Kolumn "Folkmängd": "-16449" är negativt' },
      { row: 6, reason: 'Bjuv 2024 förekommer redan på rad 5' },
    ]);
  });

  it('läser tabbar, semikolon efter en titel med komma, rubriker som "Folkmängd 2024" och varnar för andra kolumner', () => {
    const tab = parseScb(utf8('region\tkön\tFolkmängd 2023\tFolkmängd 2024\n1276\ttotalt\t17 720\t17\u00a0714\n'), ctx);
    expect(tab.rows).toEqual([pop(2, 'Klippan', 2023, 17720), pop(2, 'Klippan', 2024, 17714)]);
    expect(tab.warnings).toEqual(['Kolumnen "kön" används inte; bara region, år och folkmängd läses.']);
    const semi = parseScb(
      utf8('"Folkmängd efter region, ålder och år"\n\n"region";"år";"Folkmängd"\n"Klippan";"2024";"17714"\n'),
      ctx,
    );
    expect(semi.rows).toEqual([pop(4, 'Klippan', 2024, 17714)]);
  });

  it('vägrar filer utan rubrikrad, utan data eller med samma år två gånger', () => {
    const msg = (text: string) => refusal(() => parseScb(utf8(text), ctx)).message;
    expect(msg('"1276 Klippan";"17714"\n')).toBe(
      'Hittar ingen rubrikrad med region och år, t.ex. "region";"år";"Folkmängd" eller "region";"2023";"2024". Exportera tabellen från SCB:s statistikdatabas som CSV med rubriker.',
    );
    expect(msg('"Folkmängd efter region och år"\n\n"region";"år";"Folkmängd"\n')).toBe(
      'Filen innehåller inga rader med folkmängd efter rubrikraden (rad 3).',
    );
    expect(msg('"region";"Folkmängd 2024";"Medelfolkmängd 2024"\n"1276";1;2\n')).toBe(
      'Rad 1: året 2024 finns i två kolumner ("Folkmängd 2024" och "Medelfolkmängd 2024").',
    );
    expect(msg('"region";"år"\n"1276";"2024"\n')).toBe('Rad 1: rubrikraden saknar en kolumn med folkmängd.');
    expect(msg('"region";"år";"Folkmängd"\n"1276 Klippan";"2024";"17714\n')).toBe(
      'Rad 2: ett citattecken avslutas aldrig. Filen kan vara avkortad.',
    );
  });
});

describe('egenskaper', () => {
  const ids = new Set(KOMMUNER.map((k) => k.id));
  const isCount = (n: number | null) => n === null || (Number.isSafeInteger(n) && n >= 0 && !Object.is(n, -0));

  /** Either a result whose rows keep every invariant, or a validation refusal; never anything else. */
  function check<T>(parse: () => ParseResult<T>, valid: (v: T) => boolean): void {
    let result: ParseResult<T>;
    try {
      result = parse();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('validation');
      return;
    }
    for (const r of result.rows) {
      expect(r.row).toBeGreaterThanOrEqual(1);
      expect(valid(r.value)).toBe(true);
    }
    for (const p of [...result.skipped, ...result.invalid]) {
      expect(p.row).toBeGreaterThanOrEqual(1);
      expect(p.reason.length).toBeGreaterThan(0);
    }
  }
  const braOk = (year: number) => (v: BraFileRow) =>
    ('regionCode' in v
      ? (v.regionCode === '00') === (v.kind === 'riket') &&
        (v.regionCode === '00' || LAN.some((l) => l.code === v.regionCode))
      : ids.has(v.kommunId)) &&
    v.year === year &&
    isCount(v.count) &&
    (v.per100k === null || (Number.isFinite(v.per100k) && v.per100k >= 0));
  const popOk = (v: { kommunId: number; year: number; population: number }) =>
    ids.has(v.kommunId) && Number.isInteger(v.year) && v.year >= 1900 && v.year <= 2100 && isCount(v.population);

  // Cells real files have, plus junk: headers, kommuner in every spelling, Swedish numbers, quotes.
  const VOCABULARY =
    'Kommun|Antal|Per 100 000 inv.|region|år|Folkmängd|2023|2024|Folkmängd 2024|Klippan|Klippans kommun|' +
    '1276 Klippan|1276|Ale kommun|Malung–Sälen|Hela landet|00 Riket|12 Skåne län|..|-|2 537|12 345,6|12a|| |"|""|' +
    '99999999999999999999';
  const field = fc.oneof(
    fc.constantFrom(...VOCABULARY.split('|')),
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -5, max: 100_000 }).map(String),
  );
  const csvLike = fc
    .record({
      rows: fc.array(fc.array(fc.tuple(field, fc.boolean()), { minLength: 1, maxLength: 5 }), { maxLength: 10 }),
      sep: fc.constantFrom(';', ',', '\t'),
      eol: fc.constantFrom('\r\n', '\n', '\r'),
      bom: fc.boolean(),
      latin1: fc.boolean(),
    })
    .map(({ rows, sep, eol, bom, latin1 }) => {
      const cell = ([f, quote]: [string, boolean]) => (quote ? `"${f.replace(/"/g, '""')}"` : f);
      const text = rows.map((r) => r.map(cell).join(sep)).join(eol);
      const oneByte = [...text].every((c) => c.charCodeAt(0) <= 0xff);
      if (latin1 && !bom && oneByte) return new Uint8Array(Buffer.from(text, 'latin1'));
      return utf8((bom ? '\uFEFF' : '') + text);
    });
  const bytes = fc.oneof(fc.uint8Array({ maxLength: 200 }), csvLike);

  it('Brå: godtyckliga bytes ger giltiga rader eller ett valideringsfel', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1990, max: 2030 }), (b, year) => {
        check(() => parseBra(b, ctx, { year }), braOk(year));
      }),
      { numRuns: 500 },
    );
  });

  it('SCB: godtyckliga bytes ger giltiga rader eller ett valideringsfel', () => {
    fc.assert(
      fc.property(bytes, (b) => check(() => parseScb(b, ctx), popOk)),
      { numRuns: 500 },
    );
  });

  /** Swedish thousands: "12 345" with a space or a no-break space. */
  const thousands = (n: number, space: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, space);

  it('Brå: en välformad fil läses tillbaka exakt', () => {
    const entry = fc.record({
      kommun: fc.constantFrom(...KOMMUNER),
      count: fc.option(fc.nat({ max: 2_000_000 })),
      tenths: fc.option(fc.nat({ max: 10_000_000 })),
      style: fc.constantFrom('plain', 'kommun', 'genitive', 'code'),
    });
    const file = fc.record({
      entries: fc.uniqueArray(entry, { selector: (e) => e.kommun.id, minLength: 1, maxLength: 12 }),
      header: fc.boolean(),
      space: fc.constantFrom(' ', '\u00a0', ''),
      eol: fc.constantFrom('\r\n', '\n'),
    });
    fc.assert(
      fc.property(file, ({ entries, header, space, eol }) => {
        const name = (k: KommunRef, style: string) =>
          ({ kommun: `${k.name} kommun`, genitive: `${k.name}s kommun`, code: k.scbCode })[style] ?? k.name;
        const lines = entries.map(({ kommun, count, tenths, style }) => {
          const c = count === null ? '..' : count === 0 ? '-' : thousands(count, space);
          const r = tenths === null ? '..' : `${thousands(Math.floor(tenths / 10), space)},${tenths % 10}`;
          return `${name(kommun, style)};${c};${r}`;
        });
        const text = (header ? ['Kommun;Antal;Per 100 000 inv.', ...lines] : lines).join(eol);
        const result = parseBra(utf8(`\uFEFF${text}`), ctx, { year: 2024 });
        expect(result.skipped).toEqual([]);
        expect(result.invalid).toEqual([]);
        expect(result.rows).toEqual(
          entries.map((e, i) => ({
            row: i + (header ? 2 : 1),
            value: {
              kommunId: e.kommun.id,
              year: 2024,
              count: e.count,
              per100k: e.tenths === null ? null : e.tenths / 10,
            },
          })),
        );
      }),
    );
  });

  it('SCB: en välformad export i lång eller bred form läses tillbaka exakt', () => {
    const file = fc.record({
      kommuner: fc.uniqueArray(fc.constantFrom(...KOMMUNER), { selector: (k) => k.id, minLength: 1, maxLength: 12 }),
      years: fc.uniqueArray(fc.integer({ min: 1968, max: 2030 }), { minLength: 1, maxLength: 4 }),
      seed: fc.nat({ max: 1_000_000 }),
      wide: fc.boolean(),
      sep: fc.constantFrom(';', ',', '\t'),
      region: fc.constantFrom('both', 'code', 'name'),
      title: fc.boolean(),
    });
    fc.assert(
      fc.property(file, ({ kommuner, years, seed, wide, sep, region, title }) => {
        const value = (k: KommunRef, y: number) => (seed * 7 + k.id * 1_013 + y * 31) % 900_000;
        const q = (s: string | number) => `"${s}"`;
        const label = (k: KommunRef) =>
          region === 'code' ? k.scbCode : region === 'name' ? k.name : `${k.scbCode} ${k.name}`;
        const lines = title ? [q('Folkmängd efter region och år'), ''] : [];
        const first = lines.length + 2;
        const expected: { row: number; value: { kommunId: number; year: number; population: number } }[] = [];
        if (wide) {
          lines.push(['region', ...years].map(q).join(sep));
          kommuner.forEach((k, i) => {
            lines.push([q(label(k)), ...years.map((y) => value(k, y))].join(sep));
            for (const y of years)
              expected.push({ row: first + i, value: { kommunId: k.id, year: y, population: value(k, y) } });
          });
        } else {
          lines.push(['region', 'år', 'Folkmängd'].map(q).join(sep));
          for (const k of kommuner) {
            for (const y of years) {
              expected.push({ row: lines.length + 1, value: { kommunId: k.id, year: y, population: value(k, y) } });
              lines.push([label(k), y, value(k, y)].map(q).join(sep));
            }
          }
        }
        const result = parseScb(utf8(lines.join('\n')), ctx);
        expect(result.invalid).toEqual([]);
        expect(result.skipped).toEqual([]);
        expect(result.rows).toEqual(expected);
      }),
    );
  });
});

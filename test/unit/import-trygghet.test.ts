import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matchIndicator, parseTrygghet, type TrygghetContext } from '../../src/core/imports/trygghet';
import type { KommunRef } from '../../src/core/imports/types';
import { AppError } from '../../src/shared/errors';
import { SURVEY_INDICATORS, type SurveyArea, type SurveyValue } from '../../src/shared/survey';

// The nine kommuner of the reference data (test/fixtures/kommuner.csv) with ids 1..9, and their two LPOs.
const KOMMUNER: KommunRef[] = [
  ['Bjuv', '1260'],
  ['Klippan', '1276'],
  ['Perstorp', '1275'],
  ['Svalöv', '1214'],
  ['Åstorp', '1277'],
  ['Burlöv', '1231'],
  ['Kävlinge', '1261'],
  ['Lomma', '1262'],
  ['Staffanstorp', '1230'],
].map(([name, scbCode], i) => ({ id: i + 1, name: name!, scbCode: scbCode! }));
const LPOS = [
  { id: 1, name: 'Klippan' },
  { id: 2, name: 'Kävlinge' },
];
const ctx: TrygghetContext = { kommuner: KOMMUNER, lpos: LPOS };

const kommun = (name: string): SurveyArea => ({ kind: 'kommun', id: KOMMUNER.find((k) => k.name === name)!.id });
const lpo = (name: string): SurveyArea => ({ kind: 'lpo', id: LPOS.find((l) => l.name === name)!.id });

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

const v = (
  row: number,
  year: number,
  area: SurveyArea,
  indicator: string,
  value: number,
  respondents: number | null = null,
  responseRate: number | null = null,
): { row: number; value: SurveyValue } => ({
  row,
  value: { year, area, indicator, value, respondents, responseRate },
});

/** The AppError a call rejects with; fails the test when it rejects with anything else or resolves. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('validation');
    return e as AppError;
  }
  throw new Error('Väntade ett AppError');
}

/** An xlsx with one or more sheets; rows are exceljs cell values (empty array = blank row). */
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

describe('parseTrygghet', () => {
  it('läser en exporterad fil med titelrad, semikolon, decimalkomma och publicerade totalindex', async () => {
    const result = await parseTrygghet(fixture('trygghet-syd.csv'), 'trygghet-syd.csv', ctx);
    expect(result).toEqual({
      rows: [
        v(4, 2017, lpo('Kävlinge'), 'totalindex', 1.94),
        v(5, 2018, lpo('Kävlinge'), 'totalindex', 1.81),
        v(6, 2019, lpo('Kävlinge'), 'totalindex', 1.66),
        v(7, 2020, lpo('Kävlinge'), 'totalindex', 1.69),
        v(8, 2021, lpo('Kävlinge'), 'totalindex', 1.56),
        v(9, 2022, lpo('Kävlinge'), 'totalindex', 1.57),
        // 1 514 of 2 700: the response rate is computed from Utskick when the file has none.
        v(10, 2023, lpo('Kävlinge'), 'totalindex', 1.54, 1514, 56.1),
        v(11, 2019, kommun('Burlöv'), 'totalindex', 2.16),
        v(12, 2020, kommun('Burlöv'), 'totalindex', 2.25),
        v(13, 2016, kommun('Klippan'), 'totalindex', 2.31),
        v(14, 2017, kommun('Klippan'), 'totalindex', 2.09),
        v(15, 2016, kommun('Perstorp'), 'totalindex', 2.53),
        v(16, 2017, kommun('Perstorp'), 'totalindex', 1.87),
        v(17, 2018, kommun('Perstorp'), 'totalindex', 2.59, 329, 54.8),
        v(18, 2019, kommun('Perstorp'), 'totalindex', 2.53),
        v(19, 2016, kommun('Bjuv'), 'totalindex', 2.53),
        v(20, 2017, kommun('Bjuv'), 'totalindex', 2.53),
        v(21, 2019, kommun('Svalöv'), 'totalindex', 2.06),
        v(22, 2020, kommun('Svalöv'), 'totalindex', 2.13),
        // The share figures below are made up for the test; DOMAIN.md has none.
        v(23, 2023, lpo('Kävlinge'), 'otrygg_kvall', 23, 1514, 56.1),
        v(24, 2023, lpo('Kävlinge'), 'polisen_bryr_sig', 41.5, 1514, 56.1),
        // A bare "Kävlinge" is the kommun, not the LPO of the same name.
        v(25, 2023, kommun('Kävlinge'), 'nedskrapning', 1.92, 412, null),
      ],
      skipped: [
        { row: 26, reason: 'Malmö finns inte i databasen' },
        { row: 27, reason: 'Region Syd är en region, inte en kommun eller ett lokalpolisområde' },
        { row: 28, reason: 'Hela landet är inte en kommun eller ett lokalpolisområde' },
        { row: 29, reason: '"Källa: Polisen, trygghetsmätningar 2016…" är ingen datarad' },
      ],
      invalid: [],
      warnings: [],
    });
  });

  it('läser en fil i Windows-1252 och alla skrivsätt för ett lokalpolisområde', async () => {
    const bytes = fixture('trygghet-1252.csv');
    expect(bytes.includes(0xe5)).toBe(true); // "å" in Windows-1252, not UTF-8
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(await parseTrygghet(bytes, 'trygghet-1252.csv', ctx)).toEqual({
      rows: [
        v(2, 2019, kommun('Svalöv'), 'totalindex', 2.06),
        v(3, 2018, lpo('Klippan'), 'nedskrapning', 1.75, 1320, 49.5),
        v(4, 2018, lpo('Klippan'), 'tillhall', 0.98, 1320, 49.5),
        v(5, 2018, kommun('Åstorp'), 'oro_overfall', 2.4),
        v(6, 2018, kommun('Perstorp'), 'otrygg_kvall', 31, 329, 54.8),
      ],
      skipped: [{ row: 7, reason: 'Höör finns inte i databasen' }],
      invalid: [],
      warnings: [],
    });
  });

  it('skiljer kommunen Kävlinge från LPO Kävlinge i alla skrivsätt', async () => {
    const areas = [
      'Kävlinge',
      'Kävlinge kommun',
      '1261',
      'LPO Kävlinge',
      'lpo kävlinge',
      'Lokalpolisområde Kävlinge',
      'Lokalpolisområdet Kävlinge',
      'Kävlinge LPO',
      'LPO Kävlinge (Burlöv, Kävlinge, Lomma, Staffanstorp)',
    ];
    const text = ['År;Område;Indikator;Värde', ...areas.map((a, i) => `${2010 + i};${a};totalindex;1`)].join('\n');
    const result = await parseTrygghet(utf8(text), 'k.csv', ctx);
    expect(result.invalid).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.rows.map((r) => r.value.area)).toEqual([
      kommun('Kävlinge'),
      kommun('Kävlinge'),
      kommun('Kävlinge'),
      lpo('Kävlinge'),
      lpo('Kävlinge'),
      lpo('Kävlinge'),
      lpo('Kävlinge'),
      lpo('Kävlinge'),
      lpo('Kävlinge'),
    ]);
    // A name that is an LPO's and no kommun's is that LPO; an LPO the database lacks is skipped.
    const other: TrygghetContext = { kommuner: KOMMUNER, lpos: [...LPOS, { id: 3, name: 'Nordvästra Skåne' }] };
    const more = await parseTrygghet(
      utf8('År;Område;Indikator;Värde\n2023;Nordvästra Skåne;totalindex;1\n2023;LPO Malmö;totalindex;1\n'),
      'k.csv',
      other,
    );
    expect(more.rows).toEqual([v(2, 2023, { kind: 'lpo', id: 3 }, 'totalindex', 1)]);
    expect(more.skipped).toEqual([{ row: 3, reason: 'LPO Malmö finns inte i databasen' }]);
  });

  it('hoppar över fotnoter och rubriker i vilken kolumn de än står', async () => {
    const text =
      'År;Område;Indikator;Värde\n;Anm. Totalindex saknas 2021;;\n2023;Bjuv;totalindex;2\n;;Fotnot;\n2023;;;\n';
    expect(await parseTrygghet(utf8(text), 'f.csv', ctx)).toEqual({
      rows: [v(3, 2023, kommun('Bjuv'), 'totalindex', 2)],
      skipped: [
        { row: 2, reason: '"Anm. Totalindex saknas 2021" är ingen datarad' },
        { row: 4, reason: '"Fotnot" är ingen datarad' },
      ],
      invalid: [{ row: 5, reason: 'Kolumn "Område" är tom' }],
      warnings: [],
    });
  });

  it('läser rubriker i annan ordning med andra namn, och varnar för kolumner som inte används', async () => {
    expect(await parseTrygghet(fixture('trygghet-alias.csv'), 'trygghet-alias.csv', ctx)).toEqual({
      rows: [
        v(2, 2018, kommun('Perstorp'), 'nedskrapning', 2.61, 329, 54.8),
        // An explicit response rate wins over Utskick (Polisen counts it on the net sample).
        v(3, 2018, kommun('Perstorp'), 'skadegorelse', 1.9, 329, 55),
        v(4, 2018, kommun('Perstorp'), 'brak_slagsmal', 0.75),
      ],
      skipped: [],
      invalid: [
        {
          row: 5,
          reason:
            'Kolumn "Mått": "Kävlinge" är ingen känd indikator. Skriv indikatorns kod eller namn, t.ex. "totalindex", "Nedskräpning", "Otrygg ute ensam sen kväll (andel)"',
        },
      ],
      warnings: [
        'Kolumnen "Kommentar" används inte; bara år, område, indikator, värde, svarande, svarsfrekvens och utskick läses.',
      ],
    });
  });

  it('känner igen alla rubriknamn', async () => {
    const headers: [string, string, string, string, string, string, string][] = [
      ['year', 'kommun', 'fråga', 'index', 'n', 'svarsfrekvens', 'skickade'],
      ['ÅR', 'Område/kommun', 'MÅTT', 'Andel', 'Antal svar', 'Svarsfrekvens (%)', 'Antal utskick'],
      ['År ', ' region', 'Indikator', 'Resultat', 'Antal svarande', 'Svarsfrekvens', 'Utskick'],
    ];
    for (const h of headers) {
      const text = `${h.join(';')}\n2018;Perstorp;totalindex;2,59;329;;600\n`;
      const result = await parseTrygghet(utf8(text), 'h.csv', ctx);
      expect(result.rows, h.join(';')).toEqual([v(2, 2018, kommun('Perstorp'), 'totalindex', 2.59, 329, 54.8)]);
      expect(result.warnings).toEqual([]);
    }
  });

  it('känner igen indikatorer på kod, namn och alias utan hänsyn till skiftläge, accenter och parenteser', () => {
    for (const i of SURVEY_INDICATORS) {
      for (const name of [i.code, i.label, i.label.toUpperCase(), ` ${i.label} `, ...(i.aliases ?? [])]) {
        expect(matchIndicator(name)?.code, name).toBe(i.code);
      }
    }
    expect(matchIndicator('Otrygg ute ensam sen kväll')?.code).toBe('otrygg_kvall');
    expect(matchIndicator('Polisen bryr sig om lokala problem (andel)')?.code).toBe('polisen_bryr_sig');
    expect(matchIndicator('Narkotikapaverkade personer utomhus')?.code).toBe('narkotikapaverkade');
    expect(matchIndicator('Totalindex')?.code).toBe('totalindex');
    expect(matchIndicator('')).toBeUndefined();
    expect(matchIndicator('Otrygghet')).toBeUndefined();
  });

  it('listar varje trasig rad med kolumn, värde och radnummer', async () => {
    const result = await parseTrygghet(fixture('trygghet-invalid.csv'), 'trygghet-invalid.csv', ctx);
    expect(result.invalid).toEqual([
      {
        row: 2,
        reason: 'Kolumn "Svarande": 700 svarande är fler än de 600 enkäter som skickades ut (kolumn "Utskick")',
      },
      { row: 3, reason: 'Kolumn "År": "17" är inte ett årtal mellan 1900 och 2100' },
      {
        row: 4,
        reason:
          'Kolumn "Indikator": "Otrygghet i parken" är ingen känd indikator. Skriv indikatorns kod eller namn, t.ex. "totalindex", "Nedskräpning", "Otrygg ute ensam sen kväll (andel)"',
      },
      { row: 5, reason: 'Kolumn "Värde": "abc" är inte ett tal' },
      { row: 6, reason: 'Kolumn "Värde": "7,2" ligger utanför skalan för Nedskräpning (index 0–6)' },
      { row: 7, reason: 'Kolumn "Värde": "1,9 %" är ett procenttal, men Skadegörelse är ett index 0–6' },
      {
        row: 8,
        reason: 'Kolumn "Värde": "120 %" ligger utanför skalan för Otrygg ute ensam sen kväll (andel) (andel 0–100 %)',
      },
      { row: 9, reason: 'Kolumn "Svarande": "-5" är negativt' },
      { row: 10, reason: 'Kolumn "Svarande": "12,5" är inte ett heltal' },
      { row: 11, reason: 'Kolumn "Svarsfrekvens": "120" är ingen svarsfrekvens mellan 0 och 100 %' },
      { row: 13, reason: 'Klippan 2023, Ungdomsgäng som stör ordningen förekommer redan på rad 12' },
      { row: 16, reason: 'Kolumn "År" är tom' },
      { row: 17, reason: 'Kolumn "Område" är tom' },
      { row: 18, reason: 'Kolumn "Indikator" är tom' },
      { row: 19, reason: 'Kolumn "Svarsfrekvens": "fem" är inte ett tal' },
      { row: 20, reason: 'Kolumn "Värde": "x2" är inte ett tal' },
    ]);
    expect(result.skipped).toEqual([
      { row: 14, reason: 'LPO Malmö finns inte i databasen' },
      { row: 15, reason: 'Värde saknas för Klippan 2023, Oro för inbrott' },
      { row: 21, reason: 'Skåne län är ett län, inte en kommun eller ett lokalpolisområde' },
    ]);
    // A broken row does not count as the first of its kind: the valid one after it is kept.
    expect(result.rows).toEqual([
      v(12, 2023, kommun('Klippan'), 'ungdomsgang', 1.4),
      v(22, 2023, kommun('Klippan'), 'totalindex', 2.05),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('godtar gränsvärdena för index och andel, och tomt eller ".." som okänt antal svarande', async () => {
    const text = [
      'År;Område;Indikator;Värde;Svarande;Svarsfrekvens;Utskick',
      '2023;Lomma;Nedskräpning;0;0;;0',
      '2023;Lomma;Skadegörelse;6;..;-;',
      '2023;Lomma;Otrygg ute ensam sen kväll;100%;;0 %;',
      '2023;Lomma;åka buss/tåg;0;10;100;10',
      '2023;Lomma;Berusade personer utomhus;-0,1;;;',
      '2023;Lomma;Oro för inbrott;6,01;;;',
      '2023;Lomma;Oro för överfall/misshandel;1;;-1;',
      '2023;Lomma;Kvinnor som antastas;1;;;-3',
    ].join('\r\n');
    const result = await parseTrygghet(utf8(text), 'g.csv', ctx);
    expect(result.rows).toEqual([
      v(2, 2023, kommun('Lomma'), 'nedskrapning', 0, 0, null),
      v(3, 2023, kommun('Lomma'), 'skadegorelse', 6),
      v(4, 2023, kommun('Lomma'), 'otrygg_kvall', 100, null, 0),
      v(5, 2023, kommun('Lomma'), 'otrygg_buss_tag', 0, 10, 100),
    ]);
    expect(result.invalid).toEqual([
      { row: 6, reason: 'Kolumn "Värde": "-0,1" ligger utanför skalan för Berusade personer utomhus (index 0–6)' },
      { row: 7, reason: 'Kolumn "Värde": "6,01" ligger utanför skalan för Oro för inbrott (index 0–6)' },
      { row: 8, reason: 'Kolumn "Svarsfrekvens": "-1" är ingen svarsfrekvens mellan 0 och 100 %' },
      { row: 9, reason: 'Kolumn "Utskick": "-3" är negativt' },
    ]);
  });

  it('räknar ut svarsfrekvensen ur utskick och avrundar till en decimal', async () => {
    const rows = [
      [329, 600, 54.8],
      [1514, 2700, 56.1],
      [1, 8, 12.5],
      [2, 3, 66.7],
      [600, 600, 100],
    ];
    const text = [
      'År;Område;Indikator;Värde;Svarande;Utskick',
      ...rows.map(([n, sent], i) => `${2000 + i};Perstorp;totalindex;2;${n};${sent}`),
    ].join('\n');
    const result = await parseTrygghet(utf8(text), 'u.csv', ctx);
    expect(result.invalid).toEqual([]);
    expect(result.rows.map((r) => [r.value.respondents, r.value.responseRate])).toEqual(
      rows.map(([n, , rate]) => [n, rate]),
    );
  });

  it('varnar när alla andelar är högst 1 (procentformaterade Excel-celler)', async () => {
    const text = 'År;Område;Indikator;Värde\n2023;Bjuv;Otrygg ute ensam sen kväll;0,35\n2023;Bjuv;totalindex;2,5\n';
    const result = await parseTrygghet(utf8(text), 'p.csv', ctx);
    expect(result.rows).toEqual([
      v(2, 2023, kommun('Bjuv'), 'otrygg_kvall', 0.35),
      v(3, 2023, kommun('Bjuv'), 'totalindex', 2.5),
    ]);
    expect(result.warnings).toEqual([
      'Alla andelar i filen är högst 1. Andelar ska anges i procent (35 för 35 %); ett värde som 0,35 läses som 0,35 %. Kontrollera att kolumnen inte är formaterad som procent i Excel.',
    ]);
    const fine =
      'År;Område;Indikator;Värde\n2023;Bjuv;Otrygg ute ensam sen kväll;0,35\n2022;Bjuv;Otrygg ute ensam sen kväll;35\n';
    expect((await parseTrygghet(utf8(fine), 'p.csv', ctx)).warnings).toEqual([]);
  });

  it('läser en Excel-arbetsbok med titelrad, talceller och radnummer från bladet', async () => {
    const bytes = await xlsx(
      [
        ['Trygghetsmätning 2018, LPO Klippan'],
        [],
        ['Område', 'År', 'Indikator', 'Värde', 'Svarande', 'Svarsfrekvens', 'Utskick'],
        ['Perstorp', 2018, 'Totalindex (problemindex)', 2.59, 329, null, 600],
        ['Klippan', 2017, 'totalindex', { formula: '2.09*1', result: 2.09 }, null, null, null],
        [],
        ['LPO Klippan', 2018, 'Otrygg ute ensam sen kväll (andel)', 27.5, 1320, 49.5, null],
        ['Malmö', 2018, 'totalindex', 2.1, null, null, null],
        ['Perstorp', 2018, 'Nedskräpning', '2,9 %', null, null, null],
      ],
      [['Anteckningar']],
    );
    expect(await parseTrygghet(bytes, 'trygghet.xlsx', ctx)).toEqual({
      rows: [
        v(4, 2018, kommun('Perstorp'), 'totalindex', 2.59, 329, 54.8),
        v(5, 2017, kommun('Klippan'), 'totalindex', 2.09),
        v(7, 2018, lpo('Klippan'), 'otrygg_kvall', 27.5, 1320, 49.5),
      ],
      skipped: [{ row: 8, reason: 'Malmö finns inte i databasen' }],
      invalid: [{ row: 9, reason: 'Kolumn "Värde": "2,9 %" är ett procenttal, men Nedskräpning är ett index 0–6' }],
      warnings: ['Arbetsboken har 2 blad; bara det första ("Blad1") läses.'],
    });
  });

  it('vägrar en fil som saknar obligatoriska kolumner, med den förväntade rubrikraden', async () => {
    const one = await refusal(
      parseTrygghet(utf8('År;Område;Fråga text;Värde\n2023;Bjuv;totalindex;2\n'), 'x.csv', ctx),
    );
    expect(one.message).toBe(
      'Rad 1: rubrikraden saknar kolumnen "Indikator". En fil med trygghetsmätningens resultat ska ha rubrikerna År;Område;Indikator;Värde;Svarande;Svarsfrekvens i valfri ordning (Svarande och Svarsfrekvens får saknas), en rad per år, område och indikator.',
    );
    // The row that comes closest is named: here the header after a title line.
    const two = await refusal(
      parseTrygghet(utf8('Trygghetsmätning 2023\n\nKommun;Indikator;Svarande\nBjuv;totalindex;300\n'), 'x.csv', ctx),
    );
    expect(two.message).toMatch(/^Rad 3: rubrikraden saknar kolumnerna "År" och "Värde"\. /);
    const three = await refusal(parseTrygghet(utf8('Kommun;Antal\nBjuv;12\n'), 'x.csv', ctx));
    expect(three.message).toMatch(/^Rad 1: rubrikraden saknar kolumnerna "År", "Indikator" och "Värde"\. /);
  });

  it('vägrar en fil utan datarader', async () => {
    const e = await refusal(parseTrygghet(utf8('Titel\n\nÅr;Område;Indikator;Värde\r\n;;;\r\n'), 'x.csv', ctx));
    expect(e.message).toBe(
      'Filen innehåller inga rader med resultat efter rubrikraden (rad 3). Skriv en rad per år, område och indikator under rubrikerna År;Område;Indikator;Värde;Svarande;Svarsfrekvens.',
    );
    await refusal(parseTrygghet(new Uint8Array(0), 'x.csv', ctx));
  });
});

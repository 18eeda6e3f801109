import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { ReferenceRepo } from '../../src/core/db/reference-repo';
import { seedDemo } from '../../src/core/demo/seed';
import { EXPORT_HEADERS, exportIncidents, type ExportContext } from '../../src/core/services/export';
import type { Incident, IncidentFilter, IncidentSort } from '../../src/shared/domain';
import { newIncident, tempDb, type TempDb } from '../helpers/db';

const TRICKY = '=SUMMA(A1);"citat" och åäö ÅÄÖ';
const SORT: IncidentSort = { column: 'occurredAt', direction: 'desc' };

/** RFC 4180 reader with ';' as separator, written here so the test does not trust the exporter's quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

let t: TempDb;
let ctx: ExportContext;
let klippan: number;
let tricky: Incident;
let progress: [number, number][];
const filter = (): IncidentFilter => ({ kommunIds: [klippan] });
const expectedIds = () =>
  t.db
    .prepare('SELECT id FROM incident WHERE kommun_id = ? ORDER BY occurred_at DESC, id DESC')
    .pluck()
    .all(klippan) as number[];

beforeAll(async () => {
  t = tempDb();
  await seedDemo(t.db, { rows: 1000 });
  const ref = new ReferenceRepo(t.db);
  klippan = t.db.prepare("SELECT id FROM kommun WHERE name = 'Klippan'").pluck().get() as number;
  const repo = new IncidentRepo(t.db);
  tricky = repo.create(
    newIncident(klippan, {
      description: TRICKY,
      placeName: 'Östra Ljungby',
      lat: 56.191,
      lon: 13.06,
      precision: 'place',
      reporterOrg: '-Väktarbolaget',
    }),
  );
  progress = [];
  ctx = {
    repo,
    kommuner: ref.kommuner(),
    lpos: ref.lpos(),
    onProgress: (done, total) => progress.push([done, total]),
  };
});
afterAll(() => t.cleanup());

describe('export till CSV', () => {
  it('skriver BOM, semikolon, CRLF, rubrikraden och exakt count + 1 rader i sorteringsordning', async () => {
    const target = t.dir.file('handelser.csv');
    const count = ctx.repo.count(filter());
    expect(count).toBeGreaterThan(50);
    expect(count).toBeLessThan(1001);
    progress.length = 0;
    expect(await exportIncidents(ctx, filter(), SORT, 'csv', target)).toBe(count);
    expect(progress[progress.length - 1]).toEqual([count, count]);
    expect(fs.existsSync(`${target}.part`)).toBe(false);

    const bytes = fs.readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith(EXPORT_HEADERS.join(';') + '\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(/\r(?!\n)|(?<!\r)\n/.test(text)).toBe(false);
    expect(text.split('\r\n')).toHaveLength(count + 2);

    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...EXPORT_HEADERS]);
    expect(rows).toHaveLength(count + 1);
    expect(rows.every((r) => r.length === EXPORT_HEADERS.length)).toBe(true);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(expectedIds());
    expect(new Set(rows.slice(1).map((r) => r[4]))).toEqual(new Set(['Klippan']));
  });

  it('behåller å, ä, ö, citerar semikolon och citattecken, och oskadliggör formler (inledande = eller -)', async () => {
    const target = t.dir.file('svenska.csv');
    await exportIncidents(ctx, filter(), SORT, 'csv', target);
    const text = fs.readFileSync(target, 'utf8');
    expect(text).toContain(`;"'=SUMMA(A1);""citat"" och åäö ÅÄÖ";"'-Väktarbolaget";`);
    const row = parseCsv(text.slice(1)).find((r) => r[0] === String(tricky.id))!;
    expect(row).toEqual([
      String(tricky.id),
      '2025-03-31 23:30',
      '2025-04-01 09:00',
      'Klippan',
      'Klippan',
      'Östra Ljungby',
      'Skadegörelse',
      'Klotter',
      'EST-rapport',
      'Ny',
      `'${TRICKY}`,
      "'-Väktarbolaget",
      '56,191',
      '13,06',
    ]);
    expect(text).toContain('Kommunens felanmälan');
  });
});

describe('export till Excel', () => {
  it('öppnas med exceljs och har samma rader som CSV-exporten', async () => {
    const target = t.dir.file('handelser.xlsx');
    const count = ctx.repo.count(filter());
    expect(await exportIncidents(ctx, filter(), SORT, 'xlsx', target)).toBe(count);
    expect(fs.existsSync(`${target}.part`)).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.getWorksheet('Händelser')!;
    expect(ws.rowCount).toBe(count + 1);
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...EXPORT_HEADERS]);
    const ids: number[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) ids.push(row.getCell(1).value as number);
    });
    expect(ids).toEqual(expectedIds());
    const trickyRow = ids.indexOf(tricky.id) + 2;
    expect(values(trickyRow)).toEqual([
      tricky.id,
      '2025-03-31 23:30',
      '2025-04-01 09:00',
      'Klippan',
      'Klippan',
      'Östra Ljungby',
      'Skadegörelse',
      'Klotter',
      'EST-rapport',
      'Ny',
      TRICKY,
      '-Väktarbolaget',
      56.191,
      13.06,
    ]);
  });
});

describe('export som misslyckas', () => {
  it.each(['csv', 'xlsx'] as const)(
    '%s till en mapp som inte finns avvisas och lämnar ingen fil',
    async (format) => {
      const target = t.dir.file(`saknas/handelser.${format}`);
      await expect(exportIncidents(ctx, filter(), SORT, format, target)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.existsSync(`${target}.part`)).toBe(false);
    },
    15_000,
  );

  it.each(['csv', 'xlsx'] as const)(
    '%s som avbryts mitt i lämnar varken fil eller .part',
    async (format) => {
      const target = t.dir.file(`avbruten.${format}`);
      const failing: ExportContext = {
        ...ctx,
        onProgress: (done) => {
          if (done > 0) throw new Error('avbruten');
        },
      };
      await expect(exportIncidents(failing, {}, SORT, format, target)).rejects.toThrow('avbruten');
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.existsSync(`${target}.part`)).toBe(false);
    },
    15_000,
  );
});

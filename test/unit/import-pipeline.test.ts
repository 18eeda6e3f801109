import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { commitImport, detectFormat, previewImport, undoImport } from '../../src/core/imports/pipeline';
import { runImportCli } from '../../scripts/import';
import { rollupVsTable, tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  seedGeography(t.db);
});
afterEach(() => t.cleanup());

const utf8 = (s: string) => new TextEncoder().encode(s);
const count = (sql: string, ...p: unknown[]) =>
  t.db
    .prepare(sql)
    .pluck()
    .get(...p) as number;

function event(id: number, name: string, datetime: string, type: string, place: string, extra: object = {}) {
  return {
    id,
    datetime,
    name,
    summary: `Händelse ${id}.`,
    url: `/aktuellt/handelser/${id}/`,
    type,
    location: { name: place, gps: '56.0,13.1' },
    ...extra,
  };
}

const EVENTS = [
  event(501, '06 juni 20.41, Misshandel, Svalöv', '2025-06-07 7:32:06 +02:00', 'Misshandel', 'Svalöv'),
  event(502, '31 december 23.50, Skadegörelse, Klippan', '2026-01-01 0:15:00 +01:00', 'Skadegörelse', 'Klippan'),
  event(
    503,
    '07 juni 06.00, Sammanfattning natt, Skåne län',
    '2025-06-07 6:10:00 +02:00',
    'Sammanfattning natt',
    'Skåne län',
  ),
  event(504, '07 juni 01.15, Rattfylleri, Lomma', '2025-06-07 2:01:00 +02:00', 'Rattfylleri', 'Lomma'),
];
const eventsFile = () => utf8(JSON.stringify(EVENTS));

/** The rollups must still equal the incident table after every import and undo. */
function expectRollupsConsistent() {
  const { table, rollup } = rollupVsTable(t.db);
  expect(rollup).toEqual(table);
}

describe('importflödet för Polisens händelser', () => {
  it('importerar, hoppar över sammanfattningar och län, och lägger inte till något vid omimport', async () => {
    const first = await commitImport(t.db, { fileName: 'handelser.json', bytes: eventsFile() });
    expect(first.format).toBe('polisen');
    expect(first.added).toBe(3);
    expect(first.duplicates).toBe(0);
    expect(first.skipped.map((s) => s.row)).toEqual([3]);
    expect(count('SELECT count(*) FROM incident')).toBe(3);
    const newYear = t.db
      .prepare("SELECT occurred_at, source_url, import_id FROM incident WHERE source_ref = '502'")
      .get() as Record<string, unknown>;
    expect(newYear.occurred_at).toBe('2025-12-31T22:50:00Z');
    expect(newYear.source_url).toBe('https://polisen.se/aktuellt/handelser/502/');
    expect(newYear.import_id).toBe(first.importId);
    expectRollupsConsistent();

    expect((await previewImport(t.db, { fileName: 'handelser.json', bytes: eventsFile() })).alreadyImported).toBe(true);
    const again = await commitImport(t.db, { fileName: 'handelser.json', bytes: eventsFile() });
    expect([again.added, again.duplicates]).toEqual([0, 3]);
    expect(count('SELECT count(*) FROM incident')).toBe(3);
    expect(count('SELECT count(*) FROM import_log')).toBe(2);
  });

  it('ångrar en import: raderna, sökindex och rollups försvinner, och filen kan importeras igen', async () => {
    const report = await commitImport(t.db, { fileName: 'handelser.json', bytes: eventsFile() });
    expect(undoImport(t.db, report.importId!)).toEqual({ removed: 3, restored: 0 });
    expect(count('SELECT count(*) FROM incident')).toBe(0);
    expect(count("SELECT count(*) FROM incident_fts WHERE incident_fts MATCH 'Händelse'")).toBe(0);
    expectRollupsConsistent();
    expect(() => undoImport(t.db, report.importId!)).toThrow(/redan ångrad/);
    expect((await commitImport(t.db, { fileName: 'handelser.json', bytes: eventsFile() })).added).toBe(3);
  });

  it('vägrar en fil med ogiltiga rader utan att ändra något, men importerar resten på begäran', async () => {
    const broken = utf8(JSON.stringify([...EVENTS, { id: 'x', name: 7 }]));
    await expect(commitImport(t.db, { fileName: 'trasig.json', bytes: broken })).rejects.toThrow(
      /ogiltiga rader.*rad 5/,
    );
    expect(count('SELECT count(*) FROM incident')).toBe(0);
    expect(count('SELECT count(*) FROM import_log')).toBe(0);
    const report = await commitImport(t.db, { fileName: 'trasig.json', bytes: broken, skipInvalid: true });
    expect(report.added).toBe(3);
    expect(report.skipped.map((s) => s.row)).toEqual([3, 5]);
  });

  it('vägrar trasig JSON med ett svenskt meddelande och lämnar databasen orörd', async () => {
    await expect(
      commitImport(t.db, { fileName: 'avbruten.json', bytes: utf8('[{"id": 1, "name": "06 ju') }),
    ).rejects.toThrow();
    expect(count('SELECT count(*) FROM import_log')).toBe(0);
  });
});

describe('Polisens händelser: ändrade poster och stora filer', () => {
  it('uppdaterar en händelse som Polisen ändrat (inte en dubblett), och ångra ger tillbaka den gamla texten', async () => {
    const first = await commitImport(t.db, { fileName: 'handelser.json', bytes: eventsFile() });
    const id = count("SELECT id FROM incident WHERE source_ref = '501'");
    // The user has worked on the event: status and place are theirs, and must survive Polisen's update.
    const repo = new IncidentRepo(t.db);
    const before = repo.get(id);
    repo.update(id, before.updatedAt, { ...before, status: 'hanteras', placeName: 'Torget' });
    const changed = EVENTS.map((e) =>
      e.id === 501
        ? {
            ...e,
            summary: 'Misshandel utomhus. En man fördes till sjukhus.',
            type: 'Olaga hot',
            name: '05 juni 20.41, Olaga hot, Svalöv',
          }
        : e,
    );
    const second = await commitImport(t.db, { fileName: 'handelser-2.json', bytes: utf8(JSON.stringify(changed)) });
    expect([second.added, second.updated, second.duplicates]).toEqual([0, 1, 2]);
    const row = () =>
      t.db
        .prepare(
          'SELECT id, description, subcategory, occurred_at, status, place_name, import_id FROM incident WHERE source_ref = ?',
        )
        .get('501') as Record<string, unknown>;
    expect(row()).toEqual({
      id,
      description: 'Misshandel utomhus. En man fördes till sjukhus.',
      subcategory: 'olaga_hot',
      occurred_at: '2025-06-05T18:41:00Z',
      status: 'hanteras',
      place_name: 'Torget',
      import_id: first.importId,
    });
    expect(count("SELECT count(*) FROM incident_fts WHERE incident_fts MATCH 'sjukhus'")).toBe(1);
    expectRollupsConsistent();
    expect(undoImport(t.db, second.importId!)).toEqual({ removed: 0, restored: 1 });
    expect(row()).toMatchObject({ id, description: 'Händelse 501.', subcategory: 'misshandel' });
    expect(count("SELECT count(*) FROM incident_fts WHERE incident_fts MATCH 'sjukhus'")).toBe(0);
    expectRollupsConsistent();
  });

  /** `n` events in demo kommuner, about 330 bytes each. */
  function manyEvents(n: number) {
    const places = ['Klippan', 'Bjuv', 'Åstorp', 'Perstorp', 'Svalöv', 'Kävlinge', 'Lomma', 'Burlöv', 'Staffanstorp'];
    return Array.from({ length: n }, (_, i) =>
      event(
        10_000 + i,
        `0${1 + (i % 9)} maj 1${i % 10}.15, Stöld, ${places[i % 9]}`,
        `2025-05-0${1 + (i % 9)} 2${i % 4}:00:00 +02:00`,
        'Stöld',
        places[i % 9]!,
      ),
    );
  }

  it('läser en fil från disk i bitar, med framsteg, och ger samma resultat som i ett stycke', async () => {
    const events = manyEvents(12_000);
    const file = t.dir.file('manga.json');
    fs.writeFileSync(file, JSON.stringify(events, null, 1));
    expect(fs.statSync(file).size).toBeGreaterThan(3 * 2 ** 20); // several 1 MB chunks
    const preview = await previewImport(t.db, { fileName: 'manga.json', path: file });
    expect([preview.rowCount, preview.sample.length, preview.invalidCount]).toEqual([12_000, 20, 0]);
    const progress: [number, number][] = [];
    const report = await commitImport(t.db, { fileName: 'manga.json', path: file }, new Date(), (d, n) =>
      progress.push([d, n]),
    );
    expect(report.added).toBe(12_000);
    expect(progress.at(-1)).toEqual([12_000, 12_000]);
    expect(progress.every(([d, n], i) => d <= n && (i === 0 || d >= progress[i - 1]![0]))).toBe(true);
    expect(count('SELECT content_hash = ? FROM import_log WHERE id = ?', preview.hash, report.importId)).toBe(1);
    expectRollupsConsistent();
    const again = await commitImport(t.db, { fileName: 'kopia.json', bytes: fs.readFileSync(file) });
    expect([again.added, again.duplicates]).toEqual([0, 12_000]);
  });

  it('vägrar en stor fil som är avkortad eller har en ogiltig post långt in, utan att något skrivs', async () => {
    const text = JSON.stringify(manyEvents(9_000));
    const cutFile = t.dir.file('avkortad.json');
    fs.writeFileSync(cutFile, text.slice(0, text.length - 40));
    await expect(commitImport(t.db, { fileName: 'avkortad.json', path: cutFile })).rejects.toThrow(
      /tar slut mitt i JSON-datat \(rad 1, kolumn \d+, i post 9000, fältet "\w+"\)/,
    );
    const events = manyEvents(9_000);
    events[8_500] = { ...events[8_500]!, datetime: 'igår' };
    const badFile = t.dir.file('ogiltig.json');
    fs.writeFileSync(badFile, JSON.stringify(events));
    await expect(commitImport(t.db, { fileName: 'ogiltig.json', path: badFile })).rejects.toThrow(
      /1 ogiltiga rader.*rad 8501: Fältet "datetime" är ingen giltig tidpunkt/,
    );
    expect(count('SELECT count(*) FROM incident')).toBe(0);
    expect(count('SELECT count(*) FROM incident_rollup_day')).toBe(0);
    expect(count('SELECT count(*) FROM import_log')).toBe(0);
    const skipping = await commitImport(t.db, { fileName: 'ogiltig.json', path: badFile, skipInvalid: true });
    expect([skipping.added, skipping.skipped]).toEqual([
      8_999,
      [{ row: 8501, reason: expect.stringMatching(/datetime/) }],
    ]);
  });
});

describe('Brå och SCB', () => {
  const bra = (klippan: string) =>
    utf8(
      `\uFEFFKommun;Antal;Per 100 000 inv.\r\nKlippans kommun;${klippan};9 999,5\r\nHela landet;1 500 000;14 000\r\nPerstorp;..;..\r\n`,
    );

  it('lägger in Brå-statistik, känner igen dubbletter och ändringar, och ångrar till förra värdet', async () => {
    const first = await commitImport(t.db, { fileName: 'bra-2024.csv', bytes: bra('1 771'), year: 2024 });
    expect([first.format, first.added, first.updated]).toEqual(['bra', 3, 0]);
    const klippan = t.db.prepare(
      "SELECT b.count, b.per_100k FROM bra_reported_crime b JOIN kommun k ON k.id = b.kommun_id WHERE k.name = 'Klippan'",
    );
    expect(klippan.get()).toEqual({ count: 1771, per_100k: 9999.5 });
    expect((await commitImport(t.db, { fileName: 'bra-2024.csv', bytes: bra('1 771'), year: 2024 })).duplicates).toBe(
      3,
    );
    const changed = await commitImport(t.db, { fileName: 'bra-2024b.csv', bytes: bra('1 800'), year: 2024 });
    expect([changed.added, changed.updated]).toEqual([0, 1]);
    undoImport(t.db, changed.importId!);
    expect(klippan.get()).toEqual({ count: 1771, per_100k: 9999.5 });
  });

  it('kräver år för Brå-filer', async () => {
    await expect(commitImport(t.db, { fileName: 'bra.csv', bytes: bra('1') })).rejects.toThrow(/vilket år/);
  });

  it('lägger in folkmängd från SCB och ångrar', async () => {
    const scb = utf8('"region";"år";"Folkmängd"\n"1276 Klippan";"2025";"17800"\n"1275 Perstorp";"2024";"7300"\n');
    const report = await commitImport(t.db, { fileName: 'scb.csv', bytes: scb });
    expect([report.format, report.added, report.updated]).toEqual(['scb', 1, 1]);
    const pop = (code: string, year: number) =>
      count(
        'SELECT p.population FROM population p JOIN kommun k ON k.id = p.kommun_id WHERE k.scb_code = ? AND p.year = ?',
        code,
        year,
      );
    expect(pop('1276', 2025)).toBe(17800);
    expect(pop('1275', 2024)).toBe(7300);
    undoImport(t.db, report.importId!);
    expect(pop('1275', 2024)).toBe(7235);
    expect(pop('1276', 2025)).toBeUndefined();
  });
});

describe('formatigenkänning och kommandoraden', () => {
  it('känner igen format från namn och innehåll', async () => {
    expect(detectFormat('x.json', utf8('[]'))).toBe('polisen');
    expect(detectFormat('x.csv', utf8('\uFEFFKommun;Antal;Per 100 000 inv.\r\n'))).toBe('bra');
    expect(detectFormat('x.csv', utf8('"region";"år";"Folkmängd"\n'))).toBe('scb');
    expect(() => detectFormat('x.bin', utf8('hej'))).toThrow(/känna igen/);
    expect(detectFormat('lista.csv', utf8('Datum;Kommun;Kategori\n'))).toBe('incidents');
  });

  it('skriver rapporten som JSON och avslutar med fel när filen vägras', async () => {
    const file = t.dir.file('handelser.json');
    fs.writeFileSync(file, eventsFile());
    t.db.close();
    const ok = await runImportCli([file, '--db', t.path, '--json']);
    expect(ok.code).toBe(0);
    const body = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['added', 'updated', 'duplicates', 'skipped', 'warnings']);
    expect(body.added).toBe(3);
    expect(body.skipped).toEqual([{ row: 3, reason: expect.any(String) }]);
    fs.writeFileSync(file, '[{"id": 1');
    const refused = await runImportCli([file, '--db', t.path, '--json', '--format', 'polisen']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error).toMatch(/\S/);
    expect((await runImportCli(['--db', t.path])).code).toBe(1);
  });
});

describe('händelser från kalkylark', () => {
  const est = () => fs.readFileSync('test/fixtures/imports/est-export.csv');

  it('föreslår kolumner, vägrar ogiltiga rader, importerar resten och lägger inte till dubbletter', async () => {
    const preview = await previewImport(t.db, { fileName: 'est-export.csv', bytes: est() });
    expect(preview.format).toBe('incidents');
    expect(preview.rowCount).toBe(5);
    expect(preview.invalid.map((p) => p.row)).toEqual([5, 6, 9, 10, 11]);
    await expect(commitImport(t.db, { fileName: 'est-export.csv', bytes: est() })).rejects.toThrow(
      /5 ogiltiga rader.*rad 5/,
    );
    expect(count('SELECT count(*) FROM incident')).toBe(0);

    const first = await commitImport(t.db, { fileName: 'est-export.csv', bytes: est(), skipInvalid: true });
    expect([first.added, first.duplicates, first.skipped.length]).toEqual([5, 0, 5]);
    expect(count("SELECT count(*) FROM incident WHERE source = 'est' AND import_id = ?", first.importId)).toBe(5);
    expectRollupsConsistent();
    const again = await commitImport(t.db, { fileName: 'est-export-kopia.csv', bytes: est(), skipInvalid: true });
    expect([again.added, again.duplicates]).toEqual([0, 5]);
  });

  it('samma ärendenummer från två kommuners EST är två händelser, och en ändrad rad uppdateras', async () => {
    const sheet = (rows: string[]) => utf8(['Ärendenummer;Datum;Kommun;Kategori;Beskrivning', ...rows].join('\n'));
    const first = await commitImport(t.db, {
      fileName: 'klippan.csv',
      bytes: sheet(['EST-1;2025-06-07 21:30;Klippan;Klotter;Tag på muren']),
    });
    const second = await commitImport(t.db, {
      fileName: 'bjuv.csv',
      bytes: sheet(['EST-1;2025-06-08 10:00;Bjuv;Glaskross;Krossad ruta']),
    });
    expect([first.added, second.added, second.updated]).toEqual([1, 1, 0]);
    expect(t.db.prepare("SELECT source_ref FROM incident WHERE source = 'est' ORDER BY id").pluck().all()).toEqual([
      '1276:EST-1',
      '1260:EST-1',
    ]);
    const fixed = await commitImport(t.db, {
      fileName: 'klippan-2.csv',
      bytes: sheet(['EST-1;2025-06-07 21:30;Klippan;Klotter;Tag på muren vid torget']),
    });
    expect([fixed.added, fixed.updated]).toEqual([0, 1]);
    expect(count("SELECT count(*) FROM incident WHERE description = 'Tag på muren vid torget'")).toBe(1);
    expectRollupsConsistent();
  });

  it('kommer ihåg kolumnkopplingen för filer med samma kolumner', async () => {
    const mapping = {
      occurredAt: 'Händelsedatum',
      time: 'Tid',
      kommun: 'Kommun',
      category: 'Kategori',
      description: 'Beskrivning',
      sourceRef: 'Ärendenummer',
    };
    await commitImport(t.db, { fileName: 'est-export.csv', bytes: est(), skipInvalid: true, mapping });
    const next = await previewImport(t.db, { fileName: 'nästa.csv', bytes: est() });
    expect(next.format === 'incidents' && next.mapping.mapping).toEqual(mapping);
    expect(count("SELECT count(*) FROM incident WHERE place_name <> ''")).toBe(0);
  });

  it('säger vilka fält som saknar kolumn i stället för att gissa', async () => {
    const bytes = utf8('När;Var;Vad\n2025-06-07 21:30;Klippan;Klotter\n');
    const preview = await previewImport(t.db, { fileName: 'egen.csv', bytes });
    expect(preview.format === 'incidents' && preview.mapping.missing.length).toBeGreaterThan(0);
    await expect(commitImport(t.db, { fileName: 'egen.csv', bytes })).rejects.toThrow(/Koppla filens kolumner/);
    const ok = await commitImport(t.db, {
      fileName: 'egen.csv',
      bytes: utf8('När;Var;Vad;Text\n2025-06-07 21:30;Klippan;Klotter;Tag på muren\n'),
      mapping: { occurredAt: 'När', kommun: 'Var', category: 'Vad', description: 'Text' },
    });
    expect(ok.added).toBe(1);
  });
});

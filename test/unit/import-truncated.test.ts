/**
 * Files cut short, through the whole pipeline on a real database built by the migrations: a last line
 * without a line ending and with fewer fields than the header refuses the file (nothing changes); a number
 * in such a line much shorter than its column's others, and a population that changes by more than half,
 * are warnings the user must confirm before the import (`acceptWarnings`, `--accept-warnings`). Also: the
 * preview says when a file has nothing new, and file-system errors are Swedish messages naming the file.
 * The fixtures are the real samples in test/fixtures/imports cut where a download or copy broke off.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportCli } from '../../scripts/import';
import type { Db } from '../../src/core/db/connection';
import { seedGeography } from '../../src/core/demo/seed';
import { fileError } from '../../src/core/imports/file-errors';
import { commitImport, previewImport, type ImportRequest } from '../../src/core/imports/pipeline';
import { runImportInWorker } from '../../src/core/imports/runner';
import { commitFile, previewFile } from '../../src/core/imports/service';
import { AppError } from '../../src/shared/errors';
import { tempDb, type TempDb } from '../helpers/db';

const FIXTURES = path.join(__dirname, '../fixtures/imports');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const WORKER = { path: path.resolve(__dirname, '../../src/core/imports/worker-entry.ts'), register: 'tsx/cjs' };

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  seedGeography(t.db);
});
afterEach(() => t.cleanup());

/** Everything an import may write, row by row. */
function snapshot(db: Db): string {
  return JSON.stringify(
    [
      'incident ORDER BY id',
      'incident_rollup_day ORDER BY day, kommun_id, category, source',
      'import_log ORDER BY id',
      'population ORDER BY kommun_id, year',
      'bra_reported_crime ORDER BY kommun_id, year',
      'bra_region ORDER BY region_code, year',
      'survey_result ORDER BY id',
      'setting ORDER BY key',
    ].map((q) => db.prepare(`SELECT * FROM ${q}`).all()),
  );
}

const population = (name: string, year: number) =>
  t.db
    .prepare(
      'SELECT p.population FROM population p JOIN kommun k ON k.id = p.kommun_id WHERE k.name = ? AND p.year = ?',
    )
    .pluck()
    .get(name, year) as number | undefined;

/** The message of the error a promise is rejected with. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as Error).message;
  }
  throw new Error('väntade att filen skulle vägras');
}

describe('en fil som slutar mitt i en rad vägras', () => {
  it.each([
    // Brå with a header, cut in Klippan's count: today "1 77" was stored as 177.
    {
      name: 'bra-2024-avkortad.csv',
      format: 'bra' as const,
      year: 2024,
      line: 5,
      fields: '2 fält där rubrikraden har 3',
    },
    // Brå without a header: the other lines say how many fields a line has.
    {
      name: 'bra-2015-avkortad.csv',
      format: 'bra' as const,
      year: 2015,
      line: 3,
      fields: '2 fält där de andra raderna har 3',
    },
    // SCB without quotes (PX-Web "semikolonavgränsad"), cut in the year of Klippan's row.
    {
      name: 'scb-semikolon-avkortad-rad.csv',
      format: 'scb' as const,
      line: 11,
      fields: '2 fält där rubrikraden har 3',
    },
    // An EST export cut in the last row's description: today the cut text was saved.
    {
      name: 'est-export-avkortad.csv',
      format: 'incidents' as const,
      line: 12,
      fields: '8 fält där rubrikraden har 12',
    },
    // A survey file cut after the value: respondents and the rest missing.
    {
      name: 'trygghet-syd-avkortad.csv',
      format: 'trygghet' as const,
      line: 25,
      fields: '4 fält där rubrikraden har 7',
    },
  ])('$name: rad $line, inget ändras', async ({ name, format, year, line, fields }) => {
    const before = snapshot(t.db);
    // A Brå file without a header is recognised only when the user says it is one.
    for (const viaFormat of name === 'bra-2015-avkortad.csv' ? [true] : [false, true]) {
      const req: ImportRequest = { fileName: name, bytes: fixture(name), year, ...(viaFormat ? { format } : {}) };
      const shown = await refusal(previewImport(t.db, req));
      expect(shown).toMatch(new RegExp(`^Rad ${line}: filen är troligen avkortad`));
      expect(shown).toContain(fields);
      // Neither skipping invalid rows nor confirming warnings imports a cut file.
      expect(await refusal(commitImport(t.db, { ...req, skipInvalid: true, acceptWarnings: true }))).toBe(shown);
    }
    // From disk, as the app and the worker read it, the same.
    const file = path.join(FIXTURES, name);
    expect(
      await refusal(commitFile(t.db, { path: file, format, year, skipInvalid: true, acceptWarnings: true })),
    ).toMatch(/troligen avkortad/);
    expect(snapshot(t.db)).toBe(before);
  });

  it('en hel fil utan radbrytning efter sista raden godtas, och de hela proven ger inga varningar', async () => {
    const lf = new TextEncoder().encode('region;år;Folkmängd\n1276 Klippan;2023;17720\n1260 Bjuv;2024;15990');
    const preview = await previewImport(t.db, { fileName: 'scb.csv', bytes: lf });
    expect([preview.rowCount, preview.confirm]).toEqual([2, []]);
    for (const [name, year] of [
      ['scb-semikolon.csv'],
      ['scb-long.csv'],
      ['scb-wide.csv'],
      ['est-koordinater.csv'],
      ['est-export.csv'],
      ['bra-2024-header.csv', 2024],
      ['bra-2015-noheader.csv', 2015],
      ['trygghet-syd.csv'],
    ] as const) {
      const p = await previewImport(t.db, { fileName: name, bytes: fixture(name), year });
      expect(p.confirm, name).toEqual([]);
    }
  });
});

describe('varningar som måste bekräftas före importen', () => {
  it('SCB: folkmängden 177 i stället för 17 714 i en avkortad sista rad', async () => {
    const name = 'scb-semikolon-avkortad.csv';
    const file = path.join(FIXTURES, name);
    const preview = await previewFile(t.db, { path: file });
    expect(preview.confirmWarnings).toEqual([
      expect.stringMatching(
        /^Rad 12 är filens sista och slutar utan radbrytning, och talet "177" i kolumn "Folkmängd" har 3 siffror där kolumnens övriga värden oftast har 5\./,
      ),
      expect.stringMatching(
        /^Rad 12: folkmängden för Klippan minskar med mer än hälften, från 17\s720 år 2023 \(i filen\) till 177 år 2024\./,
      ),
    ]);
    // Not among the ordinary warnings: those do not stop an import.
    expect(preview.warnings).toEqual([]);

    const before = snapshot(t.db);
    const refused = await refusal(commitFile(t.db, { path: file }));
    expect(refused).toMatch(/^Filen har inte importerats: 2 varningar måste bekräftas först\. Rad 12 är filens sista/);
    expect(snapshot(t.db)).toBe(before);
    expect(population('Klippan', 2024)).toBe(17714);

    // The user looked at the file and says the figure is right: it is imported as it stands.
    const report = await commitFile(t.db, { path: file, acceptWarnings: true });
    expect([report.added, report.updated]).toEqual([1, 1]);
    expect(report.warnings).toEqual(preview.confirmWarnings);
    expect(population('Klippan', 2024)).toBe(177);
  });

  it('SCB: en folkmängd som ändras med mer än hälften mot året före i databasen, eller mot samma år', async () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const next = await previewImport(t.db, {
      fileName: 'scb.csv',
      bytes: utf8('region;år;Folkmängd\n1276 Klippan;2025;1771\n1260 Bjuv;2025;16010\n'),
    });
    expect(next.confirm).toEqual([
      expect.stringMatching(
        /^Rad 2: folkmängden för Klippan minskar med mer än hälften, från 17\s714 år 2024 \(i databasen\) till 1\s771 år 2025\./,
      ),
    ]);
    const same = await previewImport(t.db, {
      fileName: 'scb.csv',
      bytes: utf8('region;år;Folkmängd\n1276 Klippan;2024;40000\n'),
    });
    expect(same.confirm).toEqual([
      expect.stringMatching(
        /^Rad 2: folkmängden för Klippan år 2024 blir 40\s000 i stället för 17\s714 som redan finns i databasen/,
      ),
    ]);
    const before = snapshot(t.db);
    await expect(
      commitImport(t.db, { fileName: 'scb.csv', bytes: utf8('region;år;Folkmängd\n1276 Klippan;2024;40000\n') }),
    ).rejects.toThrow(/bekräftas/);
    expect(snapshot(t.db)).toBe(before);
    // An ordinary year-on-year change is no warning.
    const normal = await previewImport(t.db, {
      fileName: 'scb.csv',
      bytes: utf8('region;år;Folkmängd\n1276 Klippan;2025;17800\n'),
    });
    expect(normal.confirm).toEqual([]);
  });

  it('Brå: en kvot som slutar mitt i talet på sista raden', async () => {
    const req: ImportRequest = {
      fileName: 'bra-2015-avkortad-tal.csv',
      bytes: fixture('bra-2015-avkortad-tal.csv'),
      year: 2015,
      format: 'bra',
    };
    const preview = await previewImport(t.db, req);
    expect(preview.confirm).toEqual([
      expect.stringMatching(
        /^Rad 9 är filens sista .* talet "3 9" i kolumn "Per 100 000 inv\." har 2 siffror där kolumnens övriga värden oftast har 4\./,
      ),
    ]);
    const before = snapshot(t.db);
    await expect(commitImport(t.db, req)).rejects.toThrow(
      /^Filen har inte importerats: en varning måste bekräftas först/,
    );
    expect(snapshot(t.db)).toBe(before);
    await commitImport(t.db, { ...req, acceptWarnings: true });
    const lomma = t.db
      .prepare(
        "SELECT b.count, b.per_100k FROM bra_reported_crime b JOIN kommun k ON k.id = b.kommun_id WHERE k.name = 'Lomma'",
      )
      .get();
    expect(lomma).toEqual({ count: 900, per_100k: 39 });
  });

  it('händelser: en longitud som slutar mitt i talet; inget skrivs förrän varningen bekräftats', async () => {
    const req = { fileName: 'est-koordinater-avkortad.csv', bytes: fixture('est-koordinater-avkortad.csv') };
    const preview = await previewImport(t.db, req);
    expect([preview.rowCount, preview.invalidCount]).toEqual([4, 0]);
    expect(preview.confirm).toEqual([
      expect.stringMatching(
        /^Rad 5 är filens sista .* talet "13,1" i kolumn "Longitud" har 3 siffror där kolumnens övriga värden oftast har 6\./,
      ),
    ]);
    const before = snapshot(t.db);
    await expect(commitImport(t.db, req)).rejects.toThrow(/bekräftas/);
    expect(snapshot(t.db)).toBe(before);
    const report = await commitImport(t.db, { ...req, acceptWarnings: true });
    expect(report.added).toBe(4);
  });

  it('bekräftelsen når importtråden, som vägrar utan den', async () => {
    const file = path.join(FIXTURES, 'scb-semikolon-avkortad.csv');
    const before = snapshot(t.db);
    const run = (acceptWarnings?: boolean) =>
      runImportInWorker({
        script: WORKER,
        dbPath: t.path,
        file: { path: file, ...(acceptWarnings ? { acceptWarnings } : {}) },
      });
    expect(await refusal(run())).toMatch(/^Filen har inte importerats: 2 varningar måste bekräftas först/);
    expect(snapshot(t.db)).toBe(before);
    expect((await run(true)).updated).toBe(1);
    expect(population('Klippan', 2024)).toBe(177);
  });
});

describe('npm run import', () => {
  it('vägrar en fil med varningar utan --accept-warnings och importerar den med', async () => {
    const file = path.join(FIXTURES, 'scb-semikolon-avkortad.csv');
    t.db.close();
    const refused = await runImportCli([file, '--db', t.path]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /^Importen avbröts: filen har varningar som måste bekräftas, inget har importerats:/,
    );
    expect(refused.stdout).toContain('varning: Rad 12: folkmängden för Klippan minskar med mer än hälften');
    expect(refused.stdout).toContain('kör igen med --accept-warnings');
    const json = await runImportCli([file, '--db', t.path, '--json']);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { confirmWarnings: string[] }).confirmWarnings).toHaveLength(2);

    const accepted = await runImportCli([file, '--db', t.path, '--accept-warnings']);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/tillagda 1, uppdaterade 1/);
    // A file cut mid-row is refused even so.
    const cut = await runImportCli([
      path.join(FIXTURES, 'bra-2024-avkortad.csv'),
      '--db',
      t.path,
      '--year',
      '2024',
      '--accept-warnings',
    ]);
    expect([cut.code, cut.stdout]).toEqual([
      1,
      expect.stringMatching(/^Importen avbröts: Rad 5: filen är troligen avkortad/),
    ]);
  });

  it('som eget program: avslutar med 1 utan --accept-warnings', () => {
    const file = path.join(FIXTURES, 'scb-semikolon-avkortad.csv');
    t.db.close();
    let status = 0;
    let out = '';
    try {
      execFileSync('npx', ['tsx', 'scripts/import.ts', file, '--db', t.path], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      status = (err as { status: number }).status;
      out = (err as { stdout: string }).stdout;
    }
    expect(status).toBe(1);
    expect(out).toContain('--accept-warnings');
  }, 30_000);
});

describe('förhandsgranskningen säger när inget är nytt', () => {
  it('en fil vars rader redan finns med samma innehåll har inget att importera', async () => {
    const req = { fileName: 'scb-semikolon.csv', bytes: fixture('scb-semikolon.csv') };
    expect((await previewImport(t.db, req)).nothingNew).toBe(false);
    await commitImport(t.db, req);
    const again = await previewImport(t.db, req);
    expect([again.rowCount, again.nothingNew]).toEqual([5, true]);

    const est = { fileName: 'est-koordinater.csv', bytes: fixture('est-koordinater.csv') };
    expect((await previewFile(t.db, { path: path.join(FIXTURES, 'est-koordinater.csv') })).nothingNew).toBe(false);
    await commitImport(t.db, est);
    expect((await previewImport(t.db, est)).nothingNew).toBe(true);
    // One row changed at the source: something to import again.
    const changed = new TextEncoder().encode(
      Buffer.from(est.bytes).toString('utf8').replace('Tag på väntkuren', 'Tagg på väntkuren'),
    );
    expect((await previewImport(t.db, { ...est, bytes: changed })).nothingNew).toBe(false);
    // A file with no rows to import at all.
    const empty = new TextEncoder().encode('region;år;Folkmängd\n00 Riket;2024;10587710\n');
    expect(await previewImport(t.db, { fileName: 'riket.csv', bytes: empty })).toMatchObject({
      rowCount: 0,
      nothingNew: true,
    });
  });
});

describe('filsystemets fel på svenska', () => {
  it('en mapp, en fil som saknas och en namngiven pipe', async () => {
    const dir = t.dir.file('mapp.csv');
    fs.mkdirSync(dir);
    const missing = t.dir.file('finns-inte.csv');
    const fifo = t.dir.file('pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, RegExp][] = [
      [dir, /^".*mapp\.csv" är en mapp, inte en fil\. Välj filen som ska importeras\.$/],
      [missing, /^Filen ".*finns-inte\.csv" finns inte\./],
      [fifo, /^".*pipe\.csv" är ingen vanlig fil utan en namngiven pipe \(FIFO\)/],
    ];
    for (const [file, message] of cases) {
      for (const attempt of [
        () => previewFile(t.db, { path: file }),
        () => commitFile(t.db, { path: file }),
        () => previewImport(t.db, { fileName: path.basename(file), path: file }),
        () => commitImport(t.db, { fileName: path.basename(file), path: file, format: 'trygghet' }),
      ]) {
        const shown = await refusal(attempt());
        expect(shown).toMatch(message);
        expect(shown).not.toMatch(/\bE[A-Z]{3,}\b/);
        expect(shown).not.toMatch(/illegal|directory|no such|permission/i);
      }
    }
    t.db.close();
    const cli = await runImportCli([dir, '--db', t.path]);
    expect(cli).toEqual({
      code: 1,
      stdout: expect.stringMatching(/^Importen avbröts: ".*mapp\.csv" är en mapp, inte en fil/),
    });
  });

  it('behörighet och andra fel från systemet blir svenska meddelanden som namnger filen', () => {
    const errno = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(fileError(errno('EACCES', "EACCES: permission denied, open '/x/a.csv'"), '/x/a.csv').message).toBe(
      'Filen "/x/a.csv" kunde inte läsas: du saknar behörighet att läsa den. Ändra filens behörigheter eller kopiera den till en mapp du kan läsa.',
    );
    expect(fileError(errno('EPERM', 'EPERM: operation not permitted'), '/x/a.csv').message).toMatch(/behörighet/);
    expect(fileError(errno('EIO', 'EIO: i/o error, read'), '/x/a.csv').message).toMatch(
      /^Filen "\/x\/a\.csv" kunde inte läsas: läsfel/,
    );
    expect(fileError(errno('EWHATEVER', 'something odd'), '/x/a.csv').message).toBe(
      'Filen "/x/a.csv" kunde inte läsas. Kontrollera att den finns och går att öppna.',
    );
  });
});

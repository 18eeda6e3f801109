/**
 * The registry of importers (src/core/imports/formats): every format in IMPORT_FORMATS has one, and each
 * format's real sample file goes through its importer end to end on a real database built by the
 * migrations — the preview shows a cell under every column, the import writes rows, and "ångra" puts the
 * database back exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/db/connection';
import { seedGeography } from '../../src/core/demo/seed';
import { IMPORTERS } from '../../src/core/imports/formats';
import { undoImport } from '../../src/core/imports/pipeline';
import { commitFile, previewFile } from '../../src/core/imports/service';
import { IMPORT_FORMATS, type ImportFormat } from '../../src/shared/imports';
import { tempDb, type TempDb } from '../helpers/db';

const FIXTURES = path.join(__dirname, '../fixtures/imports');

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  seedGeography(t.db);
});
afterEach(() => t.cleanup());

/** Everything an import may write, except its own log entry. */
function snapshot(db: Db): string {
  return JSON.stringify(
    [
      'incident ORDER BY id',
      'incident_rollup_day ORDER BY day, kommun_id, category, source',
      'population ORDER BY kommun_id, year',
      'bra_reported_crime ORDER BY kommun_id, year',
      'bra_region ORDER BY region_code, year',
      'survey_result ORDER BY id',
    ].map((q) => db.prepare(`SELECT * FROM ${q}`).all()),
  );
}

const SAMPLES: { format: ImportFormat; file: string; year?: number; columns: string[] }[] = [
  {
    format: 'polisen',
    file: path.join(FIXTURES, 'polisen-traps.json'),
    columns: ['Rad', 'Inträffade', 'Kommun', 'Kategori', 'Beskrivning'],
  },
  {
    format: 'incidents',
    file: path.join(FIXTURES, 'est-export.csv'),
    columns: ['Rad', 'Inträffade', 'Kommun', 'Kategori', 'Beskrivning'],
  },
  {
    format: 'bra',
    file: path.join(FIXTURES, 'bra-2024-header.csv'),
    year: 2024,
    columns: ['Rad', 'Kommun', 'År', 'Antal', 'Per 100 000 inv.'],
  },
  { format: 'scb', file: path.join(FIXTURES, 'scb-semikolon.csv'), columns: ['Rad', 'Kommun', 'År', 'Folkmängd'] },
  {
    format: 'trygghet',
    file: path.join(FIXTURES, 'trygghet-syd.csv'),
    columns: ['Rad', 'År', 'Område', 'Indikator', 'Värde', 'Svarande', 'Svarsfrekvens'],
  },
];

describe('importörernas register', () => {
  it('har en importör för varje format, och inga andra', () => {
    expect(Object.keys(IMPORTERS).sort()).toEqual([...IMPORT_FORMATS].sort());
    expect(SAMPLES.map((s) => s.format).sort()).toEqual([...IMPORT_FORMATS].sort());
  });

  it.each(SAMPLES)('$format: förhandsvisning, import och ångra går genom formatets importör', async (s) => {
    expect(fs.existsSync(s.file)).toBe(true);
    const before = snapshot(t.db);
    const file = { path: s.file, year: s.year };
    const preview = await previewFile(t.db, file);
    expect(preview.format).toBe(s.format);
    expect(preview.columns).toEqual(s.columns);
    expect(preview.sample.length).toBeGreaterThan(0);
    for (const row of preview.sample) expect(row.cells).toHaveLength(s.columns.length);
    expect(preview.mapping !== undefined).toBe(s.format === 'incidents');
    expect(preview.nothingNew).toBe(false);

    const report = await commitFile(t.db, { ...file, skipInvalid: true, acceptWarnings: true });
    expect(report.format).toBe(s.format);
    expect(report.added + report.updated).toBeGreaterThan(0);
    expect((await previewFile(t.db, file)).nothingNew).toBe(true);

    const undone = undoImport(t.db, report.importId!);
    expect(undone.removed + undone.restored).toBe(report.added + report.updated);
    expect(snapshot(t.db)).toBe(before);
  });
});

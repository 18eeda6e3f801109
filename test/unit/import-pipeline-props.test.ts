/**
 * The pipeline as a whole under random and corrupted files of every format, on a real SQLite file that
 * already holds data: a refused file changes nothing at all (every table, the free-text index), an accepted
 * one leaves rollups equal to the incident table, and "ångra denna import" puts the data back as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { commitImport, undoImport } from '../../src/core/imports/pipeline';
import type { ImportFormat } from '../../src/core/imports/types';
import type { Db } from '../../src/core/db/connection';
import { AppError } from '../../src/shared/errors';
import { rollupVsTable, tempDb } from '../helpers/db';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '../fixtures/imports', name)));

const FILES: { name: string; format: ImportFormat; year?: number }[] = [
  { name: 'polisen-traps.json', format: 'polisen' },
  { name: 'est-export.csv', format: 'incidents' },
  { name: 'est-export-1252.csv', format: 'incidents' },
  { name: 'bra-2024-header.csv', format: 'bra', year: 2024 },
  { name: 'bra-2015-noheader.csv', format: 'bra', year: 2015 },
  { name: 'scb-long.csv', format: 'scb' },
  { name: 'scb-wide.csv', format: 'scb' },
];

/** Everything an import may touch, row by row. */
function snapshot(db: Db): string {
  const tables: [string, string][] = [
    ['incident', 'id'],
    ['incident_rollup_day', 'day, kommun_id, category, source'],
    ['incident_rollup_month', 'month, kommun_id, category, source'],
    ['import_log', 'id'],
    ['population', 'kommun_id, year'],
    ['bra_reported_crime', 'kommun_id, year'],
    ['bra_region', 'region_code, year'],
    ['setting', 'key'],
  ];
  const data = tables.map(([t, order]) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all()]);
  const fts = db
    .prepare("SELECT rowid FROM incident_fts WHERE incident_fts MATCH 'a* OR e* OR i* OR o*' ORDER BY rowid")
    .pluck()
    .all();
  return JSON.stringify([data, fts]);
}

/** The data itself (not the log): what an undo must give back. Empty rollup rows count as absent. */
function dataOnly(db: Db): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM incident ORDER BY id').all(),
    db.prepare('SELECT * FROM incident_rollup_day WHERE n > 0 ORDER BY day, kommun_id, category, source').all(),
    db.prepare('SELECT * FROM population ORDER BY kommun_id, year').all(),
    db.prepare('SELECT kommun_id, year, count, per_100k FROM bra_reported_crime ORDER BY kommun_id, year').all(),
    db.prepare('SELECT region_code, year, count, per_100k FROM bra_region ORDER BY region_code, year').all(),
  ]);
}

function expectConsistent(db: Db): void {
  const { table, rollup } = rollupVsTable(db);
  expect(rollup).toEqual(table);
  db.exec("INSERT INTO incident_fts (incident_fts) VALUES ('integrity-check')");
}

type Corruption =
  | { kind: 'none' }
  | { kind: 'truncate' | 'replace' | 'insert' | 'dropLine' | 'repeatLine' | 'editText'; at: number; byte: number };

function corrupt(bytes: Uint8Array, c: Corruption): Uint8Array {
  if (c.kind === 'none' || bytes.length === 0) return bytes;
  const at = c.at % bytes.length;
  switch (c.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'replace':
      return Uint8Array.from(bytes, (b, i) => (i === at ? c.byte : b));
    case 'insert':
      return new Uint8Array([...bytes.subarray(0, at), c.byte, ...bytes.subarray(at)]);
    case 'editText': {
      // A changed letter: still a valid file, but the source has changed a row's text since the last import.
      const letters = [...bytes.keys()].filter((i) => bytes[i]! >= 0x61 && bytes[i]! <= 0x7a);
      if (letters.length === 0) return bytes;
      const pos = letters[at % letters.length]!;
      return Uint8Array.from(bytes, (b, i) => (i === pos ? 0x61 + ((b - 0x61 + 1 + (c.byte % 25)) % 26) : b));
    }
    default: {
      const lines = Buffer.from(bytes).toString('latin1').split('\n');
      const i = at % lines.length;
      if (c.kind === 'dropLine') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i]!);
      return new Uint8Array(Buffer.from(lines.join('\n'), 'latin1'));
    }
  }
}

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constantFrom(
      'truncate' as const,
      'replace' as const,
      'insert' as const,
      'dropLine' as const,
      'repeatLine' as const,
      // A changed letter is the commonest real change (Polisen rewrites a summary): weighted up.
      ...Array.from({ length: 5 }, () => 'editText' as const),
    ),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
);

describe('hela importflödet med slumpade och trasiga filer', () => {
  it('en vägrad fil ändrar ingenting, en godtagen håller rollups rätt och kan ångras helt', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Files with a source id per row (where a re-import can update) more often than the yearly statistics.
        fc.constantFrom(...FILES, FILES[0]!, FILES[0]!, FILES[1]!),
        corruption,
        fc.boolean(),
        fc.boolean(),
        // Mostly damaged real files; sometimes bytes from nowhere.
        fc.oneof(
          { arbitrary: fc.constant(null), weight: 5 },
          { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
        ),
        async (file, damage, skipInvalid, viaFormat, randomBytes) => {
          const t = tempDb();
          try {
            seedGeography(t.db);
            // Data already there: a first, clean import of the fixtures, so re-imports find duplicates and changes.
            await commitImport(t.db, {
              fileName: 'forsta.json',
              bytes: fixture('polisen-traps.json'),
              skipInvalid: true,
            });
            await commitImport(t.db, { fileName: 'forsta.csv', bytes: fixture('est-export.csv'), skipInvalid: true });
            await commitImport(t.db, { fileName: 'forsta.csv', bytes: fixture('bra-2024-header.csv'), year: 2024 });
            await commitImport(t.db, { fileName: 'forsta.csv', bytes: fixture('scb-long.csv') });
            const bytes = randomBytes ?? corrupt(fixture(file.name), damage);
            const before = snapshot(t.db);
            const beforeData = dataOnly(t.db);
            let report;
            try {
              report = await commitImport(t.db, {
                fileName: file.name,
                bytes,
                format: viaFormat || randomBytes ? file.format : undefined,
                year: file.year,
                skipInvalid,
              });
            } catch (e) {
              expect(e).toBeInstanceOf(AppError);
              expect((e as AppError).code).toBe('validation');
              expect((e as AppError).message).toMatch(/[a-zåäö]/);
              expect(snapshot(t.db)).toBe(before);
              return;
            }
            expectConsistent(t.db);
            expect(report.added + report.updated + report.duplicates).toBeGreaterThanOrEqual(0);
            undoImport(t.db, report.importId!);
            expectConsistent(t.db);
            expect(dataOnly(t.db)).toBe(beforeData);
          } finally {
            t.cleanup();
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);
});

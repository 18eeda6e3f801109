/**
 * Brå anmälda brott per kommun (CSV): one year's count per kommun, and per län and for the whole country
 * (`bra_region`, schema 14); the file does not say which year.
 */
import type { Db } from '../../db/connection';
import { AppError } from '../../../shared/errors';
import { formatInteger } from '../../../shared/format';
import { regionName } from '../../../shared/lan';
import { isRegionRow, parseBra, type BraFileRow } from '../bra';
import { emptyCounts, type Importer, type WriteCounts } from '../importer';
import { streamOf } from '../types';

type Stored = { count: number | null; per_100k: number | null };

/** What an import replaced, for its undo: a kommun's row or a region's (län, riket); `old` null = added. */
type Previous = ({ kommunId: number } | { regionCode: string }) & { year: number; old: Stored | null };

/** Reads and writes a row in its table: a kommun's in `bra_reported_crime`, a region's in `bra_region`. */
function statements(db: Db) {
  const kGet = db.prepare('SELECT count, per_100k FROM bra_reported_crime WHERE kommun_id = ? AND year = ?');
  const kPut = db.prepare(
    `INSERT INTO bra_reported_crime (kommun_id, year, count, per_100k, import_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kommun_id, year) DO UPDATE SET count = excluded.count, per_100k = excluded.per_100k, import_id = excluded.import_id`,
  );
  const rGet = db.prepare('SELECT count, per_100k FROM bra_region WHERE region_code = ? AND year = ?');
  const rPut = db.prepare(
    `INSERT INTO bra_region (region_code, kind, year, count, per_100k, import_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (region_code, year) DO UPDATE SET count = excluded.count, per_100k = excluded.per_100k, import_id = excluded.import_id`,
  );
  return {
    get: (r: BraFileRow) =>
      (isRegionRow(r) ? rGet.get(r.regionCode, r.year) : kGet.get(r.kommunId, r.year)) as Stored | undefined,
    put: (r: BraFileRow, importId: number) =>
      isRegionRow(r)
        ? rPut.run(r.regionCode, r.kind, r.year, r.count, r.per100k, importId)
        : kPut.run(r.kommunId, r.year, r.count, r.per100k, importId),
  };
}

const previousOf = (r: BraFileRow, old: Stored | null): Previous =>
  isRegionRow(r) ? { regionCode: r.regionCode, year: r.year, old } : { kommunId: r.kommunId, year: r.year, old };

const sameAs = (old: Stored | undefined, r: BraFileRow) =>
  old !== undefined && old.count === r.count && old.per_100k === r.per100k;

function writeBra(db: Db, rows: { value: BraFileRow }[], importId: number, c: WriteCounts): void {
  const s = statements(db);
  for (const { value: r } of rows) {
    const old = s.get(r);
    if (sameAs(old, r)) {
      c.duplicates++;
      continue;
    }
    c.previous.push(previousOf(r, old ?? null));
    s.put(r, importId);
    if (old) c.updated++;
    else c.added++;
  }
}

export const braImporter: Importer<BraFileRow> = {
  async open({ req, input, ctx }) {
    if (!req.year) throw new AppError('validation', 'Ange vilket år Brå-filen gäller (t.ex. --year 2024).');
    return { stream: streamOf(parseBra(input.whole(), ctx, { year: req.year })), extra: {} };
  },
  changes(db) {
    const s = statements(db);
    return (r) => !sameAs(s.get(r), r);
  },
  writer({ db, importId }) {
    const counts = emptyCounts();
    return { write: (rows) => writeBra(db, rows, importId, counts), finish: () => counts };
  },
  undo(db, _importId, previous) {
    let removed = 0;
    let restored = 0;
    const restore = {
      kommun: db.prepare(
        'UPDATE bra_reported_crime SET count = ?, per_100k = ?, import_id = NULL WHERE kommun_id = ? AND year = ?',
      ),
      region: db.prepare(
        'UPDATE bra_region SET count = ?, per_100k = ?, import_id = NULL WHERE region_code = ? AND year = ?',
      ),
    };
    const remove = {
      kommun: db.prepare('DELETE FROM bra_reported_crime WHERE kommun_id = ? AND year = ?'),
      region: db.prepare('DELETE FROM bra_region WHERE region_code = ? AND year = ?'),
    };
    for (const p of (previous ?? []) as Previous[]) {
      const [which, key] = 'regionCode' in p ? (['region', p.regionCode] as const) : (['kommun', p.kommunId] as const);
      if (p.old) {
        restore[which].run(p.old.count ?? null, p.old.per_100k ?? null, key, p.year);
        restored++;
      } else {
        remove[which].run(key, p.year);
        removed++;
      }
    }
    return { removed, restored };
  },
  display: ({ kommunName }) => ({
    columns: ['Kommun', 'År', 'Antal', 'Per 100 000 inv.'],
    cells: (r) => [
      isRegionRow(r) ? regionName(r.regionCode) : (kommunName.get(r.kommunId) ?? ''),
      String(r.year),
      r.count === null ? '..' : formatInteger(r.count),
      r.per100k === null ? '..' : String(r.per100k).replace('.', ','),
    ],
  }),
};

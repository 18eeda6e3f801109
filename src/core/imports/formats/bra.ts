/** Brå anmälda brott per kommun (CSV): one year's count per kommun; the file does not say which year. */
import type { Db } from '../../db/connection';
import { AppError } from '../../../shared/errors';
import { formatInteger } from '../../../shared/format';
import { parseBra } from '../bra';
import { emptyCounts, type Importer, type WriteCounts } from '../importer';
import { streamOf, type BraRow } from '../types';

type Stored = { count: number | null; per_100k: number | null };
const GET = 'SELECT count, per_100k FROM bra_reported_crime WHERE kommun_id = ? AND year = ?';

function writeBra(db: Db, rows: { value: BraRow }[], importId: number, c: WriteCounts): void {
  const get = db.prepare(GET);
  const put = db.prepare(
    `INSERT INTO bra_reported_crime (kommun_id, year, count, per_100k, import_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kommun_id, year) DO UPDATE SET count = excluded.count, per_100k = excluded.per_100k, import_id = excluded.import_id`,
  );
  for (const { value: r } of rows) {
    const old = get.get(r.kommunId, r.year) as Stored | undefined;
    if (old && old.count === r.count && old.per_100k === r.per100k) {
      c.duplicates++;
      continue;
    }
    c.previous.push({ kommunId: r.kommunId, year: r.year, old: old ?? null });
    put.run(r.kommunId, r.year, r.count, r.per100k, importId);
    if (old) c.updated++;
    else c.added++;
  }
}

export const braImporter: Importer<BraRow> = {
  async open({ req, input, ctx }) {
    if (!req.year) throw new AppError('validation', 'Ange vilket år Brå-filen gäller (t.ex. --year 2024).');
    return { stream: streamOf(parseBra(input.whole(), ctx, { year: req.year })), extra: {} };
  },
  changes(db) {
    const get = db.prepare(GET);
    return (r) => {
      const old = get.get(r.kommunId, r.year) as Stored | undefined;
      return !old || old.count !== r.count || old.per_100k !== r.per100k;
    };
  },
  writer({ db, importId }) {
    const counts = emptyCounts();
    return { write: (rows) => writeBra(db, rows, importId, counts), finish: () => counts };
  },
  undo(db, _importId, previous) {
    let removed = 0;
    let restored = 0;
    for (const p of previous as { kommunId: number; year: number; old: Record<string, unknown> | null }[]) {
      if (p.old) {
        db.prepare(
          'UPDATE bra_reported_crime SET count = ?, per_100k = ?, import_id = NULL WHERE kommun_id = ? AND year = ?',
        ).run(p.old.count ?? null, p.old.per_100k ?? null, p.kommunId, p.year);
        restored++;
      } else {
        db.prepare('DELETE FROM bra_reported_crime WHERE kommun_id = ? AND year = ?').run(p.kommunId, p.year);
        removed++;
      }
    }
    return { removed, restored };
  },
  display: ({ kommunName }) => ({
    columns: ['Kommun', 'År', 'Antal', 'Per 100 000 inv.'],
    cells: (r) => [
      kommunName.get(r.kommunId) ?? '',
      String(r.year),
      r.count === null ? '..' : formatInteger(r.count),
      r.per100k === null ? '..' : String(r.per100k).replace('.', ','),
    ],
  }),
};

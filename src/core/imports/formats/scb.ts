/** SCB folkmängd (CSV): population per kommun and year; a change by more than half must be confirmed. */
import { referenceRepoOf } from '../../db/repos';
import type { Db } from '../../db/connection';
import { formatInteger } from '../../../shared/format';
import { parseScb, populationJumps } from '../scb';
import { emptyCounts, type Importer, type WriteCounts } from '../importer';
import { streamOf, type PopulationRow } from '../types';

function writeScb(db: Db, rows: { value: PopulationRow }[], fileName: string, c: WriteCounts): void {
  const get = db.prepare('SELECT population, ref_date, source FROM population WHERE kommun_id = ? AND year = ?');
  const ref = referenceRepoOf(db);
  for (const { value: r } of rows) {
    const old = get.get(r.kommunId, r.year) as { population: number; ref_date: string; source: string } | undefined;
    if (old && old.population === r.population) {
      c.duplicates++;
      continue;
    }
    c.previous.push({ kommunId: r.kommunId, year: r.year, old: old ?? null });
    ref.setPopulation(r.kommunId, r.year, r.population, `${r.year}-12-31`, `SCB (import ${fileName})`);
    if (old) c.updated++;
    else c.added++;
  }
}

export const scbImporter: Importer<PopulationRow> = {
  async open({ db, input, ctx }) {
    const result = parseScb(input.whole(), ctx);
    const stored = db.prepare('SELECT population FROM population WHERE kommun_id = ? AND year = ?').pluck();
    const names = new Map(ctx.kommuner.map((k) => [k.id, k.name]));
    const jumps = populationJumps(
      result.rows,
      (kommunId, year) => stored.get(kommunId, year) as number | undefined,
      (kommunId) => names.get(kommunId) ?? String(kommunId),
    );
    result.confirm = [...(result.confirm ?? []), ...jumps];
    return { stream: streamOf(result), extra: {} };
  },
  changes(db) {
    const get = db.prepare('SELECT population FROM population WHERE kommun_id = ? AND year = ?').pluck();
    return (r) => get.get(r.kommunId, r.year) !== r.population;
  },
  writer({ db, req }) {
    const counts = emptyCounts();
    return { write: (rows) => writeScb(db, rows, req.fileName, counts), finish: () => counts };
  },
  undo(db, _importId, previous) {
    let removed = 0;
    let restored = 0;
    for (const p of previous as { kommunId: number; year: number; old: Record<string, unknown> | null }[]) {
      if (p.old) {
        referenceRepoOf(db).setPopulation(
          p.kommunId,
          p.year,
          p.old.population as number,
          p.old.ref_date as string,
          p.old.source as string,
        );
        restored++;
      } else {
        db.prepare('DELETE FROM population WHERE kommun_id = ? AND year = ?').run(p.kommunId, p.year);
        removed++;
      }
    }
    return { removed, restored };
  },
  display: ({ kommunName }) => ({
    columns: ['Kommun', 'År', 'Folkmängd'],
    cells: (r) => [kommunName.get(r.kommunId) ?? '', String(r.year), formatInteger(r.population)],
  }),
};

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { buildHistogram, seek } from '../../src/core/db/rank-seek';
import { seedDemo } from '../../src/core/demo/seed';
import type { IncidentFilter, IncidentSort } from '../../src/shared/domain';
import { localDay } from '../../src/shared/time';
import { tempDb, type TempDb } from '../helpers/db';

const ROWS = 20_000;
let t: TempDb;

/** Sort keys and filters written out independently of the repository. */
const KEYS: Record<string, string[]> = {
  occurredAt: ['occurred_at', 'id'],
  kommun: ['kommun_id', 'occurred_at', 'id'],
  lpo: ['lpo_id', 'occurred_at', 'id'],
  category: ['category', 'occurred_at', 'id'],
  source: ['source', 'occurred_at', 'id'],
};
const LEAD: Record<string, string | null> = {
  occurredAt: null,
  kommun: 'kommun_id',
  lpo: 'lpo_id',
  category: 'category',
  source: 'source',
};

const cache = new Map<string, Record<string, string | number>[]>();

function referenceRows(filter: IncidentFilter, sort: IncidentSort, offset: number, limit: number) {
  const key = JSON.stringify([filter, sort]);
  const sorted = cache.get(key) ?? referenceSorted(filter, sort);
  cache.set(key, sorted);
  return { total: sorted.length, rows: sorted.slice(offset, offset + limit) };
}

function referenceSorted(filter: IncidentFilter, sort: IncidentSort): Record<string, string | number>[] {
  const clauses: string[] = ['1'];
  const params: unknown[] = [];
  const eq = (col: string, value: unknown) => {
    clauses.push(`${col} = ?`);
    params.push(value);
  };
  if (filter.kommunIds) eq('kommun_id', filter.kommunIds[0]);
  if (filter.lpoIds) eq('lpo_id', filter.lpoIds[0]);
  if (filter.categories) eq('category', filter.categories[0]);
  if (filter.sources) eq('source', filter.sources[0]);
  const rows = t.db
    .prepare(`SELECT id, occurred_at, kommun_id, lpo_id, category, source FROM incident WHERE ${clauses.join(' AND ')}`)
    .all(...params) as Record<string, string | number>[];
  // Date range by Stockholm local day, computed in JS, not with the repository's UTC bounds.
  const inRange = rows.filter((r) => {
    const day = localDay(r.occurred_at as string);
    return (!filter.fromDay || day >= filter.fromDay) && (!filter.toDay || day <= filter.toDay);
  });
  const dir = sort.direction === 'desc' ? -1 : 1;
  inRange.sort((a, b) => {
    for (const k of KEYS[sort.column]!) {
      if (a[k]! < b[k]!) return -dir;
      if (a[k]! > b[k]!) return dir;
    }
    return 0;
  });
  return inRange;
}

const FILTERS: [string, IncidentFilter][] = [
  ['utan filter', {}],
  ['kommun', { kommunIds: [2] }],
  ['LPO', { lpoIds: [2] }],
  ['kategori', { categories: ['tillgrepp'] }],
  ['källa', { sources: ['est'] }],
  // Mid-month edges across both DST changes of 2025.
  ['datumintervall', { fromDay: '2025-03-17', toDay: '2025-10-29' }],
  ['kombinerat', { lpoIds: [1], categories: ['skadegorelse'], fromDay: '2024-02-10', toDay: '2026-08-20' }],
];

beforeAll(async () => {
  t = tempDb();
  await seedDemo(t.db, { rows: ROWS });
});
afterAll(() => t.cleanup());

describe('rangsökning över rollups', () => {
  for (const [name, filter] of FILTERS) {
    it(`hoppar rätt djupt in för varje rollup-sortering (${name})`, () => {
      for (const column of Object.keys(KEYS) as IncidentSort['column'][]) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort: IncidentSort = { column, direction };
          const total = referenceRows(filter, sort, 0, 0).total;
          const hist = buildHistogram(t.db, filter, sort);
          expect(hist.total, `${column} ${direction}`).toBe(total);
          for (const frac of [0.31, 0.5, 0.72]) {
            const position = Math.floor(total * frac);
            // The seek lands on the lead value and local day of the reference row at that position.
            const ref = referenceRows(filter, sort, position, 100);
            const point = seek(t.db, filter, sort, hist, position);
            const first = ref.rows[0]!;
            expect(point.day, `${column} ${direction} ${frac}`).toBe(localDay(first.occurred_at as string));
            const lead = LEAD[column];
            if (lead) expect(point.lead).toBe(first[lead]);
            // A fresh repository has no remembered keys, so these pages come from the rank seek.
            const page = new IncidentRepo(t.db).page(filter, sort, position, position + 100);
            expect(page.total).toBe(total);
            expect(page.rows.map((r) => r.id)).toEqual(ref.rows.map((r) => r.id));
          }
        }
      }
    });
  }
});

/**
 * grid.page.*: a 100-row page through the real API operation (dispatch → zod → handler → repository),
 * first page vs pages at 50 % and 95 % depth, for 8 sort/filter combinations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../src/core/api/dispatch';
import { createHandlers } from '../src/core/api/handlers';
import { Workspace } from '../src/core/app/workspace';
import type { IncidentFilter, IncidentPage, IncidentSort } from '../src/shared/domain';

export const GRID_CASES: { name: string; filter: IncidentFilter; sort: IncidentSort }[] = [
  { name: 'standard (tid, fallande)', filter: {}, sort: { column: 'occurredAt', direction: 'desc' } },
  { name: 'sortering kommun', filter: {}, sort: { column: 'kommun', direction: 'asc' } },
  { name: 'filter kommun', filter: { kommunIds: [2] }, sort: { column: 'occurredAt', direction: 'desc' } },
  { name: 'filter kategori', filter: { categories: ['tillgrepp'] }, sort: { column: 'occurredAt', direction: 'desc' } },
  { name: 'filter källa', filter: { sources: ['est'] }, sort: { column: 'category', direction: 'asc' } },
  {
    name: 'filter datumintervall',
    filter: { fromDay: '2025-03-17', toDay: '2025-10-29' },
    sort: { column: 'occurredAt', direction: 'asc' },
  },
  { name: 'fritext', filter: { text: 'Teckomatorp' }, sort: { column: 'occurredAt', direction: 'desc' } },
  {
    name: 'kombinerat',
    filter: { lpoIds: [1], categories: ['skadegorelse'], fromDay: '2024-02-10', toDay: '2026-08-20' },
    sort: { column: 'occurredAt', direction: 'desc' },
  },
];

export interface GridTiming {
  name: string;
  total: number;
  firstMs: number;
  deep50Ms: number;
  deep95Ms: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureGrid(dbFile: string, repeats: number): Promise<GridTiming[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-'));
  const ws = new Workspace({
    dataDir,
    platform: { choosePath: async () => null, exportTarget: async () => null },
  });
  try {
    const handlers = createHandlers(ws);
    const page = async (filter: IncidentFilter, sort: IncidentSort, startRow: number) => {
      const t = performance.now();
      const res = await dispatch(handlers, 'incidents.page', { filter, sort, startRow, endRow: startRow + 100 });
      const ms = performance.now() - t;
      if (!res.ok) throw new Error(res.error.message);
      return { ms, page: res.value as IncidentPage };
    };
    const out: GridTiming[] = [];
    for (const c of GRID_CASES) {
      const first: number[] = [];
      const d50: number[] = [];
      const d95: number[] = [];
      let total = 0;
      for (let r = 0; r < repeats; r++) {
        // Reopening gives a fresh repository: nothing remembered from the previous round.
        ws.open(dbFile);
        const p0 = await page(c.filter, c.sort, 0);
        total = p0.page.total;
        first.push(p0.ms);
        d50.push((await page(c.filter, c.sort, Math.floor(total * 0.5))).ms);
        d95.push((await page(c.filter, c.sort, Math.max(0, Math.floor(total * 0.95) - 100))).ms);
      }
      out.push({ name: c.name, total, firstMs: median(first), deep50Ms: median(d50), deep95Ms: median(d95) });
    }
    return out;
  } finally {
    await ws.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

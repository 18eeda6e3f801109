/**
 * SQL functions every connection has. `in_sweref_cell` lets the register select exactly the rows of one
 * hotspot cell: it projects with the same code and does the same floor arithmetic as the hotspot grid
 * (src/shared/geo/hotspots.ts), so a cell's count and the register's count for it cannot disagree.
 */
import type { Db } from './types';
import { toSweref99tm } from '../../shared/geo/sweref99tm';

export function installSqlFunctions(db: Db): void {
  db.function(
    'in_sweref_cell',
    { deterministic: true },
    (lat: unknown, lon: unknown, size: unknown, originX: unknown, originY: unknown, col: unknown, row: unknown) => {
      if (typeof lat !== 'number' || typeof lon !== 'number') return 0;
      const { east, north } = toSweref99tm(lat, lon);
      const s = size as number;
      return Math.floor((east - (originX as number)) / s) === col &&
        Math.floor((north - (originY as number)) / s) === row
        ? 1
        : 0;
    },
  );
}

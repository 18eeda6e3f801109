import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/db/connection';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { Random } from '../../src/core/demo/random';
import { seedDemo } from '../../src/core/demo/seed';
import { SORT_COLUMNS, type IncidentFilter, type IncidentSort } from '../../src/shared/domain';
import { tempDb, type TempDb, REFERENCE_KEYS } from '../helpers/db';

const ROWS = 3000;
const PAGE = 100;

interface Case {
  name: string;
  filter: IncidentFilter;
  /** Hand-written SQL for the same filter; local-day bounds are spelled out as UTC instants. */
  where: string;
}

let t: TempDb;
let db: Db;
let kommun: number;
let lpo: number;

const CASES: (() => Case)[] = [
  () => ({ name: 'inget filter', filter: {}, where: '1' }),
  () => ({ name: 'kommun', filter: { kommunIds: [kommun] }, where: `kommun_id = ${kommun}` }),
  () => ({
    name: 'lpo',
    filter: { lpoIds: [lpo] },
    where: `kommun_id IN (SELECT id FROM kommun WHERE lpo_id = ${lpo})`,
  }),
  () => ({ name: 'kategori', filter: { categories: ['tillgrepp'] }, where: "category = 'tillgrepp'" }),
  () => ({ name: 'källa', filter: { sources: ['est', 'tips'] }, where: "source IN ('est', 'tips')" }),
  // 2025-03-30 (spring forward) through 2025-10-26 (fall back), local days inclusive.
  () => ({
    name: 'datum',
    filter: { fromDay: '2025-03-30', toDay: '2025-10-26' },
    where: "occurred_at >= '2025-03-29T23:00:00Z' AND occurred_at < '2025-10-26T23:00:00Z'",
  }),
  () => ({
    name: 'fritext',
    filter: { text: 'station' },
    where: `id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH '"station"*')`,
  }),
  () => ({
    name: 'kombinerat',
    filter: { lpoIds: [lpo], categories: ['skadegorelse', 'ordning', 'samling'], fromDay: '2024-06-01' },
    where: `kommun_id IN (SELECT id FROM kommun WHERE lpo_id = ${lpo}) AND category IN ('skadegorelse', 'ordning', 'samling') AND occurred_at >= '2024-05-31T22:00:00Z'`,
  }),
];

beforeAll(async () => {
  t = tempDb();
  db = t.db;
  expect(await seedDemo(db, { rows: ROWS })).toBe(ROWS);
  kommun = db.prepare("SELECT id FROM kommun WHERE name = 'Klippan'").pluck().get() as number;
  lpo = db.prepare("SELECT id FROM lpo WHERE name = 'Kävlinge'").pluck().get() as number;
});
afterAll(() => t.cleanup());

function referenceIds(c: Case, sort: IncidentSort): number[] {
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order = REFERENCE_KEYS[sort.column].map((col) => `${col} ${dir}`).join(', ');
  return db.prepare(`SELECT id FROM incident WHERE ${c.where} ORDER BY ${order}`).pluck().all() as number[];
}

function checkPage(repo: IncidentRepo, c: Case, sort: IncidentSort, ids: number[], start: number, end: number) {
  const page = repo.page(c.filter, sort, start, end);
  expect(page.total).toBe(ids.length);
  const got = page.rows.map((r) => r.id);
  if (got.length !== Math.max(0, Math.min(end, ids.length) - start) || got.some((id, i) => id !== ids[start + i])) {
    // Only build the (large) failure message when it fails.
    expect({ case: c.name, sort, start, end, got }).toEqual({
      case: c.name,
      sort,
      start,
      end,
      got: ids.slice(start, end),
    });
  }
}

describe('keyset-paginering mot en referensfråga', () => {
  CASES.forEach((makeCase, caseIndex) => {
    it(`filter ${caseIndex + 1}: varje sortering och riktning, framåt, hopp, bakåt och udda fönster`, () => {
      const c = makeCase();
      const rng = new Random(2024 + caseIndex);
      const rawTotal = db.prepare(`SELECT count(*) FROM incident WHERE ${c.where}`).pluck().get() as number;
      expect(rawTotal, c.name).toBeGreaterThan(c.name === 'inget filter' ? ROWS - 1 : 150);
      expect(rawTotal, c.name).toBeLessThanOrEqual(ROWS);
      for (const column of SORT_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort: IncidentSort = { column, direction };
          const ids = referenceIds(c, sort);
          expect(ids.length).toBe(rawTotal);
          const lastStart = Math.floor((rawTotal - 1) / PAGE) * PAGE;

          const forward = new IncidentRepo(db);
          for (let s = 0; s < rawTotal; s += PAGE) checkPage(forward, c, sort, ids, s, s + PAGE);
          checkPage(forward, c, sort, ids, rawTotal, rawTotal + PAGE);

          const jumps = new IncidentRepo(db);
          for (const s of [2500, 300, lastStart, Math.floor(rawTotal / 2), 2400, 0, 1]) {
            checkPage(jumps, c, sort, ids, s, s + PAGE);
          }

          const backward = new IncidentRepo(db);
          for (let s = lastStart; s >= 0; s -= PAGE) checkPage(backward, c, sort, ids, s, s + PAGE);

          for (let i = 0; i < 4; i++) {
            const start = rng.int(rawTotal);
            checkPage(i % 2 ? jumps : backward, c, sort, ids, start, start + 1 + rng.int(400));
          }
        }
      }
    });
  });

  it('ger tomma sidor efter sista raden och samma total som count', () => {
    const repo = new IncidentRepo(db);
    const sort: IncidentSort = { column: 'occurredAt', direction: 'desc' };
    expect(repo.page({}, sort, ROWS, ROWS + 100)).toEqual({ rows: [], total: ROWS });
    expect(repo.page({}, sort, ROWS - 1, ROWS + 100).rows).toHaveLength(1);
    expect(repo.count({})).toBe(ROWS);
  });
});

function plan(repo: IncidentRepo, filter: IncidentFilter, sort: IncidentSort, reverse: boolean, key: unknown[] | null) {
  const { sql, params } = repo.pageSql(filter, sort, reverse, key);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 100, 0) as { detail: string }[]).map((r) => r.detail);
}

function keyOfMiddleRow(sort: IncidentSort): unknown[] {
  const cols = REFERENCE_KEYS[sort.column];
  return Object.values(
    db.prepare(`SELECT ${cols.join(', ')} FROM incident ORDER BY id LIMIT 1 OFFSET ${ROWS / 2}`).get() as object,
  );
}

function expectIndexedPlan(details: string[], label: string, allowRowidScan = false) {
  const fullScan = details.filter((d) => /^SCAN incident\b/.test(d) && !/USING/.test(d));
  const tempSort = details.filter((d) => /TEMP B-TREE/.test(d));
  expect({ label, fullScan: allowRowidScan ? [] : fullScan, tempSort }).toEqual({ label, fullScan: [], tempSort: [] });
}

describe('frågeplaner (EXPLAIN QUERY PLAN)', () => {
  it('varje sorteringskolumn utan filter använder ett index och sorterar aldrig i en temporär B-tree', () => {
    const repo = new IncidentRepo(db);
    for (const column of SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort: IncidentSort = { column, direction };
        for (const reverse of [false, true]) {
          // Sorting by id walks the table in rowid order, which is its primary key: not a full scan.
          expectIndexedPlan(plan(repo, {}, sort, reverse, null), `${column} ${direction} ${reverse}`, column === 'id');
          expectIndexedPlan(
            plan(repo, {}, sort, reverse, keyOfMiddleRow(sort)),
            `${column} ${direction} ${reverse} key`,
          );
        }
      }
    }
  });

  it('filter på kommun, lpo, kategori, källa och datum med sortering på tidpunkt använder ett index', () => {
    const repo = new IncidentRepo(db);
    const kommun = db.prepare('SELECT min(id) FROM kommun').pluck().get() as number;
    const lpo = db.prepare('SELECT min(id) FROM lpo').pluck().get() as number;
    const filters: IncidentFilter[] = [
      { kommunIds: [kommun] },
      { lpoIds: [lpo] },
      { categories: ['vald'] },
      { sources: ['polisanmalan'] },
      { fromDay: '2025-01-01', toDay: '2025-01-31' },
    ];
    const sortKey = ['2025-06-01T12:00:00Z', 1500];
    for (const filter of filters) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort: IncidentSort = { column: 'occurredAt', direction };
        for (const reverse of [false, true]) {
          const label = `${JSON.stringify(filter)} ${direction} ${reverse}`;
          const first = plan(repo, filter, sort, reverse, null);
          expectIndexedPlan(first, label);
          expect(first.join(' '), label).toMatch(/USING (COVERING )?INDEX incident_/);
          expectIndexedPlan(plan(repo, filter, sort, reverse, sortKey), `${label} key`);
        }
      }
    }
  });
});

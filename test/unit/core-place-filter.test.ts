/**
 * The exact place filter (`placeNames`): a dashboard opens "the events at place X" and the register shows
 * exactly those rows, with a count that equals the dashboard's figure. Checked on a real SQLite file built
 * by the real migrations with demo data, against hand-written SQL and a Stockholm-day filter done in JS.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/db/connection';
import { countFromRollups, rollupsCanCount } from '../../src/core/db/incident-count';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { canRankSeek } from '../../src/core/db/rank-seek';
import { ReferenceRepo } from '../../src/core/db/reference-repo';
import { seedDemo } from '../../src/core/demo/seed';
import { exportIncidents } from '../../src/core/services/export';
import { SORT_COLUMNS, type IncidentFilter, type IncidentSort } from '../../src/shared/domain';
import {
  dashboardFilterSchema,
  incidentFilterSchema,
  pageInputSchema,
  viewSettingsSchema,
} from '../../src/shared/schemas';
import { addDays, localDay } from '../../src/shared/time';
import { newIncident, tempDb, type TempDb, REFERENCE_KEYS } from '../helpers/db';

const ROWS = 3000;

/** Names that would misbehave under LIKE, quoting or prefix matching; written into the data below. */
const TRICKY_PLACES = ['Torget 50%_a', 'O\'Hara "gränd"', 'Stortorget', 'Stortorget norra', 'stortorget'];

let t: TempDb;
let db: Db;
let places: string[];
/** The kommuner each place occurs in, so random filters often pair a place with its own kommun. */
let kommunerOf: Map<string, number[]>;
let kommuner: number[];
let firstDay: string;
let lastDay: string;

beforeAll(async () => {
  t = tempDb();
  db = t.db;
  expect(await seedDemo(db, { rows: ROWS })).toBe(ROWS);
  kommuner = db.prepare('SELECT id FROM kommun ORDER BY id').pluck().all() as number[];
  const repo = new IncidentRepo(db);
  // A handful of rows at names that differ only in case, by a suffix, or with LIKE wildcards and quotes,
  // spread over two kommuner and a few days around the spring DST change.
  let n = 0;
  for (const placeName of TRICKY_PLACES) {
    for (let i = 0; i < 6; i++, n++) {
      repo.create(
        newIncident(kommuner[n % 2]!, {
          placeName,
          occurredAt: `2025-03-${String(28 + (i % 4)).padStart(2, '0')}T${String(20 + (n % 4)).padStart(2, '0')}:15:00Z`,
          reportedAt: '2025-04-01T08:00:00Z',
        }),
      );
    }
  }
  places = db
    .prepare("SELECT DISTINCT place_name FROM incident WHERE place_name <> '' ORDER BY 1")
    .pluck()
    .all() as string[];
  kommunerOf = new Map();
  for (const r of db.prepare("SELECT DISTINCT place_name, kommun_id FROM incident WHERE place_name <> ''").all() as {
    place_name: string;
    kommun_id: number;
  }[]) {
    kommunerOf.set(r.place_name, [...(kommunerOf.get(r.place_name) ?? []), r.kommun_id]);
  }
  // The generated span (the demo's trygghetsvandringar reach back to 2017).
  const range = db
    .prepare(
      'SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM incident WHERE id NOT IN (SELECT incident_id FROM walk_observation WHERE incident_id IS NOT NULL)',
    )
    .get() as {
    lo: string;
    hi: string;
  };
  firstDay = localDay(range.lo);
  lastDay = localDay(range.hi);
});
afterAll(() => t.cleanup());

/**
 * The rows a filter must give, in sort order: places and kommuner in plain SQL (bound values, exact
 * match), the period by Stockholm calendar day computed in JS, not with the repository's UTC bounds.
 */
function reference(filter: IncidentFilter, sort: IncidentSort): number[] {
  const clauses = ['1'];
  const params: unknown[] = [];
  if (filter.placeNames?.length) {
    clauses.push(`place_name IN (${filter.placeNames.map(() => '?').join(', ')})`);
    params.push(...filter.placeNames);
  }
  if (filter.kommunIds?.length) {
    clauses.push(`kommun_id IN (${filter.kommunIds.map(() => '?').join(', ')})`);
    params.push(...filter.kommunIds);
  }
  if (filter.categories?.length) {
    clauses.push(`category IN (${filter.categories.map(() => '?').join(', ')})`);
    params.push(...filter.categories);
  }
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order = REFERENCE_KEYS[sort.column].map((c) => `${c} ${dir}`).join(', ');
  const rows = db
    .prepare(`SELECT id, occurred_at FROM incident WHERE ${clauses.join(' AND ')} ORDER BY ${order}`)
    .all(...params) as { id: number; occurred_at: string }[];
  return rows
    .filter((r) => {
      const day = localDay(r.occurred_at);
      return (!filter.fromDay || day >= filter.fromDay) && (!filter.toDay || day <= filter.toDay);
    })
    .map((r) => r.id);
}

function rawCount(filter: IncidentFilter): number {
  return reference(filter, { column: 'id', direction: 'asc' }).length;
}

/** Every page in [start, end) equals the reference slice, and the total equals the reference length. */
function expectPage(
  repo: IncidentRepo,
  filter: IncidentFilter,
  sort: IncidentSort,
  ids: number[],
  start: number,
  end: number,
) {
  const page = repo.page(filter, sort, start, end);
  const got = page.rows.map((r) => r.id);
  const want = ids.slice(start, end);
  if (page.total !== ids.length || got.length !== want.length || got.some((id, i) => id !== want[i])) {
    expect({ filter, sort, start, end, total: page.total, got }).toEqual({
      filter,
      sort,
      start,
      end,
      total: ids.length,
      got: want,
    });
  }
}

const day = (offset: number) => addDays(firstDay, offset);

/** Random filters: 1–4 real places (sometimes one unknown or wrongly cased), kommuner and a period. */
function filterArb(): fc.Arbitrary<IncidentFilter> {
  const span = Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000);
  return fc
    .record({
      placeNames: fc.uniqueArray(fc.constantFrom(...places, 'Finns inte', 'KLIPPANS STATION'), {
        minLength: 1,
        maxLength: 4,
      }),
      kommunIds: fc.oneof(
        fc.constant(undefined),
        fc.constant('own' as const),
        fc.subarray(kommuner, { minLength: 1, maxLength: 3 }),
      ),
      from: fc.option(fc.integer({ min: 0, max: span }), { nil: undefined }),
      length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      categories: fc.option(fc.constantFrom(['skadegorelse'], ['tillgrepp', 'ordning']), { nil: undefined }),
    })
    .map(({ placeNames, kommunIds, from, length, categories }) => {
      const f: IncidentFilter = { placeNames };
      if (kommunIds === 'own') f.kommunIds = kommunerOf.get(placeNames[0]!) ?? [kommuner[0]!];
      else if (kommunIds) f.kommunIds = kommunIds;
      if (categories) f.categories = [...categories];
      if (from !== undefined) f.fromDay = day(from);
      if (length !== undefined) f.toDay = addDays(f.fromDay ?? firstDay, length);
      return f;
    });
}

describe('platsfilter: räkning', () => {
  it('räknas på händelsetabellen, aldrig från summeringstabellerna', () => {
    const f: IncidentFilter = { placeNames: ['Stortorget'] };
    expect(rollupsCanCount(f)).toBe(false);
    expect(rollupsCanCount({ ...f, placeNames: [] })).toBe(true);
    expect(rollupsCanCount({ kommunIds: [1], fromDay: '2025-01-01', text: ' ;; ' })).toBe(true);
    expect(rollupsCanCount({ text: 'klotter' })).toBe(false);
    for (const column of SORT_COLUMNS) expect(canRankSeek(f, { column, direction: 'asc' })).toBe(false);
    expect(canRankSeek({ kommunIds: [1] }, { column: 'kommun', direction: 'asc' })).toBe(true);
    // The rollups have no place dimension: asking them anyway is a bug, not a wrong figure.
    expect(() => countFromRollups(db, f)).toThrow(/Platsfilter/);
  });

  it('count och sidans total är lika med count(*) för slumpade platser, kommuner och perioder', () => {
    const repo = new IncidentRepo(db);
    let nonEmpty = 0;
    fc.assert(
      fc.property(filterArb(), (filter) => {
        const want = rawCount(filter);
        if (want > 0) nonEmpty++;
        expect(repo.count(filter)).toBe(want);
        expect(repo.page(filter, { column: 'occurredAt', direction: 'desc' }, 0, 10).total).toBe(want);
        expect(repo.page(filter, { column: 'kommun', direction: 'asc' }, 0, 10).total).toBe(want);
      }),
      { numRuns: 300 },
    );
    expect(nonEmpty).toBeGreaterThan(120);
  });

  it('matchar exakt: inte skiftlägesokänsligt, inte som prefix, inte som LIKE-mönster', () => {
    const repo = new IncidentRepo(db);
    for (const name of TRICKY_PLACES) {
      expect(repo.count({ placeNames: [name] }), name).toBe(6);
      expect(
        new Set(
          repo.page({ placeNames: [name] }, { column: 'id', direction: 'asc' }, 0, 100).rows.map((r) => r.placeName),
        ),
      ).toEqual(new Set([name]));
    }
    expect(repo.count({ placeNames: ['Torget 5'] })).toBe(0);
    expect(repo.count({ placeNames: ['Torget 50%'] })).toBe(0);
    expect(repo.count({ placeNames: ['Stortorget', 'stortorget'] })).toBe(12);
    // With free text as well: both conditions hold.
    const both: IncidentFilter = { placeNames: ['Stortorget', 'Stortorget norra'], text: 'busskuren' };
    expect(repo.count(both)).toBe(12);
    expect(repo.count({ ...both, text: 'finnsingenstans' })).toBe(0);
  });

  it('följer ändringar: en ny händelse på platsen räknas och syns direkt', () => {
    const repo = new IncidentRepo(db);
    const filter: IncidentFilter = { placeNames: ['Torget 50%_a'] };
    const sort: IncidentSort = { column: 'kommun', direction: 'desc' };
    const before = repo.page(filter, sort, 0, 100);
    const made = repo.create(newIncident(kommuner[2]!, { placeName: 'Torget 50%_a' }));
    try {
      const after = repo.page(filter, sort, 0, 100);
      expect(after.total).toBe(before.total + 1);
      expect(after.rows.map((r) => r.id)).toEqual(reference(filter, sort));
      expect(after.rows.map((r) => r.id)).toContain(made.id);
    } finally {
      repo.delete(made.id);
    }
    expect(repo.page(filter, sort, 0, 100)).toEqual(before);
  });
});

describe('platsfilter: sidor', () => {
  it('varje sortering och riktning: framåt, bakåt, hopp och udda fönster ger exakt referensraderna', () => {
    const shared = new IncidentRepo(db);
    fc.assert(
      fc.property(
        filterArb(),
        fc.constantFrom(...SORT_COLUMNS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 120 })), { maxLength: 6 }),
        (filter, column, direction, size, windows) => {
          const sort: IncidentSort = { column, direction };
          const ids = reference(filter, sort);
          // Forward page by page: together complete and in order.
          const forward = new IncidentRepo(db);
          const seen: number[] = [];
          for (let s = 0; s < ids.length; s += size)
            seen.push(...forward.page(filter, sort, s, s + size).rows.map((r) => r.id));
          expect(seen).toEqual(ids);
          expectPage(forward, filter, sort, ids, ids.length, ids.length + size);
          // Backward from the last page.
          const backward = new IncidentRepo(db);
          for (let s = Math.floor(Math.max(0, ids.length - 1) / size) * size; s >= 0; s -= size) {
            expectPage(backward, filter, sort, ids, s, s + size);
          }
          // Jumps into a repository that has seen other queries (its caches are per filter).
          for (const [start, len] of windows) {
            const s = ids.length ? start % (ids.length + 5) : start % 5;
            expectPage(shared, filter, sort, ids, s, s + len);
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it('sorterat på tid och på plats: fullständigt och i ordning över många sidor (flera platser, lång period)', () => {
    const busiest = db
      .prepare("SELECT place_name FROM incident WHERE place_name <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT 3")
      .pluck()
      .all() as string[];
    const filter: IncidentFilter = { placeNames: busiest, fromDay: day(30), toDay: day(600) };
    for (const column of ['occurredAt', 'placeName'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort: IncidentSort = { column, direction };
        const ids = reference(filter, sort);
        expect(ids.length).toBeGreaterThan(150);
        const repo = new IncidentRepo(db);
        const rows = [];
        for (let s = 0; s < ids.length; s += 17) rows.push(...repo.page(filter, sort, s, s + 17).rows);
        expect(rows.map((r) => r.id)).toEqual(ids);
        expect(new Set(rows.map((r) => r.placeName))).toEqual(new Set(busiest));
        const keys = rows.map((r) =>
          column === 'placeName' ? [r.placeName, r.occurredAt, r.id] : [r.occurredAt, r.id],
        );
        const sign = direction === 'asc' ? 1 : -1;
        for (let i = 1; i < keys.length; i++) {
          const [a, b] = [keys[i - 1]!, keys[i]!];
          const c = a.findIndex((v, j) => v !== b[j]);
          expect(c, `rad ${i}`).toBeGreaterThanOrEqual(0);
          expect((a[c]! < b[c]! ? 1 : -1) * sign, `rad ${i}`).toBe(1);
        }
      }
    }
  });

  it('export och nyckelbaserade omgångar (också utan träfflista) ger exakt referensraderna', async () => {
    const repo = new IncidentRepo(db);
    const filter: IncidentFilter = { placeNames: [places[3]!, places[7]!, 'Stortorget'], fromDay: day(10) };
    for (const column of SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort: IncidentSort = { column, direction };
        const batches = [...repo.batches(filter, sort, 13)].flat().map((r) => r.id);
        expect(batches, `${column} ${direction}`).toEqual(reference(filter, sort));
      }
    }
    const ref = new ReferenceRepo(db);
    const target = t.dir.file('plats.csv');
    const sort: IncidentSort = { column: 'placeName', direction: 'asc' };
    const n = await exportIncidents({ repo, kommuner: ref.kommuner(), lpos: ref.lpos() }, filter, sort, 'csv', target);
    const want = reference(filter, sort);
    expect(n).toBe(want.length);
    const lines = fs.readFileSync(target, 'utf8').split('\r\n').slice(1, -1);
    expect(lines.map((l) => Number(l.slice(0, l.indexOf(';'))))).toEqual(want);
  });
});

describe('platsfilter: frågeplaner', () => {
  function plan(filter: IncidentFilter, sort: IncidentSort, key: unknown[] | null): string {
    const { sql, params } = new IncidentRepo(db).pageSql(filter, sort, false, key);
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 100, 0) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
  }

  it('sortering på tid eller plats går genom platsindexet utan temporär B-tree', () => {
    const filter: IncidentFilter = { placeNames: [places[0]!] };
    for (const column of ['occurredAt', 'placeName'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort: IncidentSort = { column, direction };
        const key = column === 'placeName' ? [places[0], '2025-06-01T12:00:00Z', 1500] : ['2025-06-01T12:00:00Z', 1500];
        for (const k of [null, key]) {
          const p = plan(filter, sort, k);
          expect(p, `${column} ${direction}`).toMatch(/USING INDEX incident_place_name_occurred/);
          expect(p, `${column} ${direction}`).not.toMatch(/TEMP B-TREE/);
        }
      }
    }
  });

  it('annan sortering: platsen skrivs +place_name så att sorteringens index ger ordningen', () => {
    const filter: IncidentFilter = { placeNames: [places[0]!, places[1]!] };
    for (const column of SORT_COLUMNS.filter((c) => c !== 'occurredAt' && c !== 'placeName')) {
      const sort: IncidentSort = { column, direction: 'desc' };
      expect(new IncidentRepo(db).pageSql(filter, sort, false, null).sql, column).toContain('+place_name IN (?, ?)');
      expect(plan(filter, sort, null), column).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('platsfilter: validering (zod) på svenska', () => {
  const issues = (filter: unknown): [string, string][] => {
    const r = incidentFilterSchema.safeParse(filter);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('godtar upp till 50 namn och trimmar dem', () => {
    expect(incidentFilterSchema.parse({ placeNames: ['  Stortorget ', 'Klippans station'] })).toEqual({
      placeNames: ['Stortorget', 'Klippans station'],
    });
    const fifty = Array.from({ length: 50 }, (_, i) => `Plats ${i}`);
    expect(incidentFilterSchema.parse({ placeNames: fifty }).placeNames).toEqual(fifty);
    expect(incidentFilterSchema.parse({ placeNames: [` ${'å'.repeat(200)} `] }).placeNames).toEqual(['å'.repeat(200)]);
    expect(incidentFilterSchema.parse({ placeNames: [] })).toEqual({ placeNames: [] });
  });

  it('vägrar tomma, för långa och för många namn, och annat än en lista med text', () => {
    expect(issues({ placeNames: ['Stortorget', '   '] })).toEqual([
      ['placeNames.1', 'Platsens namn får inte vara tomt.'],
    ]);
    expect(issues({ placeNames: ['x'.repeat(201)] })).toEqual([
      ['placeNames.0', 'Platsens namn får vara högst 200 tecken.'],
    ]);
    expect(issues({ placeNames: Array.from({ length: 51 }, (_, i) => `P${i}`) })).toEqual([
      ['placeNames', 'Högst 50 platser åt gången.'],
    ]);
    expect(issues({ placeNames: 'Stortorget' })).toEqual([['placeNames', 'Platser anges som en lista med namn.']]);
    expect(issues({ placeNames: [42] })).toEqual([['placeNames.0', 'Platsens namn måste vara text.']]);
    const page = pageInputSchema.safeParse({ filter: { placeNames: [''] }, startRow: 0, endRow: 100 });
    expect(page.success).toBe(false);
    expect(page.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['filter.placeNames.0', 'Platsens namn får inte vara tomt.'],
    ]);
  });

  it('instrumentpanelernas filter tar inte emot platser (summeringstabellerna har ingen platsdimension)', () => {
    const period = { fromDay: '2025-01-01', toDay: '2025-12-31', kommunIds: [1] };
    expect(dashboardFilterSchema.parse({ ...period, placeNames: ['Stortorget'] })).toEqual(period);
    expect(viewSettingsSchema.parse({ filter: { ...period, placeNames: ['Stortorget'] } })).toEqual({ filter: period });
  });
});

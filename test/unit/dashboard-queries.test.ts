/**
 * Dashboard figures from the rollups against the raw incident table on generated data, for random
 * selections and periods (month edges and DST days included), and the drill-down promise: the register,
 * given the filter behind a figure, counts exactly that figure.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { seedDemo } from '../../src/core/demo/seed';
import {
  changeTable,
  compareKommuner,
  groupedCounts,
  populations,
  previousPeriod,
  sameTimeLastYear,
  trend,
} from '../../src/core/dashboards/queries';
import type { IncidentFilter, Source } from '../../src/shared/domain';
import { isoWeek, localDay } from '../../src/shared/time';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
let raw: { kommun_id: number; category: string; source: string; day: string }[];
let kommunIds: number[];
let lpoOf: Map<number, number>;

beforeAll(async () => {
  t = tempDb();
  await seedDemo(t.db, { rows: 6000 });
  raw = (
    t.db.prepare('SELECT kommun_id, category, source, occurred_at FROM incident').all() as {
      kommun_id: number;
      category: string;
      source: string;
      occurred_at: string;
    }[]
  ).map((r) => ({ ...r, day: localDay(r.occurred_at) }));
  const k = t.db.prepare('SELECT id, lpo_id FROM kommun').all() as { id: number; lpo_id: number }[];
  kommunIds = k.map((r) => r.id);
  lpoOf = new Map(k.map((r) => [r.id, r.lpo_id]));
}, 60_000);
afterAll(() => t.cleanup());

type Period = IncidentFilter & { fromDay: string; toDay: string };

function matches(r: (typeof raw)[number], f: IncidentFilter): boolean {
  return (
    (!f.kommunIds?.length || f.kommunIds.includes(r.kommun_id)) &&
    (!f.lpoIds?.length || f.lpoIds.includes(lpoOf.get(r.kommun_id)!)) &&
    (!f.categories?.length || f.categories.includes(r.category)) &&
    (!f.sources?.length || f.sources.includes(r.source as Source)) &&
    (!f.fromDay || r.day >= f.fromDay) &&
    (!f.toDay || r.day <= f.toDay)
  );
}

function rawGroup(f: IncidentFilter, key: (r: (typeof raw)[number]) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of raw) if (matches(r, f)) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}

const DAYS = [
  '2023-11-01',
  '2024-02-29',
  '2024-03-31', // summer time starts
  '2024-10-27', // and ends
  '2025-01-01',
  '2025-06-15',
  '2025-12-31',
  '2026-03-29',
  '2026-07-01',
  '2026-10-31',
];
const day = fc.oneof(
  fc.constantFrom(...DAYS),
  fc.integer({ min: 0, max: 1095 }).map((d) => new Date(Date.UTC(2023, 10, 1 + d)).toISOString().slice(0, 10)),
);
const period: fc.Arbitrary<Period> = fc
  .record({
    a: day,
    b: day,
    kommuner: fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    categories: fc.subarray(['skadegorelse', 'vald', 'tillgrepp', 'ordning', 'trafik', 'narkotika', 'brand']),
    sources: fc.subarray(['polisanmalan', 'polisens_handelse', 'est', 'tips', 'felanmalan'] as Source[]),
    byLpo: fc.boolean(),
  })
  .map(({ a, b, kommuner, categories, sources, byLpo }) => ({
    fromDay: a < b ? a : b,
    toDay: a < b ? b : a,
    ...(byLpo ? { lpoIds: [1] } : { kommunIds: kommuner }),
    categories,
    sources,
  }));

describe('instrumentpanelernas siffror ur rollups', () => {
  it('grupperade antal = rå tabellen, och registret räknar samma rader för varje siffra', () => {
    const repo = new IncidentRepo(t.db);
    fc.assert(
      fc.property(period, (f) => {
        const got = groupedCounts(t.db, f, ['kommun_id', 'category']);
        const expected = rawGroup(f, (r) => `${r.kommun_id}|${r.category}`);
        expect(new Map(got.map((g) => [`${g.kommun_id}|${g.category}`, g.n]))).toEqual(expected);
        for (const g of got.slice(0, 3)) {
          expect(repo.count({ ...f, kommunIds: [g.kommun_id!], categories: [g.category!] })).toBe(g.n);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('trend per månad och ISO-vecka = rå tabellen, och varje punkt går att öppna i registret', () => {
    const repo = new IncidentRepo(t.db);
    fc.assert(
      fc.property(period, fc.constantFrom('month' as const, 'week' as const), (f, by) => {
        const points = trend(t.db, f, by);
        const periodOf = (d: string) => {
          if (by === 'month') return d.slice(0, 7);
          const w = isoWeek(d);
          return `${w.year}-W${String(w.week).padStart(2, '0')}`;
        };
        const expected = rawGroup(f, (r) => `${periodOf(r.day)}|${r.kommun_id}|${r.category}`);
        expect(new Map(points.map((p) => [`${p.period}|${p.kommunId}|${p.category}`, p.n]))).toEqual(expected);
        for (const p of points.slice(0, 3)) {
          expect(p.fromDay >= f.fromDay && p.toDay <= f.toDay).toBe(true);
          const drill = { ...f, kommunIds: [p.kommunId], categories: [p.category], fromDay: p.fromDay, toDay: p.toDay };
          expect(repo.count(drill)).toBe(p.n);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('förändring: båda perioderna räknade som i tabellen', () => {
    fc.assert(
      fc.property(period, fc.constantFrom('previous' as const, 'lastYear' as const), (f, compareWith) => {
        const { current, previous, rows } = changeTable(t.db, f, compareWith);
        const now = rawGroup({ ...f, ...current }, (r) => `${r.kommun_id}|${r.category}`);
        const before = rawGroup({ ...f, ...previous }, (r) => `${r.kommun_id}|${r.category}`);
        for (const r of rows) {
          const key = `${r.kommunId}|${r.category}`;
          expect([r.current, r.previous]).toEqual([now.get(key) ?? 0, before.get(key) ?? 0]);
        }
        expect(rows.length).toBe(new Set([...now.keys(), ...before.keys()]).size);
      }),
      { numRuns: 100 },
    );
  });

  it('jämför kommuner per 1 000 invånare med rätt års folkmängd, och LPO-summan', () => {
    const f: Period = { fromDay: '2025-01-01', toDay: '2025-12-31', lpoIds: [1] };
    const result = compareKommuner(t.db, f);
    const totals = rawGroup(f, (r) => String(r.kommun_id));
    const pops = populations(t.db, 2025);
    expect(result.rows.map((r) => r.kommunId)).toEqual(kommunIds.filter((k) => lpoOf.get(k) === 1));
    for (const r of result.rows) {
      expect(r.total).toBe(totals.get(String(r.kommunId)) ?? 0);
      expect(r.population).toBe(pops.get(r.kommunId)!.population);
      expect(r.per1000).toBeCloseTo((r.total * 1000) / r.population!, 9);
      expect(Object.values(r.byCategory).reduce((a, b) => a + b, 0)).toBe(r.total);
    }
    const [lpo] = result.lpoTotals;
    expect(lpo!.total).toBe(result.rows.reduce((s, r) => s + r.total, 0));
    expect(lpo!.population).toBe(result.rows.reduce((s, r) => s + r.population!, 0));
  });

  it('folkmängd: årets siffra, annars närmast tidigare år, annars det tidigaste', () => {
    const klippan = t.db.prepare("SELECT id FROM kommun WHERE name = 'Klippan'").pluck().get() as number;
    t.db
      .prepare(
        "INSERT INTO population (kommun_id, year, population, ref_date, source) VALUES (?, 2020, 17000, '2020-12-31', 'test')",
      )
      .run(klippan);
    expect(populations(t.db, 2020).get(klippan)).toEqual({ population: 17000, year: 2020 });
    expect(populations(t.db, 2022).get(klippan)).toEqual({ population: 17000, year: 2020 });
    expect(populations(t.db, 2030).get(klippan)!.year).toBe(2024);
    expect(populations(t.db, 2010).get(klippan)).toEqual({ population: 17000, year: 2020 });
    t.db.prepare('DELETE FROM population WHERE kommun_id = ? AND year = 2020').run(klippan);
  });

  it('jämförelseperioder: perioden före (hela månader: lika många månader), och samma datum förra året', () => {
    expect(previousPeriod('2025-06-01', '2025-06-30')).toEqual({ fromDay: '2025-05-01', toDay: '2025-05-31' });
    expect(previousPeriod('2026-09-01', '2026-12-31')).toEqual({ fromDay: '2026-05-01', toDay: '2026-08-31' });
    expect(previousPeriod('2025-06-02', '2025-06-30')).toEqual({ fromDay: '2025-05-04', toDay: '2025-06-01' });
    expect(previousPeriod('2026-01-01', '2026-01-14')).toEqual({ fromDay: '2025-12-18', toDay: '2025-12-31' });
    expect(sameTimeLastYear('2024-02-01', '2024-02-29')).toEqual({ fromDay: '2023-02-01', toDay: '2023-02-28' });
  });
});

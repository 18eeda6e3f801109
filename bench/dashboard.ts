/**
 * dashboard.*: each dashboard query on the rollups (src/core/dashboards/queries.ts) vs the naive way, a
 * GROUP BY over the incident table for the same selection, on a freshly opened database. Both results are
 * compared, so a fast wrong answer cannot pass.
 */
import { openDatabase, type Db } from '../src/core/db/connection';
import { changeTable, compareKommuner, previousPeriod, trend } from '../src/core/dashboards/queries';
import { overview } from '../src/core/dashboards/overview';
import { judgeChange } from '../src/core/dashboards/stats';
import { localDayStartUtc, addDays, isoWeek, localDay } from '../src/shared/time';

export interface DashboardTiming {
  name: string;
  rollupMs: number;
  naiveMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(repeats: number, fn: () => T): { ms: number; value: T } {
  let value!: T;
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    value = fn();
    runs.push(performance.now() - t0);
  }
  return { ms: median(runs), value };
}

/** The naive query: count(*) grouped over the incident table, with local days worked out per row. */
function naive(db: Db, fromDay: string, toDay: string, lpoId: number, by: 'kommun' | 'month' | 'week') {
  const rows = db
    .prepare(
      `SELECT kommun_id, category, occurred_at FROM incident
       WHERE lpo_id = ? AND occurred_at >= ? AND occurred_at < ?`,
    )
    .all(lpoId, localDayStartUtc(fromDay), localDayStartUtc(addDays(toDay, 1))) as {
    kommun_id: number;
    category: string;
    occurred_at: string;
  }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    let key = `${r.kommun_id}|${r.category}`;
    if (by !== 'kommun') {
      const day = localDay(r.occurred_at);
      const w = isoWeek(day);
      key = `${by === 'month' ? day.slice(0, 7) : `${w.year}-W${String(w.week).padStart(2, '0')}`}|${key}`;
    }
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** The same figures a naive GROUP BY in SQL gives, for the grouped-count comparison (no per-row JS). */
function naiveSql(db: Db, fromDay: string, toDay: string, lpoId: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT kommun_id, category, count(*) AS n FROM incident
       WHERE lpo_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY kommun_id, category`,
    )
    .all(lpoId, localDayStartUtc(fromDay), localDayStartUtc(addDays(toDay, 1))) as {
    kommun_id: number;
    category: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [`${r.kommun_id}|${r.category}`, r.n]));
}

function same(a: Map<string, number>, b: Map<string, number>, what: string): void {
  const diff = [...new Set([...a.keys(), ...b.keys()])].find((k) => (a.get(k) ?? 0) !== (b.get(k) ?? 0));
  if (diff !== undefined) throw new Error(`${what}: rollups och tabellen skiljer sig för ${diff}`);
}

export function measureDashboards(file: string, repeats: number): DashboardTiming[] {
  const db = openDatabase(file, { mustExist: true });
  try {
    const year = { fromDay: '2025-01-01', toDay: '2025-12-31', lpoIds: [1] };
    const cycle = { fromDay: '2026-06-01', toDay: '2026-09-30', lpoIds: [1] }; // a tertial
    const out: DashboardTiming[] = [];

    const cmp = time(repeats, () => compareKommuner(db, year));
    const cmpNaive = time(repeats, () => naiveSql(db, year.fromDay, year.toDay, 1));
    same(
      new Map(cmp.value.rows.flatMap((r) => Object.entries(r.byCategory).map(([c, n]) => [`${r.kommunId}|${c}`, n]))),
      cmpNaive.value,
      'jämför kommuner',
    );
    out.push({ name: 'jämför kommuner (ett år, en LPO)', rollupMs: cmp.ms, naiveMs: cmpNaive.ms });

    const chg = time(repeats, () => changeTable(db, cycle, 'previous'));
    const prev = previousPeriod(cycle.fromDay, cycle.toDay);
    const chgNaive = time(repeats, () => [
      naiveSql(db, cycle.fromDay, cycle.toDay, 1),
      naiveSql(db, prev.fromDay, prev.toDay, 1),
    ]);
    same(
      new Map(chg.value.rows.filter((r) => r.current > 0).map((r) => [`${r.kommunId}|${r.category}`, r.current])),
      chgNaive.value[0]!,
      'förändring',
    );
    out.push({ name: 'förändring (tertial mot tertialet före)', rollupMs: chg.ms, naiveMs: chgNaive.ms });

    // Översikt, the start page: the latest complete tertial's significant changes (and the survey's movement).
    const ov = time(repeats, () => overview(db, { cycle: 'tertial', lpoIds: [1] }, new Date('2026-11-22T12:00:00Z')));
    const p = ov.value.period!;
    const ovNaive = time(repeats, () => {
      const now = naiveSql(db, p.fromDay, p.toDay, 1);
      const before = naiveSql(db, p.previous.fromDay, p.previous.toDay, 1);
      const significant = new Map<string, number>();
      for (const key of new Set([...now.keys(), ...before.keys()])) {
        const j = judgeChange(now.get(key) ?? 0, before.get(key) ?? 0);
        if (j.verdict === 'okning' || j.verdict === 'minskning') significant.set(key, j.current);
      }
      return significant;
    });
    same(new Map(ov.value.changes.map((c) => [`${c.kommunId}|${c.category}`, c.current])), ovNaive.value, 'översikt');
    out.push({ name: 'översikt (senaste hela tertialet, en LPO)', rollupMs: ov.ms, naiveMs: ovNaive.ms });

    for (const by of ['month', 'week'] as const) {
      const span = { fromDay: '2023-11-01', toDay: '2026-10-31', lpoIds: [1] };
      const tr = time(repeats, () => trend(db, span, by));
      const trNaive = time(repeats, () => naive(db, span.fromDay, span.toDay, 1, by));
      same(
        new Map(tr.value.map((p) => [`${p.period}|${p.kommunId}|${p.category}`, p.n])),
        trNaive.value,
        `trend per ${by}`,
      );
      out.push({
        name: `trend per ${by === 'month' ? 'månad' : 'ISO-vecka'} (tre år, en LPO)`,
        rollupMs: tr.ms,
        naiveMs: trNaive.ms,
      });
    }
    return out;
  } finally {
    db.close();
  }
}

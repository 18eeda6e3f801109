import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo, type NewIncident } from '../../src/core/db/incident-repo';
import { RollupDelta } from '../../src/core/db/rollup';
import { Random } from '../../src/core/demo/random';
import { seedGeography } from '../../src/core/demo/seed';
import { SOURCES, type IncidentFilter } from '../../src/shared/domain';
import { CATEGORIES } from '../../src/shared/taxonomy';
import { isoWeek, localDay } from '../../src/shared/time';
import { tempDb, type TempDb } from '../helpers/db';

/** Local Stockholm day by the platform's time zone data, independent of src/shared/time. */
const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const intlDay = (iso: string) => dayFormatter.format(new Date(iso));

interface Row {
  id: number;
  kommun_id: number;
  lpo_id: number;
  category: string;
  source: string;
  occurred_at: string;
}

let t: TempDb;
let repo: IncidentRepo;
let kommunIds: number[];
let lpoIds: number[];
let rows: Row[];
const stats = { create: 0, update: 0, delete: 0, restore: 0, bulk: 0 };

/** Instants spread over 2023–2026, a third of them within an hour of a local month start or a DST change. */
function randomInstant(rng: Random): string {
  let ms: number;
  if (rng.next() < 0.35) {
    const y = 2023 + rng.int(4);
    const m = rng.int(12);
    const edges = [
      Date.UTC(y, m, 1) - (m >= 3 && m <= 9 ? 2 : 1) * 3600_000, // about local midnight on the 1st
      Date.UTC(2025, 2, 30, 1), // spring forward 2025
      Date.UTC(2025, 9, 26, 1), // fall back 2025
      Date.UTC(2024, 2, 31, 1),
      Date.UTC(2024, 9, 27, 1),
    ];
    ms = edges[rng.int(edges.length)]! + (rng.int(7200) - 3600) * 1000;
  } else {
    ms = Date.UTC(2023, 0, 1) + Math.floor(rng.next() * 4 * 365 * 86400) * 1000;
  }
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function randomIncident(rng: Random): NewIncident {
  const cat = CATEGORIES[rng.int(CATEGORIES.length)]!;
  const occurredAt = randomInstant(rng);
  return {
    source: SOURCES[rng.int(SOURCES.length)]!,
    category: cat.code,
    subcategory: cat.subcategories[rng.int(cat.subcategories.length)]!.code,
    occurredAt,
    reportedAt: occurredAt,
    kommunId: kommunIds[rng.int(kommunIds.length)]!,
    placeName: rng.next() < 0.5 ? '' : `Plats ${rng.int(5)}`,
    lat: null,
    lon: null,
    precision: null,
    description: `Händelse ${rng.int(1000)}`,
    reporterOrg: '',
    status: 'ny',
  };
}

beforeAll(() => {
  t = tempDb();
  seedGeography(t.db);
  kommunIds = t.db.prepare('SELECT id FROM kommun ORDER BY id').pluck().all() as number[];
  lpoIds = t.db.prepare('SELECT id FROM lpo ORDER BY id').pluck().all() as number[];
  repo = new IncidentRepo(t.db);
  const rng = new Random(4711);
  const live: number[] = [];
  const trashed: number[] = [];
  const take = (list: number[]) => list.splice(rng.int(list.length), 1)[0]!;
  for (let op = 0; op < 520; op++) {
    const r = live.length < 60 ? 0 : rng.next();
    if (r < 0.4) {
      live.push(repo.create(randomIncident(rng)).id);
      stats.create++;
    } else if (r < 0.65) {
      const id = live[rng.int(live.length)]!;
      const current = repo.get(id);
      // Some updates change only the text, so the rollup delta nets to zero.
      const next = rng.next() < 0.2 ? { ...current, description: 'Ändrad' } : randomIncident(rng);
      repo.update(id, current.updatedAt, { ...next, sourceRef: null });
      stats.update++;
    } else if (r < 0.85) {
      const id = take(live);
      repo.delete(id);
      trashed.push(id);
      stats.delete++;
    } else if (r < 0.97 && trashed.length > 0) {
      const id = take(trashed);
      repo.restore(id);
      live.push(id);
      stats.restore++;
    } else {
      // The bulk path (seeding, imports): one delta for the whole batch, flushed in the transaction.
      t.db.transaction(() => {
        const delta = new RollupDelta();
        repo.insertMany(
          Array.from({ length: 25 }, () => randomIncident(rng)),
          delta,
        );
        delta.flush(t.db);
      })();
      stats.bulk++;
    }
  }
  rows = t.db.prepare('SELECT id, kommun_id, lpo_id, category, source, occurred_at FROM incident').all() as Row[];
});
afterAll(() => t.cleanup());

function grouped(period: (day: string) => string): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = [r.kommun_id, r.category, r.source, period(intlDay(r.occurred_at))].join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k}|${n}`).sort();
}

function rollup(table: 'day' | 'week' | 'month'): string[] {
  const col = table;
  return (
    t.db.prepare(`SELECT kommun_id, category, source, ${col} AS period, n FROM incident_rollup_${table}`).all() as {
      kommun_id: number;
      category: string;
      source: string;
      period: string;
      n: number;
    }[]
  )
    .map((r) => [r.kommun_id, r.category, r.source, r.period, r.n].join('|'))
    .sort();
}

describe('rollup-tabellerna efter slumpade skrivningar', () => {
  it('körde alla sorters skrivningar', () => {
    expect(stats.create).toBeGreaterThan(100);
    expect(stats.update).toBeGreaterThan(50);
    expect(stats.delete).toBeGreaterThan(50);
    expect(stats.restore).toBeGreaterThan(20);
    expect(stats.bulk).toBeGreaterThan(3);
    expect(rows.length).toBeGreaterThan(150);
  });

  it('localDay stämmer med Intl för varje rad', () => {
    const wrong = rows.filter((r) => localDay(r.occurred_at) !== intlDay(r.occurred_at));
    expect(wrong).toEqual([]);
  });

  it('dagtabellen är exakt lika med en gruppering av incident per lokal dag', () => {
    const expected = grouped((d) => d);
    expect(expected.length).toBeGreaterThan(100);
    expect(rollup('day')).toEqual(expected);
  });

  it('månadstabellen är exakt lika med en gruppering per lokal månad', () => {
    expect(rollup('month')).toEqual(grouped((d) => d.slice(0, 7)));
  });

  it('veckotabellen är exakt lika med en gruppering per ISO-vecka (också över nyår)', () => {
    const label = (d: string) => {
      const w = isoWeek(d);
      return `${w.year}-W${String(w.week).padStart(2, '0')}`;
    };
    expect(rollup('week')).toEqual(grouped(label));
  });
});

function rawCount(f: IncidentFilter): number {
  return rows.filter((r) => {
    const day = intlDay(r.occurred_at);
    return (
      (!f.kommunIds?.length || f.kommunIds.includes(r.kommun_id)) &&
      (!f.lpoIds?.length || f.lpoIds.includes(r.lpo_id)) &&
      (!f.categories?.length || f.categories.includes(r.category)) &&
      (!f.sources?.length || (f.sources as string[]).includes(r.source)) &&
      (!f.fromDay || day >= f.fromDay) &&
      (!f.toDay || day <= f.toDay)
    );
  }).length;
}

const RANGES: [string | undefined, string | undefined][] = [
  [undefined, undefined],
  ['2025-01-15', '2025-03-10'], // mid-month to mid-month
  ['2025-02-01', '2025-02-28'], // one whole month
  ['2024-02-01', '2024-02-29'], // whole leap-year February
  ['2025-01-01', '2025-12-31'], // whole months across a year
  ['2025-03-05', '2025-03-30'], // within one month, ending on the DST day
  ['2025-03-30', '2025-03-30'], // the spring-forward day alone
  ['2025-10-26', '2025-10-26'], // the fall-back day alone
  ['2025-03-31', '2025-04-01'], // across a month start in summer time
  ['2024-12-20', '2025-01-10'], // across new year
  ['2023-06-15', '2026-02-14'], // across several years
  ['2025-01-01', '2025-02-14'], // whole first month, partial last
  ['2024-11-16', '2025-01-31'], // partial first month, whole last
  ['2025-05-01', undefined], // open end
  [undefined, '2024-08-31'], // open start
  [undefined, '2024-08-15'],
  ['2024-08-15', undefined],
];

describe('count(filter) från rollups', () => {
  it('är lika med en rå räkning för alla kombinationer av dimension och datumintervall', () => {
    const dims: IncidentFilter[] = [
      {},
      { kommunIds: [kommunIds[0]!] },
      { kommunIds: [kommunIds[1]!, kommunIds[5]!] },
      { lpoIds: [lpoIds[0]!] },
      { lpoIds: [lpoIds[1]!] },
      { categories: ['skadegorelse'] },
      { categories: ['vald', 'ordning'] },
      { sources: ['est'] },
      { sources: ['polisanmalan', 'tips'] },
      { kommunIds: [kommunIds[2]!], categories: ['tillgrepp', 'skadegorelse'], sources: ['est', 'tips'] },
      { lpoIds: [lpoIds[1]!], sources: ['felanmalan'] },
    ];
    let checked = 0;
    let nonZero = 0;
    for (const dim of dims) {
      for (const [fromDay, toDay] of RANGES) {
        const f: IncidentFilter = { ...dim, ...(fromDay ? { fromDay } : {}), ...(toDay ? { toDay } : {}) };
        const expected = rawCount(f);
        expect(repo.count(f), JSON.stringify(f)).toBe(expected);
        checked++;
        if (expected > 0) nonZero++;
      }
    }
    expect(repo.count({})).toBe(rows.length);
    expect(checked).toBe(11 * RANGES.length);
    expect(nonZero).toBeGreaterThan(checked / 2);
  });

  it('är lika med en rå räkning för 300 slumpade filter', () => {
    const rng = new Random(99);
    const day = () => {
      const ms = Date.UTC(2023, 0, 1) + rng.int(4 * 366) * 86400_000;
      return new Date(ms).toISOString().slice(0, 10);
    };
    for (let i = 0; i < 300; i++) {
      const a = day();
      const b = day();
      const f: IncidentFilter = {};
      if (rng.next() < 0.8) f.fromDay = a < b ? a : b;
      if (rng.next() < 0.8) f.toDay = a < b ? b : a;
      if (rng.next() < 0.3) f.kommunIds = [kommunIds[rng.int(kommunIds.length)]!];
      if (rng.next() < 0.2) f.lpoIds = [lpoIds[rng.int(lpoIds.length)]!];
      if (rng.next() < 0.3) f.categories = [CATEGORIES[rng.int(CATEGORIES.length)]!.code];
      if (rng.next() < 0.3) f.sources = [SOURCES[rng.int(SOURCES.length)]!];
      expect(repo.count(f), JSON.stringify(f)).toBe(rawCount(f));
    }
  });
});

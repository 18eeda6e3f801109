/** Översikt: the latest cycle's significant changes and the survey's movements, on hand-made data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo, type NewIncident } from '../../src/core/db/incident-repo';
import { seedGeography, seedSurvey } from '../../src/core/demo/seed';
import { latestCompleteCycle, latestDataDay, overview } from '../../src/core/dashboards/overview';
import { localToUtc } from '../../src/shared/time';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
let klippan: number;
let lomma: number;
let lpoKlippan: number;

const at = (kommunId: number, local: string, category: string, subcategory: string): NewIncident => {
  const when = localToUtc(local)!;
  return {
    source: 'est',
    category,
    subcategory,
    occurredAt: when,
    reportedAt: when,
    kommunId,
    placeName: '',
    lat: null,
    lon: null,
    precision: null,
    description: local,
    reporterOrg: '',
    status: 'ny',
  };
};

beforeAll(() => {
  t = tempDb();
  const ids = seedGeography(t.db);
  klippan = ids.get('1276')!;
  lomma = ids.get('1262')!;
  lpoKlippan = t.db.prepare("SELECT id FROM lpo WHERE name = 'Klippan'").pluck().get() as number;
  const repo = new IncidentRepo(t.db);
  const put = (kommunId: number, month: string, n: number, category: string, sub: string) => {
    for (let i = 0; i < n; i++)
      repo.create(at(kommunId, `${month}-${String((i % 28) + 1).padStart(2, '0')} 12:00`, category, sub));
  };
  // Klippan: klotter 30 in September vs 10 in August (z = √2(√30 − √10) = 3.27: a real rise);
  // brak 12 vs 8 (z = 0.90: no verdict). Lomma: 4 vs 1 (too few). October has only begun (to the 5th).
  put(klippan, '2026-08', 10, 'skadegorelse', 'klotter');
  put(klippan, '2026-09', 30, 'skadegorelse', 'klotter');
  put(klippan, '2026-08', 8, 'ordning', 'brak');
  put(klippan, '2026-09', 12, 'ordning', 'brak');
  put(lomma, '2026-08', 1, 'skadegorelse', 'klotter');
  put(lomma, '2026-09', 4, 'skadegorelse', 'klotter');
  put(klippan, '2026-10', 5, 'skadegorelse', 'klotter');
  // A future-dated day must not become "now".
  repo.create(at(klippan, '2027-01-01 12:00', 'skadegorelse', 'klotter'));
  seedSurvey(t.db);
});
afterAll(() => t.cleanup());

describe('översikt', () => {
  it('tar den senaste dagen med data, inte senare än i dag, och inte en ensam sen händelse', () => {
    expect(latestDataDay(t.db, '2026-11-22')).toBe('2026-10-05');
    expect(latestDataDay(t.db, '2026-09-14')).toBe('2026-09-14');
    // The one event on 1 January 2027 follows three silent months: the regular data end on 5 October.
    expect(latestDataDay(t.db, '2027-02-01')).toBe('2026-10-05');
    expect(latestDataDay(t.db, '2020-01-01')).toBeNull();
  });

  it('jämför senaste hela cykeln, aldrig en påbörjad månad mot en hel', () => {
    expect(latestCompleteCycle('manad', '2026-10-05')).toMatchObject({ fromDay: '2026-09-01', toDay: '2026-09-30' });
    expect(latestCompleteCycle('manad', '2026-10-31')).toMatchObject({ fromDay: '2026-10-01', toDay: '2026-10-31' });
    expect(latestCompleteCycle('tertial', '2026-10-31')).toMatchObject({
      fromDay: '2026-05-01',
      toDay: '2026-08-31',
      previous: { fromDay: '2026-01-01', toDay: '2026-04-30' },
    });
    // Weeks end on the day itself: always complete.
    expect(latestCompleteCycle('vecka', '2026-10-05')).toMatchObject({ fromDay: '2026-09-29', toDay: '2026-10-05' });
  });

  it('visar bara säkerställda förändringar i cykeln, störst först', () => {
    const o = overview(t.db, { cycle: 'manad' }, new Date('2026-11-22T10:00:00Z'));
    expect(o.asOfDay).toBe('2026-10-05');
    expect(o.period).toEqual({
      fromDay: '2026-09-01',
      toDay: '2026-09-30',
      previous: { fromDay: '2026-08-01', toDay: '2026-08-31' },
    });
    expect(o.changes).toHaveLength(1);
    expect(o.changes[0]).toMatchObject({
      kommunId: klippan,
      category: 'skadegorelse',
      current: 30,
      previous: 10,
      verdict: 'okning',
    });
    expect(o.changes[0]!.z).toBeCloseTo(Math.SQRT2 * (Math.sqrt(30) - Math.sqrt(10)), 10);
    // Klippan's klotter and bråk were judged; Lomma's 4 vs 1 were too few.
    expect(o.judged).toBe(2);
    // A selection without Klippan has nothing significant.
    expect(overview(t.db, { cycle: 'manad', kommunIds: [lomma] }, new Date('2026-11-22T10:00:00Z')).changes).toEqual(
      [],
    );
  });

  it('visar trygghetsmätningens senaste rörelse för urvalets områden', () => {
    const o = overview(t.db, { cycle: 'manad', lpoIds: [lpoKlippan] }, new Date('2026-11-22T10:00:00Z'));
    // LPO Klippan and its five kommuner.
    expect(o.survey.totalindex).toHaveLength(6);
    expect(o.survey.totalindex.every((m) => m.year === 2025 && m.previousYear === 2024)).toBe(true);
    expect(o.survey.significant.every((m) => m.verdict === 'battre' || m.verdict === 'samre')).toBe(true);
    expect(o.survey.significant.every((m) => Math.abs(m.z!) >= 1.96)).toBe(true);
  });

  it('säger att en tom databas inte har någon cykel', () => {
    const empty = tempDb();
    try {
      seedGeography(empty.db);
      const o = overview(empty.db, { cycle: 'vecka' });
      expect(o).toMatchObject({ asOfDay: null, period: null, changes: [], judged: 0 });
      expect(o.survey.totalindex).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});

/** EST-lägesbild: cycles, places that stand out, places new this cycle, and the summary, on hand-made data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo, type NewIncident } from '../../src/core/db/incident-repo';
import { seedGeography } from '../../src/core/demo/seed';
import { cycleDays, estLagesbild } from '../../src/core/dashboards/est';
import { localToUtc } from '../../src/shared/time';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
let svalov: number;

function incident(
  kommunId: number,
  local: string,
  placeName: string,
  category: string,
  subcategory: string,
): NewIncident {
  const at = localToUtc(local)!;
  return {
    source: 'est',
    category,
    subcategory,
    occurredAt: at,
    reportedAt: at,
    kommunId,
    placeName,
    lat: null,
    lon: null,
    precision: null,
    description: `${placeName} ${local}`,
    reporterOrg: 'Svalövs kommun',
    status: 'ny',
  };
}

beforeAll(() => {
  t = tempDb();
  svalov = seedGeography(t.db).get('1214')!;
  const repo = new IncidentRepo(t.db);
  // June: two at the square. July (the cycle): twelve new at Teckomatorp, three at the square; one 1 August.
  for (const d of ['2026-06-03 21:00', '2026-06-20 22:00'])
    repo.create(incident(svalov, d, 'Svalövs torg', 'skadegorelse', 'klotter'));
  for (let i = 1; i <= 12; i++) {
    repo.create(
      incident(
        svalov,
        `2026-07-${String(i * 2).padStart(2, '0')} 23:30`,
        'Teckomatorp centrum',
        'skadegorelse',
        'glaskross',
      ),
    );
  }
  for (const d of ['2026-07-01 00:10', '2026-07-15 12:00', '2026-07-31 23:59']) {
    repo.create(incident(svalov, d, 'Svalövs torg', 'ordning', 'brak'));
  }
  repo.create(incident(svalov, '2026-08-01 00:00', 'Kågeröd', 'skadegorelse', 'klotter'));
});
afterAll(() => t.cleanup());

describe('EST-cykler', () => {
  it('vecka, två veckor, månad och tertial, med perioden före', () => {
    expect(cycleDays('vecka', '2026-07-12')).toEqual({
      fromDay: '2026-07-06',
      toDay: '2026-07-12',
      previous: { fromDay: '2026-06-29', toDay: '2026-07-05' },
    });
    expect(cycleDays('tvaveckor', '2026-01-07')).toEqual({
      fromDay: '2025-12-25',
      toDay: '2026-01-07',
      previous: { fromDay: '2025-12-11', toDay: '2025-12-24' },
    });
    expect(cycleDays('manad', '2024-03-15')).toEqual({
      fromDay: '2024-03-01',
      toDay: '2024-03-31',
      previous: { fromDay: '2024-02-01', toDay: '2024-02-29' },
    });
    expect(cycleDays('tertial', '2026-02-10')).toEqual({
      fromDay: '2026-01-01',
      toDay: '2026-04-30',
      previous: { fromDay: '2025-09-01', toDay: '2025-12-31' },
    });
    expect(cycleDays('tertial', '2026-12-31').fromDay).toBe('2026-09-01');
  });
});

describe('EST-lägesbild', () => {
  it('räknar cykeln, ser ökningen, platserna och de nya platserna, och sammanfattar', () => {
    const l = estLagesbild(
      t.db,
      { kommunId: svalov, cycle: 'manad', day: '2026-07-20', kommunName: 'Svalöv' },
      new Date('2026-11-22T10:00:00Z'),
    );
    expect([l.fromDay, l.toDay, l.previous]).toEqual([
      '2026-07-01',
      '2026-07-31',
      { fromDay: '2026-06-01', toDay: '2026-06-30' },
    ]);
    expect([l.total.current, l.total.previous, l.total.verdict]).toEqual([15, 2, 'okning']);
    expect(l.changes.map((c) => [c.category, c.current, c.previous, c.verdict])).toEqual([
      ['skadegorelse', 12, 2, 'okning'], // √2(√12 − √2) = 2.90
      ['ordning', 3, 0, 'for_fa'],
    ]);
    expect(l.topPlaces).toEqual([
      { placeName: 'Teckomatorp centrum', n: 12, categories: { skadegorelse: 12 } },
      { placeName: 'Svalövs torg', n: 3, categories: { ordning: 3 } },
    ]);
    expect(l.newPlaces).toEqual([{ placeName: 'Teckomatorp centrum', n: 12 }]);
    expect(l.summary).toBe(
      'Lägesbild för Svalöv, 2026-07-01 – 2026-07-31 jämfört med 2026-06-01 – 2026-06-30: 15 händelser mot 2 (säkerställd ökning). ' +
        'Säkerställda förändringar: Skadegörelse ökar (12 mot 2, z = 2,9). ' +
        'Flest händelser: Teckomatorp centrum (12), Svalövs torg (3). ' +
        'Nya platser (inga händelser de 90 dagarna före): Teckomatorp centrum (12).',
    );
  });

  it('en tom cykel säger det i klartext', () => {
    const l = estLagesbild(
      t.db,
      { kommunId: svalov, cycle: 'vecka', day: '2026-03-01', kommunName: 'Svalöv' },
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(l.total).toEqual({ current: 0, previous: 0, z: null, verdict: 'for_fa' });
    expect(l.summary).toContain('Inga händelser med namngiven plats. Inga nya platser.');
  });
});

/** The effect goal against survey and incident figures, on the demo survey and hand-made incidents. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { seedGeography, seedSurvey } from '../../src/core/demo/seed';
import { surveyResults } from '../../src/core/dashboards/survey';
import { shareChangeZ } from '../../src/core/dashboards/stats';
import { effectChecks } from '../../src/core/lofte/effect';
import { LofteRepo } from '../../src/core/lofte/repo';
import { emptyContent, type Lofte } from '../../src/shared/lofte';
import { newIncident, tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
let klippan: number;
beforeAll(() => {
  t = tempDb();
  klippan = seedGeography(t.db).get('1276')!;
  seedSurvey(t.db);
});
afterAll(() => t.cleanup());

const lofte = (from: string, to: string, evidence: Lofte['content']['evidence']) =>
  new LofteRepo(t.db).create({
    kommunId: klippan,
    periodFrom: from,
    periodTo: to,
    content: { ...emptyContent(), evidence },
  });

const value = (indicator: string, year: number) =>
  surveyResults(t.db, indicator).find((r) => r.area.kind === 'kommun' && r.area.id === klippan && r.year === year)!;

describe('effektmålet mot siffrorna', () => {
  it('trygghetsmätning: mätningen före perioden mot nästa mätning; en andel prövas, ett index visar riktning', () => {
    const l = lofte('2021-05-01', '2022-04-30', [
      { kind: 'survey', indicator: 'nedskrapning', kommunId: null },
      { kind: 'survey', indicator: 'otrygg_kvall', kommunId: klippan },
    ]);
    const [index, share] = effectChecks(t.db, l, '2026-11-22');
    expect(index).toMatchObject({
      before: { label: '2020', value: value('nedskrapning', 2020).value },
      after: { label: '2022', value: value('nedskrapning', 2022).value },
      z: null,
      verdict: 'kan_inte_bedomas',
    });
    const b = value('otrygg_kvall', 2020);
    const a = value('otrygg_kvall', 2022);
    const z = shareChangeZ(b.value, b.respondents!, a.value, a.respondents!)!;
    expect(share!.z).toBeCloseTo(z, 12);
    expect(share!.verdict).toBe(z <= -1.96 ? 'battre' : z >= 1.96 ? 'samre' : 'ingen_sakerstalld_forandring');
    // A period whose next survey has not come yet waits for it.
    const running = lofte('2026-01-01', '2026-12-31', [{ kind: 'survey', indicator: 'nedskrapning', kommunId: null }]);
    expect(effectChecks(t.db, running, '2026-11-22')[0]).toMatchObject({
      verdict: 'vantar',
      after: null,
      before: { label: '2025' },
    });
  });

  it('händelser: perioden hittills mot lika lång period före, med Poisson-testet (färre är bättre)', () => {
    const repo = new IncidentRepo(t.db);
    // 30 klotter in the 30 days before the löfte, 10 in its first 30 days (data up to 30 September).
    for (let i = 0; i < 30; i++)
      repo.create(
        newIncident(klippan, {
          occurredAt: `2026-08-${String((i % 28) + 2).padStart(2, '0')}T10:00:00Z`,
          reportedAt: '2026-10-01T10:00:00Z',
        }),
      );
    for (let i = 0; i < 10; i++)
      repo.create(
        newIncident(klippan, {
          occurredAt: `2026-09-${String(i + 2).padStart(2, '0')}T10:00:00Z`,
          reportedAt: '2026-10-01T10:00:00Z',
        }),
      );
    const l = lofte('2026-09-01', '2026-12-31', [
      { kind: 'filter', label: 'Klotter i Klippan', filter: { kommunIds: [klippan], categories: ['skadegorelse'] } },
    ]);
    const [check] = effectChecks(t.db, l, '2026-11-22');
    // Data ends 11 September: the löfte's 11 days (10 events) against the 11 days before, 21–31 August,
    // which hold the August events on the 21st to the 29th: 9. z = √2(√10 − √9) = 0.23, no established change.
    expect(check!.after).toEqual({ label: '2026-09-01 – 2026-09-11', value: 10 });
    expect(check!.before).toEqual({ label: '2026-08-21 – 2026-08-31', value: 9 });
    expect(check!.z).toBeCloseTo(Math.SQRT2 * (Math.sqrt(10) - 3), 12);
    expect(check!.verdict).toBe('ingen_sakerstalld_forandring');
  });
});

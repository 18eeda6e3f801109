/** The effect goal against survey and incident figures, on the demo survey and hand-made incidents. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { seedGeography, seedSurvey } from '../../src/core/demo/seed';
import { surveyResults } from '../../src/core/dashboards/survey';
import { shareChangeZ } from '../../src/core/dashboards/stats';
import { effectChecks } from '../../src/core/lofte/effect';
import { LofteRepo } from '../../src/core/lofte/repo';
import { emptyContent, type Lofte } from '../../src/shared/lofte';
import { addDays } from '../../src/shared/calendar';
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

  it('händelser: perioden hittills mot lika många dagar från början av perioden före, med Poisson-testet', () => {
    const repo = new IncidentRepo(t.db);
    const on = (day: string) =>
      repo.create(newIncident(klippan, { occurredAt: `${day}T10:00:00Z`, reportedAt: '2026-10-01T10:00:00Z' }));
    // Klotter every day 1 May – 11 September: data up to 11 September. The löfte's first 11 days hold two a
    // day (22), the first 11 days of the tertial before it (1–11 May) one a day (11).
    for (let d = '2026-05-01'; d <= '2026-09-11'; d = addDays(d, 1)) on(d);
    for (let d = '2026-09-01'; d <= '2026-09-11'; d = addDays(d, 1)) on(d);
    const l = lofte('2026-09-01', '2026-12-31', [
      { kind: 'filter', label: 'Klotter i Klippan', filter: { kommunIds: [klippan], categories: ['skadegorelse'] } },
    ]);
    const [check] = effectChecks(t.db, l, '2026-11-22');
    // Not the 11 days just before (21–31 August): the löfte's period is a tertial, so the one before is
    // May–August, and a running period is compared with as many days from the other's start.
    expect(check!.after).toEqual({ label: '2026-09-01 – 2026-09-11', value: 22 });
    expect(check!.before).toEqual({ label: '2026-05-01 – 2026-05-11', value: 11 });
    expect(check!.z).toBeCloseTo(Math.SQRT2 * (Math.sqrt(22) - Math.sqrt(11)), 12);
    expect(check!.verdict).toBe('ingen_sakerstalld_forandring');
  });
});

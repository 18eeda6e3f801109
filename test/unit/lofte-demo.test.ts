/** Demo löften: the published targets, plausible follow-up, a running löfte behind plan and a draft. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { seedLoften } from '../../src/core/demo/loften';
import { behindSchedule, lofteDetails, lofteList } from '../../src/core/lofte/service';
import { activityText } from '../../src/shared/diff';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
const now = new Date('2026-11-22T10:00:00Z');
beforeAll(() => {
  t = tempDb();
  seedGeography(t.db);
  expect(seedLoften(t.db)).toBe(5);
  expect(seedLoften(t.db)).toBe(0);
});
afterAll(() => t.cleanup());

const byTitle = (title: string) => lofteList(t.db, undefined, now).find((l) => l.title === title)!;

describe('exempellöften', () => {
  it('bär de publicerade målen från Klippan 2021–22 och Kävlinge 2017/2018', () => {
    const klippan = lofteDetails(t.db, byTitle('Medborgarlöfte Klippan 2021–2022').id, 'period', now);
    expect(klippan.lofte.content.activities.map(activityText)).toEqual([
      'Narkotikainsats mot ungdomar: minst 4 under perioden, ansvar: Polisen',
      'Riktad trafikinsats tillsammans med andra myndigheter: minst 4 under perioden, ansvar: Gemensamt',
      'EST-möte med rapportverktyget: minst 1 per månad, ansvar: Kommunen',
    ]);
    expect(klippan.lofte).toMatchObject({ periodFrom: '2021-05-01', periodTo: '2022-04-30', state: 'avslutad' });
    const k2017 = lofteDetails(t.db, byTitle('Medborgarlöfte Kävlinge 2017').id, 'period', now);
    expect(k2017.lofte.content.activities.map((a) => [a.kind, a.quantity, a.cadence])).toEqual([
      ['Trafikinsats', 1, 'vecka'],
      ['Trygghetsvandring med inriktning på trafikmiljön', 2, 'period'],
      ['Besök på kommunens fritidsgårdar', 2, 'manad'],
      ['Nytt uppstartsmöte för grannsamverkan', 2, 'period'],
    ]);
    // Plausible follow-up: about nine traffic actions in ten weeks; the walks done.
    const trafik = k2017.progress.find((p) => p.key === 'trafik')!;
    expect(trafik.done).toBeGreaterThan(40);
    expect(trafik.done).toBeLessThan(52);
    expect(k2017.progress.find((p) => p.key === 'vandring')!.done).toBe(2);
    expect(byTitle('Medborgarlöfte Kävlinge 2018').state).toBe('avslutad');
    // History: each step dated before the period.
    expect(k2017.history.map((h) => [h.state, h.savedAt.slice(0, 10)])).toEqual([
      ['for_granskning', '2016-11-17'],
      ['beslutad', '2016-12-02'],
      ['uppfoljning', '2017-01-01'],
      ['avslutad', '2018-01-20'],
    ]);
  });

  it('har ett löfte i uppföljning som ligger efter plan, och ett utkast som SMART-kontrollen varnar för', () => {
    const running = byTitle('Ett renare och tryggare Klippans centrum 2026');
    expect(running.state).toBe('uppfoljning');
    expect(running.behind).toBe(1);
    const behind = behindSchedule(t.db, undefined, now);
    expect(behind.map((b) => [b.title, b.activity, b.required, b.done])).toEqual([
      ['Ett renare och tryggare Klippans centrum 2026', 'Trygghetsvandring kring stationen', 1, 0],
    ]);
    const draft = lofteDetails(t.db, byTitle('Skadegörelse i Teckomatorp').id, 'manad', now);
    expect(draft.lofte.state).toBe('utkast');
    expect(draft.checklist.filter((c) => !c.ok).map((c) => c.id)).toEqual(['cadence', 'responsible', 'followUp']);
    expect(draft.comments).toHaveLength(1);
  });
});

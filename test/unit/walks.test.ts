/** Trygghetsvandringar: observations become incidents (rollups included), åtgärder with due dates and reasons. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { addMonths, WalkRepo } from '../../src/core/walks/repo';
import { deleteView, saveView } from '../../src/core/dashboards/views';
import { rollupVsTable, tempDb, type TempDb } from '../helpers/db';
import { appError } from '../helpers/errors';

let t: TempDb;
let repo: WalkRepo;
let klippan: number;
beforeEach(() => {
  t = tempDb();
  klippan = seedGeography(t.db).get('1276')!;
  repo = new WalkRepo(t.db, () => new Date('2026-11-22T10:00:00Z'));
});
afterEach(() => t.cleanup());

const walkInput = (over: Partial<Parameters<WalkRepo['save']>[1]> = {}) => ({
  kommunId: klippan,
  title: 'Kvällsvandring kring stationen',
  walkDay: '2026-03-10',
  afterDark: true,
  route: 'Stationen – Storgatan – parken',
  places: ['Klippans station', ' Storgatan ', ''],
  invited: ['Klippanbostäder', 'Teknik och fritid'],
  ...over,
});

describe('trygghetsvandring', () => {
  it('en iakttagelse blir en händelse med källan trygghetsvandring, på vandringens dag och plats', () => {
    const walk = repo.save(null, walkInput());
    expect(walk.places).toEqual(['Klippans station', 'Storgatan']);
    const obs = repo.observe(walk.id, {
      placeName: 'Klippans station',
      subcategory: 'belysning',
      note: 'Trasig lampa vid cykelstället',
    });
    const incident = t.db.prepare('SELECT * FROM incident WHERE id = ?').get(obs.incidentId) as Record<string, unknown>;
    expect(incident).toMatchObject({
      source: 'trygghetsvandring',
      category: 'otrygg_plats',
      subcategory: 'belysning',
      kommun_id: klippan,
      place_name: 'Klippans station',
      occurred_at: '2026-03-10T19:00:00Z', // 20:00 in Stockholm (winter time): an evening walk
      description: 'Belysning vid Klippans station (Kvällsvandring kring stationen): Trasig lampa vid cykelstället',
    });
    rollupVsTable(t.db);
    // Removing the observation moves its incident to the trash; the rollups follow.
    repo.deleteObservation(obs.id);
    expect(t.db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM incident_trash').pluck().get()).toBe(1);
    rollupVsTable(t.db);
  });

  it('vägrar iakttagelser från en vandring som inte ägt rum, och okända typer, utan att skriva något', () => {
    const future = repo.save(null, walkInput({ walkDay: '2026-12-01' }));
    expect(
      appError(() => repo.observe(future.id, { placeName: 'Parken', subcategory: 'belysning', note: '' })).message,
    ).toContain('har inte ägt rum');
    const past = repo.save(null, walkInput());
    expect(
      appError(() => repo.observe(past.id, { placeName: 'Parken', subcategory: 'finns_inte', note: '' })).code,
    ).toBe('validation');
    expect(t.db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM walk_observation').pluck().get()).toBe(0);
  });
});

describe('åtgärder', () => {
  it('får sex månader efter vandringen som standard, kräver skäl när de avslås och blir försenade', () => {
    const walk = repo.save(null, walkInput({ walkDay: '2026-03-10' }));
    const m = repo.saveMeasure(null, {
      kommunId: 0,
      walkId: walk.id,
      problem: '',
      what: 'Byt armaturer vid cykelstället',
      responsible: 'Teknik',
      status: 'planerad',
      declineReason: '',
      inPlan: false,
    });
    expect([m.kommunId, m.dueDay, m.overdue]).toEqual([klippan, '2026-09-10', true]);
    expect(repo.measures({ overdueOnly: true }).map((x) => x.id)).toEqual([m.id]);
    const err = appError(() => repo.saveMeasure(m.id, { ...m, status: 'avslagen', declineReason: ' ' }));
    expect(err.message).toBe('Skriv varför åtgärden avslogs.');
    expect(repo.measures({})[0]!.status).toBe('planerad');
    const declined = repo.saveMeasure(m.id, { ...m, status: 'avslagen', declineReason: 'Fastighetsägarens ansvar' });
    expect([declined.status, declined.declineReason, declined.overdue]).toEqual([
      'avslagen',
      'Fastighetsägarens ansvar',
      false,
    ]);
    expect(repo.measures({ overdueOnly: true })).toEqual([]);
    expect(repo.list([klippan])[0]).toMatchObject({ measures: 1, overdue: 0, observations: 0 });
  });

  it('i åtgärdsplanen pekar en åtgärd på problemet som en sparad vy; en vy som inte finns vägras', () => {
    const view = saveView(t.db, {
      name: 'Skadegörelse vid stationen',
      dashboard: 'forandring',
      settings: {
        filter: { kommunIds: [klippan], categories: ['skadegorelse'], fromDay: '2026-01-01', toDay: '2026-10-31' },
      },
    });
    const base = {
      kommunId: klippan,
      problem: 'Skadegörelse vid stationen',
      what: 'Kamerabevakning utreds',
      responsible: 'Säkerhetssamordnare',
      status: 'planerad' as const,
      declineReason: '',
      inPlan: true,
    };
    const m = repo.saveMeasure(null, { ...base, viewId: view.id, dueDay: '2026-12-31' });
    expect(repo.measures({ kommunIds: [klippan], inPlan: true })).toEqual([m]);
    expect(m).toMatchObject({ viewId: view.id, inPlan: true, dueDay: '2026-12-31', overdue: false });
    expect(appError(() => repo.saveMeasure(null, { ...base, viewId: 9999 })).code).toBe('not_found');
    expect(repo.measures({})).toHaveLength(1);
    // Deleting the view keeps the åtgärd, without the link.
    deleteView(t.db, view.id);
    expect(repo.measures({})[0]!.viewId).toBeNull();
  });

  it('lägger månader på rätt dag, också vid månadsslut och skottår', () => {
    expect(addMonths('2026-03-10', 6)).toBe('2026-09-10');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-10-15', 6)).toBe('2027-04-15');
  });
});

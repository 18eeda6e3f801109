/** Trygghetsvandringar: observations become incidents (rollups included), åtgärder with due dates and reasons. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { addMonths, WalkRepo } from '../../src/core/walks/repo';
import { deleteView, saveView } from '../../src/core/dashboards/views';
import { LofteRepo } from '../../src/core/lofte/repo';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { emptyContent } from '../../src/shared/lofte';
import { measureProblem } from '../../src/shared/walks';
import { rollupVsTable, tempDb, type TempDb } from '../helpers/db';
import { appError } from '../helpers/errors';

let t: TempDb;
let repo: WalkRepo;
let klippan: number;
let perstorp: number;
beforeEach(() => {
  t = tempDb();
  const kommuner = seedGeography(t.db);
  klippan = kommuner.get('1276')!;
  perstorp = kommuner.get('1275')!;
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

  it('en åtgärd från vandringens protokoll läggs i åtgärdsplanen med problem, vy och löfte, och pekar på vandringen', () => {
    const walk = repo.save(null, walkInput());
    const obs = repo.observe(walk.id, { placeName: 'Klippans station', subcategory: 'belysning', note: '' });
    const fromWalk = {
      kommunId: 0,
      walkId: walk.id,
      observationId: obs.id,
      problem: '',
      what: 'Byt armaturer vid cykelstället',
      responsible: 'Teknik och fritid',
      dueDay: '2027-01-31',
      status: 'planerad' as const,
      declineReason: '',
      inPlan: false,
    };
    const m = repo.saveMeasure(null, fromWalk);
    expect(repo.measures({ kommunIds: [klippan], inPlan: true })).toEqual([]);
    // In the overdue list and elsewhere it says what it answers and where it came from, even without a problem.
    expect(m).toMatchObject({ walkId: walk.id, walkTitle: walk.title, walkDay: '2026-03-10' });
    expect(measureProblem(m)).toBe('Klippans station: Belysning');
    // Into the plan only with what it answers: a problem, a saved view or a löfte.
    const refused = appError(() => repo.saveMeasure(m.id, { ...fromWalk, inPlan: true }));
    expect([refused.code, refused.details?.issues?.[0]?.field]).toEqual(['validation', 'problem']);
    expect(repo.measures({ inPlan: true })).toEqual([]);

    const view = saveView(t.db, {
      name: 'Otrygghet vid stationen',
      dashboard: 'forandring',
      settings: {
        filter: { kommunIds: [klippan], categories: ['otrygg_plats'], fromDay: '2026-01-01', toDay: '2026-10-31' },
      },
    });
    const lofte = new LofteRepo(t.db).create({
      kommunId: klippan,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      content: { ...emptyContent(), title: 'Tryggare stationsområde' },
    });
    repo.saveMeasure(m.id, {
      ...fromWalk,
      problem: 'Otrygg plats vid stationen',
      viewId: view.id,
      lofteId: lofte.id,
      inPlan: true,
    });
    const plan = repo.measures({ kommunIds: [klippan], inPlan: true });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      id: m.id,
      kommunId: klippan,
      inPlan: true,
      problem: 'Otrygg plats vid stationen',
      viewId: view.id,
      viewName: 'Otrygghet vid stationen',
      lofteId: lofte.id,
      lofteTitle: 'Tryggare stationsområde',
      walkId: walk.id,
      walkTitle: 'Kvällsvandring kring stationen',
      walkDay: '2026-03-10',
      observationLabel: 'Klippans station: Belysning',
    });
    // Its walk's protokoll shows the same åtgärd, now in the plan; editing its status keeps it there.
    expect(repo.details(walk.id).measures.map((x) => [x.id, x.inPlan])).toEqual([[m.id, true]]);
    repo.saveMeasure(m.id, { ...plan[0]!, status: 'pagar' });
    expect(repo.measures({ inPlan: true }).map((x) => [x.id, x.status])).toEqual([[m.id, 'pagar']]);
  });

  it('ett löfte för en annan kommun vägras', () => {
    const lofte = new LofteRepo(t.db).create({ kommunId: perstorp, periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    const walk = repo.save(null, walkInput());
    const err = appError(() =>
      repo.saveMeasure(null, {
        kommunId: 0,
        walkId: walk.id,
        lofteId: lofte.id,
        problem: '',
        what: 'Fler papperskorgar',
        responsible: 'Teknik',
        status: 'planerad',
        declineReason: '',
        inPlan: false,
      }),
    );
    expect([err.code, err.details?.issues?.[0]?.field]).toEqual(['validation', 'lofteId']);
    expect(repo.measures({})).toEqual([]);
  });

  it('en kommun, vandring eller iakttagelse som inte finns vägras på svenska, och ingenting skrivs', () => {
    const walk = repo.save(null, walkInput());
    const other = repo.save(null, walkInput({ title: 'Dagvandring i parken' }));
    const obs = repo.observe(other.id, { placeName: 'Parken', subcategory: 'belysning', note: '' });
    const base = {
      kommunId: klippan,
      problem: '',
      what: 'Fler papperskorgar',
      responsible: 'Teknik',
      status: 'planerad' as const,
      declineReason: '',
      inPlan: false,
    };
    const kept = repo.saveMeasure(null, base);
    const rows = () => t.db.prepare('SELECT * FROM measure ORDER BY id').all();
    const before = rows();
    const changes = () => t.db.prepare('SELECT total_changes()').pluck().get() as number;
    const written = changes();
    const refused = (input: Partial<typeof base> & { walkId?: number; observationId?: number }, id: number | null) => {
      const err = appError(() => repo.saveMeasure(id, { ...base, ...input }));
      return [err.code, err.message, err.details?.issues?.[0]?.field];
    };
    for (const id of [null, kept.id]) {
      expect(refused({ kommunId: 999_999 }, id)).toEqual([
        'validation',
        'Kommunen (id 999999) finns inte i databasen.',
        'kommunId',
      ]);
      // Without a walk the kommun is not taken from anywhere: 0 means none was chosen.
      expect(refused({ kommunId: 0 }, id)).toEqual(['validation', 'Välj kommun för åtgärden.', 'kommunId']);
      expect(refused({ walkId: 999_999 }, id)).toEqual([
        'not_found',
        'Trygghetsvandringen finns inte (id 999999).',
        undefined,
      ]);
      expect(refused({ observationId: 999_999 }, id)).toEqual([
        'not_found',
        'Iakttagelsen finns inte längre; välj en annan eller ingen.',
        'observationId',
      ]);
      expect(refused({ walkId: walk.id, observationId: obs.id }, id)).toEqual([
        'validation',
        'Iakttagelsen hör till en annan trygghetsvandring än åtgärden.',
        'observationId',
      ]);
    }
    expect(changes()).toBe(written);
    expect(rows()).toEqual(before);
    // The same observation from its own walk is accepted.
    expect(repo.saveMeasure(null, { ...base, kommunId: 0, walkId: other.id, observationId: obs.id })).toMatchObject({
      kommunId: klippan,
      observationId: obs.id,
    });
  });

  it('ett datum som redan passerat sparas, med en varning; ett senare eller oförändrat datum utan', () => {
    const base = {
      kommunId: klippan,
      problem: 'Nedskräpning i centrum',
      what: 'Tömning två gånger i veckan',
      responsible: 'Teknik',
      status: 'planerad' as const,
      declineReason: '',
      inPlan: true,
    };
    const past = repo.saveMeasure(null, { ...base, dueDay: '2026-11-01' });
    expect(past.warnings).toEqual(['Klart senast (2026-11-01) har redan passerat: åtgärden visas som försenad.']);
    expect(repo.measures({ overdueOnly: true }).map((m) => m.id)).toEqual([past.id]);
    // Changing only the status of an overdue åtgärd does not say it again; a new past date does.
    expect(repo.saveMeasure(past.id, { ...past, status: 'pagar' }).warnings).toBeUndefined();
    expect(repo.saveMeasure(past.id, { ...past, dueDay: '2026-10-01' }).warnings).toHaveLength(1);
    expect(repo.saveMeasure(past.id, { ...past, dueDay: '2026-12-31' }).warnings).toBeUndefined();
    // Done on time or declined: nothing to warn about.
    expect(repo.saveMeasure(null, { ...base, dueDay: '2026-11-01', status: 'klar' }).warnings).toBeUndefined();
    // Today is not past.
    expect(repo.saveMeasure(null, { ...base, dueDay: '2026-11-22' }).warnings).toBeUndefined();
  });

  it('använder den givna händelseförrådet när det finns (en ägare per databas)', () => {
    const created: number[] = [];
    class CountingIncidents extends IncidentRepo {
      override create(...args: Parameters<IncidentRepo['create']>) {
        const incident = super.create(...args);
        created.push(incident.id);
        return incident;
      }
    }
    const injected = new WalkRepo(t.db, () => new Date('2026-11-22T10:00:00Z'), new CountingIncidents(t.db));
    const walk = injected.save(null, walkInput());
    const obs = injected.observe(walk.id, { placeName: 'Storgatan', subcategory: 'klotter', note: '' });
    expect(created).toEqual([obs.incidentId]);
  });

  it('lägger månader på rätt dag, också vid månadsslut och skottår', () => {
    expect(addMonths('2026-03-10', 6)).toBe('2026-09-10');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-10-15', 6)).toBe('2027-04-15');
  });
});

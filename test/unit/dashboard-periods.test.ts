/**
 * One period rule for every comparison, on the demo database: EST-lägesbild's default compares a complete
 * tertial and agrees with the Översikt; latest data ignores a lone late entry; a silent source is named; a
 * saved EST view, cited by a löfte or reopened, shows exactly what its screen showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { seedDemo, seedGeography } from '../../src/core/demo/seed';
import { estLagesbild } from '../../src/core/dashboards/est';
import { overview } from '../../src/core/dashboards/overview';
import { compareCycles, comparePeriods, latestDataDay, sourceGaps } from '../../src/core/dashboards/periods';
import { changeTable } from '../../src/core/dashboards/queries';
import { saveView } from '../../src/core/dashboards/views';
import { effectChecks } from '../../src/core/lofte/effect';
import { LofteRepo } from '../../src/core/lofte/repo';
import { WalkRepo } from '../../src/core/walks/repo';
import { EST_CYCLES, viewFigureFilter } from '../../src/shared/dashboards';
import { addDays } from '../../src/shared/calendar';
import { emptyContent } from '../../src/shared/lofte';
import { localToUtc } from '../../src/shared/time';
import { newIncident, tempDb, type TempDb } from '../helpers/db';

const NOW = new Date('2026-11-28T10:00:00Z');
const TODAY = '2026-11-28';

describe('periodregeln', () => {
  it('en hel period jämförs hel; en pågående med lika många dagar från början av den andra', () => {
    expect(comparePeriods({ fromDay: '2026-05-01', toDay: '2026-08-31' }, 'previous', '2026-10-31')).toEqual({
      current: { fromDay: '2026-05-01', toDay: '2026-08-31' },
      previous: { fromDay: '2026-01-01', toDay: '2026-04-30' },
      asOfDay: '2026-10-31',
      rule: 'whole',
      asked: null,
    });
    // September–December with data to 31 October: 61 days against 1 May – 30 June, not May–August.
    expect(comparePeriods({ fromDay: '2026-09-01', toDay: '2026-12-31' }, 'previous', '2026-10-31')).toMatchObject({
      current: { fromDay: '2026-09-01', toDay: '2026-10-31' },
      previous: { fromDay: '2026-05-01', toDay: '2026-06-30' },
      rule: 'first_days',
      asked: { fromDay: '2026-09-01', toDay: '2026-12-31' },
    });
    expect(comparePeriods({ fromDay: '2026-09-01', toDay: '2026-12-31' }, 'lastYear', '2026-10-31')).toMatchObject({
      current: { fromDay: '2026-09-01', toDay: '2026-10-31' },
      previous: { fromDay: '2025-09-01', toDay: '2025-10-31' },
    });
    expect(comparePeriods({ fromDay: '2026-11-01', toDay: '2026-11-30' }, 'previous', '2026-10-31').rule).toBe(
      'no_data',
    );
  });

  it('en cykel som pågår ersätts av den senaste hela; ingen cykel går förbi senaste data', () => {
    expect(compareCycles('tertial', '2026-10-31', '2026-10-31')).toMatchObject({
      current: { fromDay: '2026-05-01', toDay: '2026-08-31' },
      previous: { fromDay: '2026-01-01', toDay: '2026-04-30' },
      rule: 'earlier_cycle',
      asked: { fromDay: '2026-09-01', toDay: '2026-12-31' },
    });
    expect(compareCycles('manad', '2026-12-15', '2026-10-31')).toMatchObject({
      current: { fromDay: '2026-10-01', toDay: '2026-10-31' },
      previous: { fromDay: '2026-09-01', toDay: '2026-09-30' },
    });
    expect(compareCycles('vecka', '2026-11-25', '2026-10-31').current).toEqual({
      fromDay: '2026-10-25',
      toDay: '2026-10-31',
    });
    for (const cycle of EST_CYCLES) {
      for (let day = '2025-12-20'; day <= '2026-03-10'; day = addDays(day, 3)) {
        const c = compareCycles(cycle, day, '2026-02-14');
        expect(c.current.toDay <= '2026-02-14').toBe(true);
        expect(c.previous.toDay).toBe(addDays(c.current.fromDay, -1));
      }
    }
  });
});

describe('på exempeldatabasen', () => {
  let t: TempDb;
  let klippan: number;
  beforeAll(async () => {
    t = tempDb();
    await seedDemo(t.db, { rows: 75_000 });
    klippan = t.db.prepare("SELECT id FROM kommun WHERE name = 'Klippan'").pluck().get() as number;
  }, 120_000);
  afterAll(() => t.cleanup());

  it('EST-lägesbildens standardval (tertial, Till = senaste data) jämför en hel tertial, som Översikten', () => {
    const asOf = latestDataDay(t.db, TODAY)!;
    expect(asOf).toBe('2026-10-31');
    const l = estLagesbild(t.db, { kommunId: klippan, cycle: 'tertial', day: asOf, kommunName: 'Klippan' }, NOW);
    expect([l.fromDay, l.toDay, l.previous]).toEqual([
      '2026-05-01',
      '2026-08-31',
      { fromDay: '2026-01-01', toDay: '2026-04-30' },
    ]);
    expect(l.comparison).toMatchObject({ asOfDay: '2026-10-31', rule: 'earlier_cycle' });
    expect(l.summary).toContain('Lägesbild för Klippan, 2026-05-01 – 2026-08-31 jämfört med 2026-01-01 – 2026-04-30:');
    expect(l.summary).toContain('Tertialen 2026-09-01 – 2026-12-31 är inte slut i datan (senaste data 2026-10-31)');
    // Not every category "säkerställd minskning": a running tertial against a whole one did that.
    expect(l.changes.every((c) => c.verdict === 'minskning')).toBe(false);
  });

  it('Översikten och EST-lägesbilden visar samma perioder och siffror för samma kommun och cykel', () => {
    const asOf = latestDataDay(t.db, TODAY)!;
    for (const cycle of EST_CYCLES) {
      const o = overview(t.db, { cycle, kommunIds: [klippan] }, NOW);
      const l = estLagesbild(t.db, { kommunId: klippan, cycle, day: asOf, kommunName: 'Klippan' }, NOW);
      expect(o.period).toEqual({ fromDay: l.fromDay, toDay: l.toDay, previous: l.previous });
      expect(o.comparison).toEqual(l.comparison);
      const est = new Map(l.changes.map((c) => [c.category, c]));
      for (const c of o.changes) {
        expect(est.get(c.category)).toMatchObject({ current: c.current, previous: c.previous, verdict: c.verdict });
      }
      expect(o.changes.length).toBe(
        l.changes.filter((c) => c.verdict === 'okning' || c.verdict === 'minskning').length,
      );
    }
  });

  it('Förändring går aldrig förbi senaste data', () => {
    const r = changeTable(t.db, { kommunIds: [klippan], fromDay: '2026-09-01', toDay: '2026-12-31' }, 'previous', {
      clock: NOW,
    });
    expect(r.current).toEqual({ fromDay: '2026-09-01', toDay: '2026-10-31' });
    expect(r.previous).toEqual({ fromDay: '2026-05-01', toDay: '2026-06-30' });
    expect(r.comparison.rule).toBe('first_days');
  });

  it('en sparad EST-vy visar som underlag och öppnad igen exakt period och antal som skärmen', () => {
    const asOf = latestDataDay(t.db, TODAY)!;
    const l = estLagesbild(t.db, { kommunId: klippan, cycle: 'tertial', day: asOf, kommunName: 'Klippan' }, NOW);
    const lpo = t.db.prepare('SELECT lpo_id FROM kommun WHERE id = ?').pluck().get(klippan) as number;
    const view = saveView(t.db, {
      name: 'Klippan tertial',
      dashboard: 'est',
      settings: {
        filter: { lpoIds: [lpo], kommunIds: [klippan], fromDay: '2025-11-01', toDay: asOf },
        est: { kommunId: klippan, cycle: 'tertial', day: asOf },
        periods: { current: l.comparison.current, previous: l.comparison.previous },
      },
    });
    const filter = viewFigureFilter(view);
    expect(filter).toEqual({ kommunIds: [klippan], fromDay: '2026-05-01', toDay: '2026-08-31' });
    expect(new IncidentRepo(t.db).count(filter)).toBe(l.total.current);

    // A löfte citing the view judges the view's rows (the EST kommun, every category) over the löfte's period.
    const lofte = new LofteRepo(t.db).create({
      kommunId: klippan,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      content: { ...emptyContent(), evidence: [{ kind: 'view', viewId: view.id }] },
    });
    const [effect] = effectChecks(t.db, lofte, TODAY);
    const repo = new IncidentRepo(t.db);
    expect(effect!.after).toEqual({
      label: '2026-01-01 – 2026-10-31',
      value: repo.count({ kommunIds: [klippan], fromDay: '2026-01-01', toDay: '2026-10-31' }),
    });
    expect(effect!.before).toEqual({
      label: '2025-01-01 – 2025-10-31',
      value: repo.count({ kommunIds: [klippan], fromDay: '2025-01-01', toDay: '2025-10-31' }),
    });

    // Reopened later, after more data arrived, the view shows the saved periods, not a new cycle.
    const pinned = { current: view.settings.periods!.current, previous: view.settings.periods!.previous! };
    const again = estLagesbild(
      t.db,
      { kommunId: klippan, cycle: 'tertial', day: asOf, kommunName: 'Klippan', pinned },
      new Date('2027-03-01T10:00:00Z'),
    );
    expect([again.fromDay, again.toDay, again.previous, again.total]).toEqual([
      l.fromDay,
      l.toDay,
      l.previous,
      l.total,
    ]);
  });

  it('en EST-vy sparad utan perioder (ett skript) får dem när den sparas, efter samma regel som skärmen', () => {
    const view = saveView(
      t.db,
      {
        name: 'Klippan tertial, utan perioder',
        dashboard: 'est',
        settings: {
          filter: { kommunIds: [klippan], fromDay: '2025-11-01', toDay: '2026-10-31' },
          est: { kommunId: klippan, cycle: 'tertial', day: '2026-10-31' },
        },
      },
      NOW,
    );
    expect(view.settings.periods).toEqual({
      current: { fromDay: '2026-05-01', toDay: '2026-08-31' },
      previous: { fromDay: '2026-01-01', toDay: '2026-04-30' },
    });
  });

  it('en iakttagelse från en vandring efter sista importen flyttar inte senaste data', () => {
    const walks = new WalkRepo(t.db, () => NOW);
    const walk = walks.save(null, {
      kommunId: klippan,
      title: 'Kvällsvandring',
      walkDay: '2026-11-25',
      afterDark: true,
      route: '',
      places: ['Stationen'],
      invited: [],
    });
    walks.observe(walk.id, { placeName: 'Stationen', subcategory: 'belysning', note: 'Trasig lampa.' });
    expect(t.db.prepare('SELECT max(day) FROM incident_rollup_day WHERE n > 0').pluck().get()).toBe('2026-11-25');
    expect(latestDataDay(t.db, TODAY)).toBe('2026-10-31');
    const o = overview(t.db, { cycle: 'vecka', kommunIds: [klippan] }, NOW);
    expect(o.asOfDay).toBe('2026-10-31');
    expect(o.period).toMatchObject({ fromDay: '2026-10-25', toDay: '2026-10-31' });
    expect(o.judged).toBeGreaterThan(0);
  });
});

describe('en källa som brukar rapportera men saknar dagar', () => {
  let t: TempDb;
  let perstorp: number;
  beforeAll(() => {
    t = tempDb();
    perstorp = seedGeography(t.db).get('1275')!;
    const repo = new IncidentRepo(t.db);
    // EST every day of 2026 to 31 August except 10–20 June; Tips every day (it never falls silent).
    for (let d = '2025-12-01'; d <= '2026-08-31'; d = addDays(d, 1)) {
      const at = localToUtc(`${d} 12:00`)!;
      repo.create(newIncident(perstorp, { source: 'tips', occurredAt: at, reportedAt: at }));
      if (d >= '2026-06-10' && d <= '2026-06-20') continue;
      repo.create(newIncident(perstorp, { source: 'est', occurredAt: at, reportedAt: at }));
    }
  });
  afterAll(() => t.cleanup());

  it('EST-lägesbilden och Översikten säger vilken källa som saknar vilka dagar', () => {
    const l = estLagesbild(
      t.db,
      { kommunId: perstorp, cycle: 'tertial', day: '2026-08-31', kommunName: 'Perstorp' },
      NOW,
    );
    expect(l.comparison.gaps).toEqual([
      { source: 'est', period: 'current', fromDay: '2026-06-10', toDay: '2026-06-20' },
    ]);
    expect(l.summary).toContain('EST-rapport saknar data 2026-06-10 – 2026-06-20 (perioden nu)');
    expect(overview(t.db, { cycle: 'tertial' }, NOW).comparison!.gaps).toEqual(l.comparison.gaps);
    // A silence shorter than a week is a quiet spell, not a missing delivery.
    expect(
      sourceGaps(
        t.db,
        { kommunIds: [perstorp] },
        { fromDay: '2026-06-16', toDay: '2026-06-30' },
        { fromDay: '2026-05-30', toDay: '2026-06-15' },
      ),
    ).toEqual([]);
  });
});

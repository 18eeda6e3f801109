/**
 * The second visit: view the register, write through another path (a walk observation, an import and its
 * undo, first-start seeding), view again. Every count and page equals the table. Each case here showed a
 * stale register before the database had one owner (issue 11).
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import type { IncidentFilter } from '../../src/shared/domain';
import { directIds, IMPORT_WORKER, testWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function registerSays(w: TestWorkspace, filter: IncidentFilter): Promise<{ total: number; ids: number[] }> {
  const page = await w.call('incidents.page', { filter, startRow: 0, endRow: 100 });
  return { total: page.total, ids: page.rows.map((r) => r.id) };
}

async function expectRegisterEqualsTable(w: TestWorkspace, filter: IncidentFilter): Promise<number> {
  const direct = directIds(w, filter);
  expect(await registerSays(w, filter)).toEqual({ total: direct.length, ids: direct.slice(0, 100) });
  return direct.length;
}

const CSV =
  'Ärendenummer;Händelsedatum;Tid;Kommun;Plats;Kategori;Underkategori;Beskrivning\r\n' +
  'T-1;2025-06-07;21:30;Klippan;Storgatan;Klotter;;Klotter på fasaden\r\n' +
  'T-2;2025-06-08;10:00;Klippan;Storgatan;Klotter;;Klotter på skylten\r\n';

function emptyWorkspace(options: Parameters<typeof testWorkspace>[0] = {}): TestWorkspace {
  const w = testWorkspace(options);
  w.ws.create(w.tmp.file('tom.sqlite'));
  w.ws.db().write(['reference'], ({ db }) => seedGeography(db));
  return w;
}

describe('registret efter en skrivning genom en annan väg', () => {
  it('en iakttagelse på en vandring syns i samma filter som visades före', async () => {
    t = testWorkspace({ demoRows: 2000 });
    t.ws.openDemo();
    await t.ws.ready();
    const klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    const day = '2026-06-10';
    const filter = { kommunIds: [klippan], fromDay: day, toDay: day };
    const before = await expectRegisterEqualsTable(t, filter);

    const walk = await t.call('walks.save', { kommunId: klippan, title: 'Kvällsvandring', walkDay: day });
    await t.call('walks.observe', { walkId: walk.id, placeName: 'Klippans station', subcategory: 'belysning' });
    expect(await expectRegisterEqualsTable(t, filter)).toBe(before + 1);
    expect(await expectRegisterEqualsTable(t, {})).toBe(t.one('SELECT count(*) FROM incident'));
  });

  for (const worker of [false, true]) {
    it(`en import och dess ångra syns i registret (${worker ? 'i importtråden' : 'i samma tråd'})`, async () => {
      t = emptyWorkspace(worker ? { importWorker: IMPORT_WORKER } : {});
      const file = t.tmp.file('est.csv');
      fs.writeFileSync(file, CSV);
      expect(await expectRegisterEqualsTable(t, {})).toBe(0);
      const report = await t.call('imports.commit', { path: file, format: 'incidents' });
      expect(report.added).toBe(2);
      expect(await expectRegisterEqualsTable(t, {})).toBe(2);
      const log = await t.call('imports.log', {});
      await t.call('imports.undo', { id: log[0]!.id });
      expect(await expectRegisterEqualsTable(t, {})).toBe(0);
      expect((await t.call('app.info', {})).incidentCount).toBe(0);
    });
  }

  it('registret som öppnades medan exempeldata skapades visar allt när det är klart', async () => {
    t = testWorkspace({ demoRows: 3000 });
    t.ws.openDemo();
    // The window asks while the first start is still seeding.
    await registerSays(t, {});
    await t.ws.ready();
    expect(await expectRegisterEqualsTable(t, {})).toBe(3000);
  });

  it('varje skrivning meddelar vad som ändrats, med en version som bara växer', async () => {
    t = emptyWorkspace();
    const events: { kinds: string[]; version: number }[] = [];
    t.ws.events.subscribe((e) => {
      if (e.type === 'data.changed') events.push({ kinds: e.kinds, version: e.version });
    });
    const klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    const walk = await t.call('walks.save', { kommunId: klippan, title: 'Vandring', walkDay: '2025-06-01' });
    await t.call('walks.observe', { walkId: walk.id, placeName: 'Torget', subcategory: 'belysning' });
    await t.call('views.save', {
      name: 'Klippan',
      dashboard: 'jamfor',
      settings: { filter: { kommunIds: [klippan], fromDay: '2025-01-01', toDay: '2025-12-31' } },
    });
    expect(events.map((e) => e.kinds)).toEqual([['walks'], ['walks', 'incidents'], ['views']]);
    const versions = events.map((e) => e.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('ångra en borttagning', () => {
  it('fungerar även när en ny händelse skapats efter att den senaste togs bort', async () => {
    t = emptyWorkspace();
    const klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    const input = {
      source: 'est' as const,
      category: 'skadegorelse',
      subcategory: 'klotter',
      occurredAt: '2025-06-07T19:30:00Z',
      reportedAt: '2025-06-07T20:00:00Z',
      kommunId: klippan,
      placeName: 'Torget',
      description: 'Klotter',
      status: 'ny' as const,
    };
    const first = await t.call('incidents.create', { input });
    await t.call('incidents.delete', { id: first.id });
    const second = await t.call('incidents.create', { input: { ...input, description: 'Ny' } });
    expect(second.id).not.toBe(first.id);
    expect((await t.call('incidents.restore', { id: first.id })).description).toBe('Klotter');
    expect(await expectRegisterEqualsTable(t, {})).toBe(2);
  });
});

describe('en sparad vy', () => {
  it('visar samma perioder när den öppnas igen, också efter nya data som flyttar senaste data', async () => {
    t = testWorkspace({ demoRows: 3000 });
    t.ws.openDemo();
    await t.ws.ready();
    const klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    // The year 2026 while the data end on 31 October: its first ten months against the same months of 2025.
    const filter = { kommunIds: [klippan], fromDay: '2026-01-01', toDay: '2026-12-31' };
    const shown = await t.call('dashboards.change', { filter });
    expect(shown.comparison.current).toEqual({ fromDay: '2026-01-01', toDay: '2026-10-31' });
    const view = await t.call('views.save', { name: 'Klippan i år', dashboard: 'forandring', settings: { filter } });
    const periods = view.settings.periods!;
    expect(periods.current).toEqual(shown.comparison.current);
    expect(periods.previous).toEqual(shown.comparison.previous);

    // Most of November arrives: the same selection now reaches further, the saved view does not move.
    for (let d = 1; d <= 27; d++) {
      const at = `2026-11-${String(d).padStart(2, '0')}T12:00:00Z`;
      await t.call('incidents.create', {
        input: {
          source: 'polisens_handelse',
          category: 'skadegorelse',
          subcategory: 'klotter',
          occurredAt: at,
          reportedAt: at,
          kommunId: klippan,
          placeName: '',
          description: 'Ny händelse',
          status: 'ny',
        },
      });
    }
    const now = await t.call('dashboards.change', { filter });
    expect(now.comparison.current.toDay > '2026-10-31').toBe(true);
    const reopened = await t.call('dashboards.change', {
      filter,
      pinned: { current: periods.current, previous: periods.previous! },
    });
    expect(reopened.comparison.current).toEqual(shown.comparison.current);
    expect(reopened.comparison.previous).toEqual(shown.comparison.previous);
    const total = (r: typeof shown) => r.rows.reduce((n, row) => n + row.current, 0);
    expect(total(reopened)).toBe(total(shown));
  });
});

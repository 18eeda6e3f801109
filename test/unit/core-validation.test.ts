import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { createHandlers, type Handlers } from '../../src/core/api/handlers';
import { Workspace } from '../../src/core/app/workspace';
import { seedGeography } from '../../src/core/demo/seed';
import type { CompareResult, SavedView } from '../../src/shared/dashboards';
import type { Incident } from '../../src/shared/domain';
import { incidentInputSchema, pageInputSchema } from '../../src/shared/schemas';
import { toIsoUtc } from '../../src/shared/time';
import { tempDir, type TempDir } from '../helpers/db';

const valid = {
  source: 'est',
  category: 'skadegorelse',
  subcategory: 'klotter',
  occurredAt: '2025-03-31T21:30:00Z',
  reportedAt: '2025-04-01T07:00:00Z',
  kommunId: 1,
  placeName: '  Klippans station ',
  description: ' Klotter på busskuren. ',
  status: 'ny',
};

/** The issues of a failed parse as [path, message] pairs. */
function issues(input: unknown): [string, string][] {
  const r = incidentInputSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('incidentInputSchema', () => {
  it('godtar en giltig händelse, trimmar text och fyller i standardvärden', () => {
    const r = incidentInputSchema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      ...valid,
      placeName: 'Klippans station',
      description: 'Klotter på busskuren.',
      lat: null,
      lon: null,
      precision: null,
      reporterOrg: '',
    });
  });

  it('kräver en beskrivning', () => {
    const { description: _d, ...missing } = valid;
    expect(issues(missing)).toEqual([['description', 'Beskriv händelsen.']]);
    expect(issues({ ...valid, description: '   ' })).toEqual([['description', 'Beskriv händelsen.']]);
    expect(issues({ ...valid, description: 'x'.repeat(4001) })).toEqual([
      ['description', 'Beskrivningen får vara högst 4 000 tecken.'],
    ]);
  });

  it('kräver att underkategorin hör till kategorin', () => {
    expect(issues({ ...valid, subcategory: 'brak' })).toEqual([
      ['subcategory', 'Underkategorin hör inte till vald kategori.'],
    ]);
    expect(issues({ ...valid, category: 'finnsinte' })).toEqual([
      ['category', 'Välj en kategori.'],
      ['subcategory', 'Underkategorin hör inte till vald kategori.'],
    ]);
  });

  it('vägrar rapporteringstid före händelsen', () => {
    expect(issues({ ...valid, reportedAt: '2025-03-31T21:29:59Z' })).toEqual([
      ['reportedAt', 'Rapporteringstiden kan inte vara före händelsen.'],
    ]);
    expect(incidentInputSchema.safeParse({ ...valid, reportedAt: valid.occurredAt }).success).toBe(true);
  });

  it('vägrar en tidpunkt i framtiden men tål några minuters klockfel', () => {
    const hourAhead = toIsoUtc(Date.now() + 3600_000);
    expect(issues({ ...valid, occurredAt: hourAhead, reportedAt: hourAhead })).toEqual([
      ['occurredAt', 'Tidpunkten ligger i framtiden.'],
    ]);
    const minuteAhead = toIsoUtc(Date.now() + 60_000);
    expect(incidentInputSchema.safeParse({ ...valid, occurredAt: minuteAhead, reportedAt: minuteAhead }).success).toBe(
      true,
    );
    expect(issues({ ...valid, occurredAt: '2025-03-31 21:30' })).toEqual([
      ['occurredAt', 'Tidpunkt för händelsen måste vara en giltig tidpunkt.'],
    ]);
  });

  it('kräver både latitud och longitud, och precision när de finns', () => {
    const both = 'Ange både latitud och longitud, eller ingen av dem.';
    expect(issues({ ...valid, lat: 56.13, precision: 'exact' })).toEqual([['lon', both]]);
    expect(issues({ ...valid, lon: 13.13, precision: 'exact' })).toEqual([['lat', both]]);
    expect(issues({ ...valid, lat: 56.13, lon: 13.13 })).toEqual([['precision', 'Ange hur exakt positionen är.']]);
    expect(issues({ ...valid, lat: 40, lon: 13.13, precision: 'exact' })).toEqual([
      ['lat', 'Latitud måste ligga i Sverige (55–70).'],
    ]);
    expect(incidentInputSchema.safeParse({ ...valid, lat: 56.13, lon: 13.13, precision: 'place' }).success).toBe(true);
  });
});

describe('pageInputSchema', () => {
  it('tillåter 1–1 000 rader per sida', () => {
    expect(pageInputSchema.safeParse({ startRow: 0, endRow: 1000 }).success).toBe(true);
    expect(pageInputSchema.parse({ startRow: 5, endRow: 6 })).toEqual({
      filter: {},
      sort: { column: 'occurredAt', direction: 'desc' },
      startRow: 5,
      endRow: 6,
    });
    for (const [startRow, endRow] of [
      [0, 1001],
      [100, 1101],
      [10, 10],
      [10, 9],
    ]) {
      const r = pageInputSchema.safeParse({ startRow, endRow });
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['endRow', 'En sida får ha 1–1 000 rader.'],
      ]);
    }
  });
});

describe('dispatch', () => {
  let tmp: TempDir;
  let ws: Workspace;
  let handlers: Handlers;
  let kommunId: number;
  const count = () =>
    ws
      .db()
      .read((r) => r.db)
      .prepare('SELECT count(*) FROM incident')
      .pluck()
      .get() as number;

  beforeAll(() => {
    tmp = tempDir();
    ws = new Workspace({
      dataDir: tmp.file('data'),
      platform: { choosePath: async () => null, exportTarget: async () => null },
    });
    ws.create(tmp.file('register.sqlite'));
    kommunId = seedGeography(ws.db().read((r) => r.db)).get('1276')!;
    handlers = createHandlers(ws);
  });
  afterAll(async () => {
    await ws.close();
    tmp.cleanup();
  });

  it('instrumentpanelerna: perioden krävs och kontrolleras, på svenska', async () => {
    const ok = await dispatch(handlers, 'dashboards.compare', {
      filter: { fromDay: '2025-01-01', toDay: '2025-12-31', kommunIds: [kommunId] },
    });
    const rows = ok.ok ? (ok.value as CompareResult).rows : [];
    expect(rows.map((r) => [r.kommunId, r.total, r.populationYear])).toEqual([[kommunId, 0, 2024]]);
    const backwards = await dispatch(handlers, 'dashboards.change', {
      filter: { fromDay: '2025-02-01', toDay: '2025-01-01' },
    });
    expect(!backwards.ok && backwards.error.message).toMatch(/Till-datum måste vara samma som eller efter från-datum/);
    const noPeriod = await dispatch(handlers, 'dashboards.trend', { filter: {}, by: 'month' });
    expect(!noPeriod.ok && noPeriod.error.code).toBe('validation');
    const badBy = await dispatch(handlers, 'dashboards.trend', {
      filter: { fromDay: '2025-01-01', toDay: '2025-01-31' },
      by: 'dag',
    });
    expect(!badBy.ok && badBy.error.message).toMatch(/Välj månad eller vecka/);
  });

  it('sparade vyer: sparas, listas i namnordning, samma namn vägras (oavsett skiftläge), tas bort', async () => {
    const settings = { filter: { fromDay: '2025-01-01', toDay: '2025-12-31', lpoIds: [1] }, compareWith: 'lastYear' };
    const a = await dispatch(handlers, 'views.save', {
      name: '  Klotter   Klippan ',
      dashboard: 'forandring',
      settings,
    });
    const b = await dispatch(handlers, 'views.save', { name: 'Alla brott 2025', dashboard: 'jamfor', settings });
    expect(a.ok && b.ok).toBe(true);
    const saved = a.ok ? (a.value as SavedView) : null;
    expect(saved).toMatchObject({ name: 'Klotter Klippan', dashboard: 'forandring', settings });
    const dup = await dispatch(handlers, 'views.save', { name: 'klotter klippan', dashboard: 'trend', settings });
    expect(!dup.ok && [dup.error.code, dup.error.message]).toEqual([
      'conflict',
      'Det finns redan en vy som heter "klotter klippan". Välj ett annat namn.',
    ]);
    const empty = await dispatch(handlers, 'views.save', { name: '   ', dashboard: 'trend', settings });
    expect(!empty.ok && empty.error.message).toMatch(/Ge vyn ett namn/);
    const list = await dispatch(handlers, 'views.list', {});
    expect(list.ok && (list.value as SavedView[]).map((v) => v.name)).toEqual(['Alla brott 2025', 'Klotter Klippan']);
    await dispatch(handlers, 'views.delete', { id: saved!.id });
    const gone = await dispatch(handlers, 'views.delete', { id: saved!.id });
    expect(!gone.ok && gone.error.code).toBe('not_found');
    const after = await dispatch(handlers, 'views.list', {});
    expect(after.ok && (after.value as SavedView[]).map((v) => v.name)).toEqual(['Alla brott 2025']);
  });

  it('ger validation som namnger fältet som formuläret (inte input.description) och sparar ingenting', async () => {
    const created = await dispatch(handlers, 'incidents.create', { input: { ...valid, kommunId } });
    expect(created.ok).toBe(true);
    const before = count();
    expect(before).toBe(1);
    const { description: _d, ...bad } = valid;
    const r = await dispatch(handlers, 'incidents.create', { input: { ...bad, kommunId } });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'Uppgifterna kunde inte sparas. Beskriv händelsen.',
        details: { issues: [{ field: 'input.description', message: 'Beskriv händelsen.' }] },
      },
    });
    expect(count()).toBe(before);
    expect(
      ws
        .db()
        .read((r) => r.incidents)
        .count({}),
    ).toBe(before);
  });

  it('visar aldrig interna fältvägar; i listor står positionen i ord', async () => {
    const r = await dispatch(handlers, 'walks.save', {
      kommunId,
      title: 'Vandring',
      walkDay: '2025-06-01',
      places: ['Torget', 'x'.repeat(201)],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    const message = (r as { error: { message: string } }).error.message;
    expect(message).toBe('Uppgifterna kunde inte sparas. Plats 2: Platser: högst 200 tecken per namn.');
    expect(message).not.toMatch(/places|\.0|\.1/);
    const missing = await dispatch(handlers, 'views.save', { name: 'Vy' });
    expect((missing as { error: { message: string } }).error.message).not.toMatch(/Invalid|expected|received/);
  });

  it('ger felkoder som värden: okänd kommun, konflikt, not_found och okänd operation', async () => {
    const bad = await dispatch(handlers, 'incidents.create', { input: { ...valid, kommunId: 9999 } });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'kommunId' }] } },
    });
    const made = await dispatch(handlers, 'incidents.create', { input: { ...valid, kommunId } });
    const incident = (made as { ok: true; value: Incident }).value;
    const stale = await dispatch(handlers, 'incidents.update', {
      id: incident.id,
      expectedUpdatedAt: '2000-01-01T00:00:00Z',
      input: { ...valid, kommunId },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch(handlers, 'incidents.restore', { id: 4242 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(handlers, 'incidents.dropAll', {})).toEqual({
      ok: false,
      error: { code: 'unsupported', message: 'Okänd operation: incidents.dropAll' },
    });
    expect(await dispatch(handlers, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const page = await dispatch(handlers, 'incidents.page', { startRow: 0, endRow: 1001 });
    expect(page).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        details: { issues: [{ field: 'endRow', message: 'En sida får ha 1–1 000 rader.' }] },
      },
    });
  });
});

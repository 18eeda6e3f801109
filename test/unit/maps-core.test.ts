/**
 * Maps against the register: every count a map shows (per kommun, per kind of location, per place, per
 * hotspot cell) equals the register's count for the filter a click opens; kommun-precision incidents are
 * never points; the choropleth's classes and legend; the boundaries as built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { geoArea, geoContains } from 'd3-geo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentFilter } from '../../src/shared/domain';
import { kommunFeatures } from '../../src/shared/maps/boundaries';
import { choroplethSpec, classOf, rateClasses, RATE_PALETTE } from '../../src/shared/maps/choropleth';
import { mapFrame } from '../../src/shared/maps/frame';
import { kommunOnlyNote, placeSpec } from '../../src/shared/maps/places';
import { hotspotSpec } from '../../src/shared/maps/hotspot-spec';
import { buildTopology } from '../../scripts/topology';
import { demoWorkspace } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';

const root = path.resolve(__dirname, '../..');
const YEAR = { fromDay: '2025-11-01', toDay: '2026-10-31' };
let t: TestWorkspace;
let klippanLpo: number;

const registerCount = async (filter: IncidentFilter) =>
  (await t.call('incidents.page', { filter, startRow: 0, endRow: 1 })).total;

beforeAll(async () => {
  t = await demoWorkspace(8000);
  klippanLpo = t.one<number>("SELECT id FROM lpo WHERE name = 'Klippan'");
}, 120_000);
afterAll(() => t.close());

describe('boundaries', () => {
  it('the committed TopoJSON is a fresh build of the fixture: 290 kommuner, all SCB codes of our area', () => {
    const source = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sverige-kommuner.geojson'), 'utf8'));
    const committed = fs.readFileSync(path.join(root, 'resources/kommuner.topo.json'), 'utf8');
    expect(committed).toBe(JSON.stringify(buildTopology(source)));
    const features = kommunFeatures();
    expect(features).toHaveLength(290);
    const csv = fs.readFileSync(path.join(root, 'test/fixtures/kommuner.csv'), 'utf8').trim().split('\n').slice(1);
    for (const line of csv) {
      const [, name, code] = line.split(',');
      const f = features.find((x) => x.id === code);
      expect(f?.properties.name, code).toBe(name);
      // Wound as d3 expects: a kommun covers a tiny part of the sphere, not all of it but the kommun.
      expect(geoArea(f!)).toBeLessThan(1e-3);
    }
  });

  it('a demo place lies inside its kommun and is drawn inside the frame fitted to the LPO', () => {
    const klippan = kommunFeatures().find((f) => f.id === '1276')!;
    expect(geoContains(klippan, [13.137, 56.132])).toBe(true); // Klippans station
    expect(geoContains(klippan, [13.11, 55.79])).toBe(false); // Kävlinge
    const frame = mapFrame(['1260', '1276', '1275', '1214', '1277'], { width: 640, height: 520 });
    expect(frame.areas.filter((a) => a.focus)).toHaveLength(5);
    expect(frame.areas.some((a) => !a.focus && a.name === 'Helsingborg')).toBe(true);
    const at = frame.project(56.132, 13.137)!;
    expect(at[0]).toBeGreaterThan(0);
    expect(at[0]).toBeLessThan(640);
    expect(frame.project(59.33, 18.07)).toBeNull(); // Stockholm is outside the frame
  });
});

describe('choropleth', () => {
  it('classes by quantile, named by the rates in them, in the palette; a kommun without population is said', () => {
    const classes = rateClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(classes.map((c) => c.color)).toEqual([...RATE_PALETTE]);
    expect(classOf(4, classes)?.color).toBe(RATE_PALETTE[1]);
    expect(rateClasses([3, 3, 7]).map((c) => [c.min, c.max])).toEqual([
      [3, 3],
      [7, 7],
    ]);
    const spec = choroplethSpec(
      [
        {
          kommunId: 1,
          code: '1276',
          name: 'Klippan',
          total: 120,
          population: 17714,
          populationYear: 2024,
          per1000: 6.8,
        },
        { kommunId: 2, code: '1260', name: 'Bjuv', total: 90, population: 15985, populationYear: 2024, per1000: 5.6 },
        {
          kommunId: 3,
          code: '1275',
          name: 'Perstorp',
          total: 10,
          population: null,
          populationYear: null,
          per1000: null,
        },
      ],
      'Test',
    );
    expect(spec.legendTitle).toContain('Folkmängd 2024');
    expect(spec.legend.map((l) => l.label)).toEqual(['5,6', '6,8', 'Folkmängd saknas', 'Utanför urvalet']);
    const klippan = spec.areas.find((a) => a.code === '1276')!;
    expect(klippan.label!.replace(/\s/g, ' ')).toBe('Klippan: 120 händelser, 17 714 invånare, 6,8 per 1 000 invånare');
    expect(klippan.fill).toBe(spec.legend[1]!.color);
    expect(spec.areas.find((a) => a.code === '1283')?.focus).toBe(false); // Helsingborg: context
    expect(spec.attribution).toBe('Kommungränser: Valmyndigheten (förenklade)');
  });

  it('per kommun, the map’s count is the register’s count for the kommun clicked', async () => {
    const selection = { ...YEAR, lpoIds: [klippanLpo] };
    const compare = await t.call('dashboards.compare', { filter: selection });
    expect(compare.rows).toHaveLength(5);
    for (const r of compare.rows) {
      expect(await registerCount({ ...selection, kommunIds: [r.kommunId] })).toBe(r.total);
    }
  });
});

describe('places', () => {
  it('splits every incident into one kind of location; each count is the register’s for the same filter', async () => {
    const selection = { ...YEAR, lpoIds: [klippanLpo] };
    const data = await t.call('maps.places', { filter: selection });
    const compare = await t.call('dashboards.compare', { filter: selection });
    expect(data.totals.total).toBe(compare.rows.reduce((n, r) => n + r.total, 0));
    for (const k of data.kommuner) {
      const { plats, position, kommun } = k.byLocation;
      expect(plats + position + kommun).toBe(k.total);
      expect(await registerCount({ ...selection, kommunIds: [k.kommunId], location: 'kommun' })).toBe(kommun);
      expect(await registerCount({ ...selection, kommunIds: [k.kommunId], location: 'plats' })).toBe(plats);
      expect(await registerCount({ ...selection, kommunIds: [k.kommunId], location: 'position' })).toBe(position);
    }
    // Polisens händelser are all kommun-precision: they are the kommun-only count (demo: no other).
    const police = t.one<number>(
      `SELECT count(*) FROM incident WHERE lpo_id = ? AND source = 'polisens_handelse' AND occurred_at >= '2025-10-31T23:00:00Z' AND occurred_at < '2026-10-31T23:00:00Z'`,
      klippanLpo,
    );
    expect(police).toBeGreaterThan(0);
    expect(data.totals.byLocation.kommun).toBeGreaterThanOrEqual(police);
    expect(data.places.length).toBeGreaterThan(10);
    for (const p of data.places.slice(0, 6)) {
      const filter = { ...selection, kommunIds: [p.kommunId], placeNames: [p.name], location: 'plats' as const };
      expect(await registerCount(filter), p.name).toBe(p.count);
    }
    const spec = placeSpec({
      data,
      kommuner: new Map(
        t
          .sql<{ id: number; scb_code: string; name: string }>('SELECT id, scb_code, name FROM kommun')
          .map((k) => [k.id, { code: k.scb_code, name: k.name }]),
      ),
      focusKommunIds: compare.rows.map((r) => r.kommunId),
      title: 'Platser',
    });
    expect(spec.notes[0]).toBe(kommunOnlyNote(data.totals.byLocation.kommun));
    expect(spec.notes[0]).toMatch(/^\d[\d\s]* händelser har bara kommunen som plats och visas inte som punkter\.$/);
    expect(spec.symbols).toHaveLength(data.places.length);
  });

  it('a kommun-precision incident at a named place is never a point; a typed position moves a place onto the map', async () => {
    const kommunId = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    const filter = { fromDay: '2026-11-01', toDay: '2026-11-20', kommunIds: [kommunId] };
    const before = await t.call('maps.places', { filter });
    const base = {
      source: 'tips' as const,
      category: 'skadegorelse',
      subcategory: 'klotter',
      occurredAt: '2026-11-10T10:00:00Z',
      reportedAt: '2026-11-10T11:00:00Z',
      kommunId,
      description: 'Klotter',
      reporterOrg: '',
      status: 'ny' as const,
    };
    await t.call('incidents.create', {
      input: { ...base, placeName: 'Klippans station', lat: 56.134, lon: 13.131, precision: 'kommun' },
    });
    await t.call('incidents.create', {
      input: { ...base, placeName: 'Gamla bruket', lat: null, lon: null, precision: null },
    });
    const after = await t.call('maps.places', { filter });
    const station = (d: typeof after) => d.places.find((p) => p.name === 'Klippans station')?.count ?? 0;
    expect(station(after)).toBe(station(before));
    expect(after.totals.byLocation.kommun).toBe(before.totals.byLocation.kommun + 1);
    expect(after.withoutPosition.map((p) => p.name)).toContain('Gamla bruket');

    await t.call('places.setPosition', { kommunId, name: 'Gamla bruket', lat: 56.14, lon: 13.12 });
    const logged = t.sql<{ action: string; content_json: string }>(
      "SELECT action, content_json FROM audit_log WHERE object_type = 'place' ORDER BY id DESC LIMIT 1",
    )[0]!;
    expect(logged.action).toBe('ändrad');
    expect(JSON.parse(logged.content_json)).toEqual({
      before: { name: 'Gamla bruket', lat: null, lon: null },
      after: { name: 'Gamla bruket', lat: 56.14, lon: 13.12 },
    });
    const placed = await t.call('maps.places', { filter });
    expect(placed.withoutPosition.map((p) => p.name)).not.toContain('Gamla bruket');
    expect(placed.places.find((p) => p.name === 'Gamla bruket')).toMatchObject({ lat: 56.14, lon: 13.12, count: 1 });
  });
});

describe('hotspots', () => {
  it('each marked cell’s count is the register’s for that cell; kommun-only incidents are not analysed', async () => {
    const selection = { ...YEAR, lpoIds: [klippanLpo] };
    const data = await t.call('maps.hotspots', { filter: selection });
    const located = t.one<number>(
      `SELECT count(*) FROM incident WHERE lpo_id = ? AND precision IN ('exact', 'place') AND lat IS NOT NULL
         AND occurred_at >= '2025-10-31T23:00:00Z' AND occurred_at < '2026-10-31T23:00:00Z'`,
      klippanLpo,
    );
    expect(data.points).toBe(located);
    expect(data.cells.length).toBeGreaterThan(0);
    expect(data.method).toContain('rutor om 250 m, grannar inom 500 m');
    // A cell is marked only where there are incidents (an empty neighbour of a busy cell is not shown).
    expect(data.cells.every((c) => c.count > 0)).toBe(true);
    expect(data.method).toContain('Bara rutor med minst en händelse markeras.');
    for (const c of data.cells.slice(0, 5)) {
      expect(await registerCount({ ...selection, cell: c.cell })).toBe(c.count);
    }
    const spec = hotspotSpec({ data, focusCodes: ['1276'], title: 'Hotspots' });
    expect(spec.notes[0]).toBe(data.method);
    expect(spec.cells!.length).toBeGreaterThan(0);
    expect(await t.fail('maps.hotspots', { filter: selection, cellSize: 10 })).toMatchObject({ code: 'validation' });
  });
});

describe('choropleth legend', () => {
  it('uses more decimals when one decimal would make different rates read the same', async () => {
    const { classLabels } = await import('../../src/shared/maps/choropleth');
    expect(classLabels(rateClasses([5.6, 6.8]))).toEqual(['5,6', '6,8']);
    expect(classLabels(rateClasses([0.41, 0.52, 0.54, 0.78, 0.81, 1.12, 1.2]))).toEqual([
      '0,41',
      '0,52',
      '0,54–0,78',
      '0,81',
      '1,12–1,20',
    ]);
  });
});

describe('places, once each', () => {
  it('a place whose incidents partly lack their own position is one place with one count', async () => {
    const kommunId = t.one<number>("SELECT id FROM kommun WHERE name = 'Perstorp'");
    const filter = { fromDay: '2026-11-21', toDay: '2026-11-21', kommunIds: [kommunId] };
    const base = {
      source: 'tips' as const,
      category: 'skadegorelse',
      subcategory: 'klotter',
      occurredAt: '2026-11-21T10:00:00Z',
      reportedAt: '2026-11-21T11:00:00Z',
      kommunId,
      placeName: 'Perstorps station',
      description: 'Klotter',
      reporterOrg: '',
      status: 'ny' as const,
    };
    await t.call('incidents.create', { input: { ...base, lat: 56.135, lon: 13.39, precision: 'place' } });
    await t.call('incidents.create', { input: { ...base, lat: null, lon: null, precision: null } });
    const data = await t.call('maps.places', { filter });
    expect(data.places.filter((p) => p.name === 'Perstorps station')).toEqual([
      expect.objectContaining({ name: 'Perstorps station', count: 2 }),
    ]);
    // Every incident has a place_id exactly when it has a place name (the kinds of location rely on it).
    expect(t.one<number>("SELECT count(*) FROM incident WHERE (place_name = '') <> (place_id IS NULL)")).toBe(0);
  });
});

describe('place map counts in a published document', () => {
  it('every count the map writes goes through the document’s own wording (small counts hidden)', () => {
    const data = {
      places: [{ placeId: 1, kommunId: 1, name: 'Torget', lat: 56.134, lon: 13.131, count: 2 }],
      withoutPosition: [{ placeId: 2, kommunId: 1, name: 'Parken', lat: null, lon: null, count: 1 }],
      kommuner: [],
      totals: { kommunId: 0, total: 5, byLocation: { plats: 3, position: 1, kommun: 1 }, atPlacesWithoutPosition: 1 },
    };
    const hidden = (n: number, _one: string, many: string) => (n < 3 ? `färre än 3 ${many}` : `${n} ${many}`);
    const spec = placeSpec({
      data,
      kommuner: new Map([[1, { code: '1276', name: 'Klippan' }]]),
      focusKommunIds: [1],
      title: 'Platser',
      count: hidden,
    });
    const text = [
      ...spec.notes,
      spec.desc,
      ...spec.legend.map((l) => l.label),
      ...spec.symbols!.map((s) => s.label),
    ].join(' | ');
    expect(text).not.toMatch(/\b[12] händelse/);
    expect(spec.notes[0]).toBe('Färre än 3 händelser har bara kommunen som plats och visas inte som punkter.');
    expect(spec.symbols![0]!.label).toBe('Torget (Klippan): färre än 3 händelser');
  });
});

describe('a typed place name and "Sök och radera"', () => {
  it('finds a place that only a walk’s map named, masks it and keeps its position; a place incidents use is theirs', async () => {
    const kommunId = t.one<number>("SELECT id FROM kommun WHERE name = 'Bjuv'");
    await t.call('places.setPosition', { kommunId, name: 'Utanför Annas port', lat: 56.08, lon: 12.92 });
    const found = await t.call('privacy.search', { term: 'Annas' });
    const group = found.groups.find((g) => g.source === 'place')!;
    expect(group.hits.map((h) => h.excerpt)).toEqual(['Utanför Annas port']);
    // "Bjuvs station" has incidents: the incident source owns it, this one does not list it.
    const station = await t.call('privacy.search', { term: 'Bjuvs station' });
    expect(station.groups.find((g) => g.source === 'place')?.hits ?? []).toEqual([]);

    await t.call('privacy.erase', {
      term: 'Annas',
      mode: 'mask',
      hits: found.groups.flatMap((g) => g.hits.map((h) => ({ source: h.source, id: h.id, field: h.field }))),
    });
    expect(t.sql('SELECT name, lat, lon FROM place WHERE kommun_id = ? AND name LIKE ?', kommunId, 'Utanför%')).toEqual(
      [{ name: 'Utanför [raderat] port', lat: 56.08, lon: 12.92 }],
    );
    const again = await t.call('privacy.search', { term: 'Annas' });
    expect(again.groups.flatMap((g) => g.hits)).toEqual([]);
  });
});

/**
 * A place's position typed by the user (places.setPosition) through dispatch on a real workspace: set on a
 * demo place and on a new name, undone with the previous position, refused with a Swedish message when it
 * is half, outside Sweden or for a kommun that does not exist (nothing written); and read back through
 * other paths: places.list and the place map's counts (maps.places).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../../src/shared/domain';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
let klippan: number;

const placeRow = (name: string) =>
  t.sql<Place>(
    'SELECT id, kommun_id AS kommunId, name, lat, lon FROM place WHERE kommun_id = ? AND name = ?',
    klippan,
    name,
  )[0];
const listed = async (name: string) =>
  (await t.call('places.list', { kommunId: klippan })).find((p) => p.name === name);

const FILTER = () => ({ kommunIds: [klippan], sources: ['est' as const], fromDay: '2026-06-01', toDay: '2026-06-30' });

async function estReport(placeName: string, day: string) {
  return t.call('incidents.create', {
    input: {
      source: 'est',
      category: 'skadegorelse',
      subcategory: 'klotter',
      occurredAt: `${day}T19:30:00Z`,
      reportedAt: `${day}T20:00:00Z`,
      kommunId: klippan,
      placeName,
      description: 'Klotter på busskuren',
      status: 'ny',
    },
  });
}

beforeAll(async () => {
  t = testWorkspace({ demoRows: 500 });
  t.ws.openDemo();
  await t.ws.ready();
  klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
});
afterAll(async () => {
  await t.close();
});

describe('places.setPosition', () => {
  it('flyttar en befintlig plats, ger den förra positionen, och ångras med den', async () => {
    const before = placeRow('Klippans station');
    expect(before).toMatchObject({ lat: 56.132, lon: 13.137 });
    const r = await t.call('places.setPosition', {
      kommunId: klippan,
      name: 'Klippans station',
      lat: 56.1401,
      lon: 13.1502,
    });
    expect(r.previous).toEqual(before);
    expect(r.place).toEqual({ ...before, lat: 56.1401, lon: 13.1502 });
    expect(placeRow('Klippans station')).toEqual(r.place);
    expect(await listed('Klippans station')).toEqual(r.place);

    // Undo: the screen sets the previous position back.
    const undo = await t.call('places.setPosition', {
      kommunId: klippan,
      name: 'Klippans station',
      lat: r.previous!.lat,
      lon: r.previous!.lon,
    });
    expect(undo.previous).toEqual(r.place);
    expect(placeRow('Klippans station')).toEqual(before);
  });

  it('skapar en ny plats med position; ångra tar bort positionen', async () => {
    expect(placeRow('Vandringens nya plats')).toBeUndefined();
    const r = await t.call('places.setPosition', {
      kommunId: klippan,
      name: '  Vandringens nya plats ',
      lat: 56.1312,
      lon: 13.1405,
    });
    expect(r.previous).toBeNull();
    expect(r.place).toMatchObject({ kommunId: klippan, name: 'Vandringens nya plats', lat: 56.1312, lon: 13.1405 });
    expect(await listed('Vandringens nya plats')).toEqual(r.place);

    const undo = await t.call('places.setPosition', {
      kommunId: klippan,
      name: 'Vandringens nya plats',
      lat: null,
      lon: null,
    });
    expect(undo.previous).toEqual(r.place);
    expect(placeRow('Vandringens nya plats')).toMatchObject({ lat: null, lon: null });
  });

  it('nekar en kommun som inte finns', async () => {
    const e = await t.fail('places.setPosition', { kommunId: 999_999, name: 'Torget', lat: 56.1, lon: 13.1 });
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('Kommunen (id 999999) finns inte i databasen.');
  });

  it('nekar bara latitud, och bara longitud', async () => {
    for (const input of [
      { lat: 56.1, lon: null },
      { lat: null, lon: 13.1 },
    ]) {
      const e = await t.fail('places.setPosition', { kommunId: klippan, name: 'Halv position', ...input });
      expect(e.code).toBe('validation');
      expect(e.message).toContain('Ange både latitud och longitud, eller ingen av dem.');
    }
    expect(placeRow('Halv position')).toBeUndefined();
  });

  it('nekar en position utanför Sverige och bytta tal, utan att skriva något', async () => {
    const before = placeRow('Stidsvig');
    const outside = await t.fail('places.setPosition', {
      kommunId: klippan,
      name: 'Stidsvig',
      lat: 48.8566,
      lon: 2.3522,
    });
    expect(outside.code).toBe('validation');
    expect(outside.message).toContain('ligger utanför Sverige');
    const swapped = await t.fail('places.setPosition', {
      kommunId: klippan,
      name: 'Stidsvig',
      lat: 13.093,
      lon: 56.157,
    });
    expect(swapped.code).toBe('validation');
    expect(swapped.message).toContain('bytt plats');
    const fresh = await t.fail('places.setPosition', { kommunId: klippan, name: 'Paris', lat: 48.8566, lon: 2.3522 });
    expect(fresh.code).toBe('validation');
    expect(placeRow('Stidsvig')).toEqual(before);
    expect(placeRow('Paris')).toBeUndefined();
  });
});

describe('platskartan läser positionen', () => {
  it('en plats utan position flyttas från withoutPosition till places när positionen sparas', async () => {
    await estReport('Ängens lekplats', '2026-06-03');
    await estReport('Ängens lekplats', '2026-06-10');
    await estReport('Ängens lekplats', '2026-06-11');
    let data = await t.call('maps.places', { filter: FILTER() });
    const without = data.withoutPosition.find((p) => p.name === 'Ängens lekplats');
    expect(without).toMatchObject({ count: 3, lat: null, lon: null, kommunId: klippan });
    expect(data.places.some((p) => p.name === 'Ängens lekplats')).toBe(false);
    const withoutBefore = data.totals.atPlacesWithoutPosition;

    const r = await t.call('places.setPosition', {
      kommunId: klippan,
      name: 'Ängens lekplats',
      lat: 56.1288,
      lon: 13.1199,
    });
    expect(r.previous).toMatchObject({ id: without!.placeId, lat: null, lon: null });
    data = await t.call('maps.places', { filter: FILTER() });
    expect(data.places.find((p) => p.name === 'Ängens lekplats')).toEqual({
      placeId: without!.placeId,
      kommunId: klippan,
      name: 'Ängens lekplats',
      lat: 56.1288,
      lon: 13.1199,
      count: 3,
    });
    expect(data.withoutPosition.some((p) => p.name === 'Ängens lekplats')).toBe(false);
    expect(data.totals.atPlacesWithoutPosition).toBe(withoutBefore - 3);

    // Undone: back among the places without a position.
    await t.call('places.setPosition', { kommunId: klippan, name: 'Ängens lekplats', lat: null, lon: null });
    data = await t.call('maps.places', { filter: FILTER() });
    expect(data.withoutPosition.find((p) => p.name === 'Ängens lekplats')).toMatchObject({ count: 3 });
    expect(data.places.some((p) => p.name === 'Ängens lekplats')).toBe(false);
  });

  it('en position sparad före första rapporten gäller rapporterna som kommer sedan', async () => {
    await t.call('places.setPosition', { kommunId: klippan, name: 'Nya busstorget', lat: 56.1333, lon: 13.1355 });
    await estReport('Nya busstorget', '2026-06-20');
    const data = await t.call('maps.places', { filter: FILTER() });
    expect(data.places.find((p) => p.name === 'Nya busstorget')).toMatchObject({
      lat: 56.1333,
      lon: 13.1355,
      count: 1,
    });
  });
});

/** A walk's route on the map: one path through the stops with a position, numbered stops, the rest named. */
import { describe, expect, it } from 'vitest';
import { BOUNDARY_ATTRIBUTION } from '../../src/shared/maps/boundaries';
import { mapFrame } from '../../src/shared/maps/frame';
import { routeFrame, routeStops, walkRouteSpec } from '../../src/shared/maps/route';

const KLIPPAN = '1276';
const STATION = { name: 'Klippans station', lat: 56.132, lon: 13.137 };
const CENTRUM = { name: 'Klippans centrum', lat: 56.134, lon: 13.131 };
const LJUNGBYHED = { name: 'Ljungbyhed', lat: 56.076, lon: 13.233 };
const none = (name: string) => ({ name, lat: null, lon: null });

const spec = (places: { name: string; lat: number | null; lon: number | null }[], obs: [string, number][] = []) =>
  walkRouteSpec({ kommunCode: KLIPPAN, places, observationsByPlace: new Map(obs), title: 'Rutt' });

describe('walkRouteSpec', () => {
  it('en väg genom stoppen med position, i ordning', () => {
    const s = spec([STATION, none('Storgatan'), CENTRUM, LJUNGBYHED, none('Stidsvig')], [['Klippans station', 3]]);
    const segments = s.route!.match(/[ML]/g)!;
    expect(segments).toEqual(['M', 'L', 'L']);
    // The path's points are the stops' symbols, in route order.
    const points = [...s.route!.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const byKey = new Map(s.symbols!.map((sym) => [sym.key, [sym.x, sym.y]]));
    expect(points).toEqual([byKey.get('stop-1'), byKey.get('stop-3'), byKey.get('stop-4')]);
    const frame = routeFrame(KLIPPAN, [STATION, CENTRUM, LJUNGBYHED]);
    expect(points[0]).toEqual(frame.project(STATION.lat, STATION.lon));
    expect(s.symbols!.map((sym) => sym.text).sort()).toEqual(['1', '3', '4']);
    expect(s.symbols!.find((sym) => sym.key === 'stop-1')!.label).toBe('1. Klippans station: 3 iakttagelser');
    expect(s.symbols!.find((sym) => sym.key === 'stop-3')!.label).toBe('3. Klippans centrum: 0 iakttagelser');
    expect(s.notes).toEqual(['Saknar position: Storgatan, Stidsvig — ange koordinater nedan.']);
    expect(s.attribution).toBe(BOUNDARY_ATTRIBUTION);
    expect(s.areas.filter((a) => a.focus).map((a) => a.code)).toEqual([KLIPPAN]);
  });

  it('fler iakttagelser ger större cirkel, aldrig mindre än läsbart', () => {
    const s = spec(
      [STATION, CENTRUM, LJUNGBYHED],
      [
        ['Klippans station', 8],
        ['Ljungbyhed', 1],
      ],
    );
    const r = new Map(s.symbols!.map((sym) => [sym.key, sym.r]));
    expect(r.get('stop-1')!).toBeGreaterThan(r.get('stop-3')!);
    expect(r.get('stop-3')!).toBeGreaterThanOrEqual(r.get('stop-2')!);
    expect(r.get('stop-2')!).toBeGreaterThanOrEqual(7);
  });

  it('stopp några hundra meter isär ritas isär: kartan följer rutten, inte hela kommunen', () => {
    // Klippans station and Klippans centrum are about 450 m apart.
    const s = spec([STATION, CENTRUM]);
    const [a, b] = s.symbols!;
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(a!.r + b!.r + 10);
    // Fitted to the kommun alone they would overlap.
    const k = mapFrame([KLIPPAN]);
    const [p, q] = [k.project(STATION.lat, STATION.lon)!, k.project(CENTRUM.lat, CENTRUM.lon)!];
    expect(Math.hypot(p[0] - q[0], p[1] - q[1])).toBeLessThan(a!.r + b!.r);
    // Without a position anywhere, the whole kommun.
    expect(spec([none('Storgatan')]).areas.find((x) => x.focus)!.d).toBe(k.areas.find((x) => x.code === KLIPPAN)!.d);
  });

  it('ett stopp ger ingen väg; inget stopp med position säger det', () => {
    expect(spec([STATION, none('Storgatan')]).route).toBeUndefined();
    const empty = spec([none('Storgatan'), none('Åbyparken')]);
    expect(empty.symbols).toEqual([]);
    expect(empty.desc).toContain('inget med känd position');
    expect(empty.notes[0]).toBe('Saknar position: Storgatan, Åbyparken — ange koordinater nedan.');
  });

  it('ett stopp strax utanför kommunen vidgar kartan i stället för att försvinna', () => {
    // 55,9586, 13,1253 lies south of Klippan's border: outside a frame fitted to Klippan alone.
    expect(mapFrame([KLIPPAN]).project(55.9586, 13.1253)).toBeNull();
    const s = spec([STATION, { name: 'Söder om gränsen', lat: 55.9586, lon: 13.1253 }]);
    expect(s.symbols).toHaveLength(2);
    expect(s.route!.match(/L/g)).toHaveLength(1);
    expect(s.areas.filter((a) => a.focus).map((a) => a.code)).toEqual([KLIPPAN]);
    expect(s.notes).toEqual([]);
  });

  it('routeStops numrerar i ordning och räknar iakttagelser', () => {
    expect(
      routeStops({ places: [STATION, none('Storgatan')], observationsByPlace: new Map([['Storgatan', 2]]) }),
    ).toEqual([
      { ...STATION, no: 1, observations: 0 },
      { name: 'Storgatan', lat: null, lon: null, no: 2, observations: 2 },
    ]);
  });
});

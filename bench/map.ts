/**
 * map.render_ms: the choropleth and the place layer for one LPO over one year, data and SVG — the
 * figures (`compareKommuner`, `placeMapData`), the map specs and the SVG markup of both maps as the
 * printer gets it — on a freshly opened database, beside a raw baseline in the same run: one
 * count(*) over the same rows. map.hotspots_ms: the Gi* grid over every incident with a place or exact
 * position in the database (all LPOs, all years), beside reading those positions alone.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { openDatabase } from '../src/core/db/connection';
import { compareKommuner } from '../src/core/dashboards/queries';
import { placeMapData } from '../src/core/maps/places';
import { hotspotData } from '../src/core/maps/hotspots';
import { HOTSPOT_POINTS_SQL } from '../src/core/db/incident-query';
import { choroplethSpec } from '../src/shared/maps/choropleth';
import { placeSpec } from '../src/shared/maps/places';
import { MapSvg } from '../src/print/map/map-svg';
import { localDayStartUtc, addDays } from '../src/shared/time';

export interface MapTiming {
  renderMs: number;
  rawMs: number;
  rowsInSelection: number;
  svgBytes: number;
  hotspotMs: number;
  hotspotRawMs: number;
  points: number;
  tested: number;
  marked: number;
}

const YEAR = { fromDay: '2025-11-01', toDay: '2026-10-31' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export function measureMap(file: string, repeats: number): MapTiming {
  const render: number[] = [];
  const raw: number[] = [];
  const hot: number[] = [];
  const hotRaw: number[] = [];
  let last: Omit<MapTiming, 'renderMs' | 'rawMs' | 'hotspotMs' | 'hotspotRawMs'> | null = null;
  for (let i = 0; i < repeats; i++) {
    // A fresh connection each round: no page cache of SQLite's own carries over between rounds.
    const db = openDatabase(file, { mustExist: true, quickCheck: false });
    try {
      const lpo = db.prepare("SELECT id FROM lpo WHERE name = 'Klippan'").pluck().get() as number;
      const kommuner = db.prepare('SELECT id, scb_code AS code, name FROM kommun WHERE lpo_id = ?').all(lpo) as {
        id: number;
        code: string;
        name: string;
      }[];
      const filter = { ...YEAR, lpoIds: [lpo] };
      const r = timed(() =>
        db
          .prepare('SELECT count(*) FROM incident WHERE lpo_id = ? AND occurred_at >= ? AND occurred_at < ?')
          .pluck()
          .get(lpo, localDayStartUtc(YEAR.fromDay), localDayStartUtc(addDays(YEAR.toDay, 1))),
      );
      raw.push(r.ms);
      const m = timed(() => {
        const compare = compareKommuner(db, filter);
        const byId = new Map(kommuner.map((k) => [k.id, k]));
        const choropleth = choroplethSpec(
          compare.rows.map((row) => ({
            ...row,
            code: byId.get(row.kommunId)!.code,
            name: byId.get(row.kommunId)!.name,
          })),
          'Karta',
        );
        const places = placeSpec({
          data: placeMapData(db, filter),
          kommuner: new Map(kommuner.map((k) => [k.id, { code: k.code, name: k.name }])),
          focusKommunIds: kommuner.map((k) => k.id),
          title: 'Platser',
        });
        return [choropleth, places].map((spec, n) =>
          renderToStaticMarkup(createElement(MapSvg, { spec, idPrefix: `m${n}` })),
        );
      });
      render.push(m.ms);
      const h = timed(() => hotspotData(db, {}));
      hot.push(h.ms);
      const hr = timed(() => {
        const rows = db.prepare(`SELECT lat, lon FROM incident WHERE ${HOTSPOT_POINTS_SQL}`).raw(true).all();
        return rows.length;
      });
      hotRaw.push(hr.ms);
      last = {
        rowsInSelection: r.value as number,
        svgBytes: m.value.reduce((n, s) => n + s.length, 0),
        points: h.value.points,
        tested: h.value.tested,
        marked: h.value.cells.length,
      };
    } finally {
      db.close();
    }
  }
  return {
    renderMs: median(render),
    rawMs: median(raw),
    hotspotMs: median(hot),
    hotspotRawMs: median(hotRaw),
    ...last!,
  };
}

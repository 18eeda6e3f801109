/** Maps: counts per kommun, place and kind of location; place positions typed by the user. */
import { defineOps } from '../api/ops';
import { setPlacePosition } from './positions';
import { placeMapData } from './places';
import { hotspotData } from './hotspots';

export const mapOps = defineOps({
  'maps.places': (ws, { filter }) => ws.db().read(({ db }) => placeMapData(db, filter)),
  'maps.hotspots': (ws, { filter, cellSize, distance }) =>
    ws.db().read(({ db }) => hotspotData(db, filter, { cellSize, distance })),
  'places.setPosition': (ws, input) => ws.writable().write(['reference'], ({ db }) => setPlacePosition(db, input)),
});

/**
 * A place's position, typed or pasted by the user (the boundaries are too coarse to place a point by
 * clicking). The place is created when the kommun has none by that name yet; the previous position is
 * returned so the screen can undo.
 */
import type { Db } from '../db/connection';
import { AppError } from '../../shared/errors';
import type { Place } from '../../shared/domain';
import { positionProblem } from '../../shared/maps/coordinates';
import { logEntry } from '../audit/install';

export interface PlacePositionInput {
  kommunId: number;
  name: string;
  lat: number | null;
  lon: number | null;
}

export function setPlacePosition(db: Db, input: PlacePositionInput): { place: Place; previous: Place | null } {
  const name = input.name.trim();
  if ((input.lat === null) !== (input.lon === null))
    throw new AppError('validation', 'Ange både latitud och longitud, eller ingen av dem.');
  if (input.lat !== null && input.lon !== null) {
    const problem = positionProblem(input.lat, input.lon);
    if (problem) throw new AppError('validation', problem);
  }
  const kommun = db.prepare('SELECT id FROM kommun WHERE id = ?').get(input.kommunId);
  if (!kommun) throw new AppError('not_found', `Kommunen (id ${input.kommunId}) finns inte i databasen.`);
  const old = db
    .prepare('SELECT id, kommun_id AS kommunId, name, lat, lon FROM place WHERE kommun_id = ? AND name = ?')
    .get(input.kommunId, name) as Place | undefined;
  if (old) db.prepare('UPDATE place SET lat = ?, lon = ? WHERE id = ?').run(input.lat, input.lon, old.id);
  else
    db.prepare('INSERT INTO place (kommun_id, name, lat, lon) VALUES (?, ?, ?, ?)').run(
      input.kommunId,
      name,
      input.lat,
      input.lon,
    );
  const place = db
    .prepare('SELECT id, kommun_id AS kommunId, name, lat, lon FROM place WHERE kommun_id = ? AND name = ?')
    .get(input.kommunId, name) as Place;
  // One entry per typed position (the place table is not followed row by row: incidents create places).
  logEntry(db, {
    objectType: 'place',
    objectId: place.id,
    action: old ? 'ändrad' : 'skapad',
    content: {
      ...(old ? { before: { name: old.name, lat: old.lat, lon: old.lon } } : {}),
      after: { name: place.name, lat: place.lat, lon: place.lon },
    },
  });
  return { place, previous: old ?? null };
}

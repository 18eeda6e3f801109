import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { formatCoordinates } from '../../../../shared/maps/coordinates';
import { routeStops, walkRouteSpec } from '../../../../shared/maps/route';
import type { Walk, WalkObservation } from '../../../../shared/walks';
import { formatInteger } from '../../../../shared/format';
import { MapView } from '../../components/map/MapView';
import { StatusMessage, type Notice } from '../../components/StatusMessage';
import { call, errorMessage } from '../../lib/client';
import { invalidateOp, useOp } from '../../lib/queries';
import { PlacePositionForm, type PositionSaved } from './PlacePositionForm';
import './walk-map.css';

const positionText = (lat: number | null, lon: number | null) =>
  lat === null || lon === null ? 'saknas' : formatCoordinates(lat, lon);

/**
 * The walk's route on the map: its places in order, numbered, sized by the observations there; the table
 * under it has the same numbers and a position field per place (typed or pasted; the boundaries are too
 * coarse to place a point by clicking). A saved position is drawn at once and can be undone.
 */
export function WalkMap({ walk, observations }: { walk: Walk; observations: WalkObservation[] }) {
  const queryClient = useQueryClient();
  const reference = useOp('reference.get', {});
  const places = useOp('places.list', { kommunId: walk.kommunId });
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undo, setUndo] = useState<PositionSaved | null>(null);
  const kommun = reference.data?.kommuner.find((k) => k.id === walk.kommunId);

  const { spec, stops } = useMemo(() => {
    const byName = new Map((places.data ?? []).map((p) => [p.name, p]));
    const routePlaces = walk.places.map((name) => {
      const p = byName.get(name);
      return { name, lat: p?.lat ?? null, lon: p?.lon ?? null };
    });
    const observationsByPlace = new Map<string, number>();
    for (const o of observations) observationsByPlace.set(o.placeName, (observationsByPlace.get(o.placeName) ?? 0) + 1);
    const input = {
      kommunCode: kommun?.scbCode ?? '',
      places: routePlaces,
      observationsByPlace,
      title: `Rutt: ${walk.title}`,
    };
    return { spec: kommun ? walkRouteSpec(input) : null, stops: routeStops(input) };
  }, [places.data, walk.places, walk.title, observations, kommun]);

  const refresh = () => void invalidateOp(queryClient, 'places.list');
  const inputId = (no: number) => `walk-${walk.id}-stop-${no}`;
  const saved = (s: PositionSaved) => {
    refresh();
    setUndo(s);
    setNotice({ kind: 'info', text: `Sparat: ${s.name} ${positionText(s.place.lat, s.place.lon)}.` });
  };
  const undoSave = (s: PositionSaved) => {
    const lat = s.previous?.lat ?? null;
    const lon = s.previous?.lon ?? null;
    // The place saved (its kommun and name), whatever the walk has become since.
    call('places.setPosition', { kommunId: s.place.kommunId, name: s.place.name, lat, lon })
      .then(() => {
        refresh();
        setUndo(null);
        setNotice({
          kind: 'info',
          text:
            lat === null || lon === null
              ? `Ångrat: ${s.name} har ingen position igen.`
              : `Ångrat: ${s.name} har åter positionen ${positionText(lat, lon)}.`,
        });
      })
      .catch((err: unknown) => setNotice({ kind: 'error', text: errorMessage(err) }));
  };

  if (walk.places.length === 0) return null;
  return (
    <section aria-labelledby={`walk-map-title-${walk.id}`} className="walk-map">
      <h4 id={`walk-map-title-${walk.id}`}>Karta</h4>
      {spec ? (
        <MapView
          id="walk-route"
          spec={spec}
          hint="Peka på eller tabba till ett stopp för dess iakttagelser; klicka eller tryck Enter för att gå till platsens rad i tabellen under kartan."
          onActivate={(t) => {
            const no = Number(t.key.replace('stop-', ''));
            const input = document.getElementById(inputId(no));
            input?.scrollIntoView({ block: 'center' });
            input?.focus();
          }}
        />
      ) : (
        <p className="form-info">{reference.error ? errorMessage(reference.error) : 'Hämtar kartan…'}</p>
      )}
      <table className="data-table walk-stops" aria-label="Stopp på rutten">
        <thead>
          <tr>
            <th scope="col">Nr</th>
            <th scope="col">Plats</th>
            <th scope="col">Position</th>
            <th scope="col">Iakttagelser</th>
            <th scope="col">Ange position (latitud, longitud)</th>
          </tr>
        </thead>
        <tbody>
          {stops.map((s) => (
            <tr key={s.no} data-stop={s.no}>
              <td>{s.no}</td>
              <th scope="row">{s.name}</th>
              <td className={s.lat === null ? 'walk-stop-missing' : undefined}>{positionText(s.lat, s.lon)}</td>
              <td>{formatInteger(s.observations)}</td>
              <td>
                <PlacePositionForm
                  kommunId={walk.kommunId}
                  name={s.name}
                  inputId={inputId(s.no)}
                  onSaved={saved}
                  onProblem={setProblem}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusMessage notice={problem ? { kind: 'error', text: problem } : null} />
      <StatusMessage notice={notice}>
        {undo && (
          <>
            {' '}
            <button type="button" className="link" onClick={() => undoSave(undo)}>
              Ångra
            </button>
          </>
        )}
      </StatusMessage>
    </section>
  );
}

import { useMemo } from 'react';
import type { Kommun } from '../../../../../shared/domain';
import { formatInteger } from '../../../../../shared/format';
import type { PlaceMapData } from '../../../../../shared/maps/data';
import { placeSpec } from '../../../../../shared/maps/places';
import { MapView } from '../../../components/map/MapView';
import { useOp } from '../../../lib/queries';
import { openRegister } from '../../../lib/route';
import { drill, ScrollX, Status, type Selection } from '../common';

/** The place map and its table: per kommun, every incident in exactly one kind of location. */
export function PlacesPanel({ selection, focus }: { selection: Selection; focus: Kommun[] }) {
  const q = useOp('maps.places', { filter: selection });
  const data = q.data;
  const names = useMemo(() => new Map(focus.map((k) => [k.id, k.name])), [focus]);
  const spec = useMemo(
    () =>
      data
        ? placeSpec({
            data,
            kommuner: new Map(focus.map((k) => [k.id, { code: k.scbCode, name: k.name }])),
            focusKommunIds: focus.map((k) => k.id),
            title: 'Karta: händelser per plats',
          })
        : null,
    [data, focus],
  );
  const place = (key: string) => data?.places.find((p) => String(p.placeId) === key);
  return (
    <section aria-labelledby="karta-platser">
      <h3 id="karta-platser">Platser</h3>
      <Status loading={q.isLoading} error={q.error} empty={!!data && data.totals.total === 0} />
      {data && spec && (
        <>
          <MapView
            id="platser"
            spec={spec}
            hint="Peka på eller tabba till en plats för antalet; klicka eller tryck Enter för händelserna i registret."
            onActivate={(t) => {
              const p = place(t.key);
              if (p) openRegister({ ...selection, kommunIds: [p.kommunId], placeNames: [p.name], location: 'plats' });
            }}
            aside={<WithoutPosition data={data} names={names} selection={selection} />}
          />
          <LocationTable data={data} names={names} selection={selection} />
          <PlaceTable data={data} names={names} selection={selection} />
        </>
      )}
    </section>
  );
}

function WithoutPosition(props: { data: PlaceMapData; names: Map<number, string>; selection: Selection }) {
  const { data, names, selection } = props;
  if (data.withoutPosition.length === 0) return null;
  return (
    <div className="map-unplaced">
      <p className="map-legend-title">Platser utan känd position</p>
      <ul data-testid="map-unplaced">
        {data.withoutPosition.map((p) => (
          <li key={p.placeId}>
            <button
              type="button"
              className="link"
              onClick={drill(selection, { kommunIds: [p.kommunId], placeNames: [p.name], location: 'plats' })}
            >
              {p.name} ({names.get(p.kommunId) ?? ''}): {formatInteger(p.count)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LocationTable(props: { data: PlaceMapData; names: Map<number, string>; selection: Selection }) {
  const { data, names, selection } = props;
  const rows = [
    ...data.kommuner.map((k) => ({ ...k, name: names.get(k.kommunId) ?? '' })),
    { ...data.totals, name: 'Hela urvalet' },
  ];
  const cell = (kommunId: number, n: number, narrower: Parameters<typeof drill>[1]) => (
    <td>
      <button
        type="button"
        className="link"
        onClick={drill(selection, { ...(kommunId ? { kommunIds: [kommunId] } : {}), ...narrower })}
      >
        {formatInteger(n)}
      </button>
    </td>
  );
  return (
    <ScrollX label="Händelser efter hur platsen är känd, tabell">
      <table className="data-table" aria-label="Händelser efter hur platsen är känd" data-testid="map-location-table">
        <thead>
          <tr>
            <th scope="col">Kommun</th>
            <th scope="col">Händelser</th>
            <th scope="col">Vid platser på kartan</th>
            <th scope="col">Vid platser utan position</th>
            <th scope="col">Position utan platsnamn</th>
            <th scope="col">Bara kommunen som plats</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kommunId}>
              <th scope="row">{r.name}</th>
              {cell(r.kommunId, r.total, {})}
              <td>{formatInteger(r.byLocation.plats - r.atPlacesWithoutPosition)}</td>
              <td>{formatInteger(r.atPlacesWithoutPosition)}</td>
              {cell(r.kommunId, r.byLocation.position, { location: 'position' })}
              {cell(r.kommunId, r.byLocation.kommun, { location: 'kommun' })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

function PlaceTable(props: { data: PlaceMapData; names: Map<number, string>; selection: Selection }) {
  const { data, names, selection } = props;
  if (data.places.length === 0) return null;
  return (
    <ScrollX label="Platser på kartan, tabell">
      <table className="data-table" aria-label="Platser på kartan" data-testid="map-place-table">
        <thead>
          <tr>
            <th scope="col">Plats</th>
            <th scope="col">Kommun</th>
            <th scope="col">Händelser</th>
          </tr>
        </thead>
        <tbody>
          {data.places.map((p) => (
            <tr key={p.placeId}>
              <th scope="row">{p.name}</th>
              <td>{names.get(p.kommunId) ?? ''}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={drill(selection, { kommunIds: [p.kommunId], placeNames: [p.name], location: 'plats' })}
                >
                  {formatInteger(p.count)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

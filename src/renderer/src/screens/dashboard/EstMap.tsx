import { useMemo } from 'react';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatInteger } from '../../../../shared/format';
import { placeSpec } from '../../../../shared/maps/places';
import { MapView } from '../../components/map/MapView';
import { openRegister } from '../../lib/route';
import { useOp } from '../../lib/queries';
import { Status } from './common';

/**
 * The EST cycle's places on the map: EST reports (source "est") at named places in the kommun over the
 * cycle shown, as proportional symbols; the table beside it has the same numbers, places without a
 * position included. A place (on the map or in the table) opens exactly its rows in the register.
 */
export function EstMap({ kommunId, fromDay, toDay }: { kommunId: number; fromDay: string; toDay: string }) {
  const reference = useOp('reference.get', {});
  const filter = { kommunIds: [kommunId], sources: ['est' as const], fromDay, toDay };
  const q = useOp('maps.places', { filter });
  const data = q.data;
  const spec = useMemo(() => {
    if (!data || !reference.data) return null;
    const kommuner = new Map(reference.data.kommuner.map((k) => [k.id, { code: k.scbCode, name: k.name }]));
    const name = kommuner.get(kommunId)?.name ?? '';
    return placeSpec({
      data,
      kommuner,
      focusKommunIds: [kommunId],
      title: `EST-rapporter per plats i ${name}, ${fromDay} – ${toDay}`,
    });
  }, [data, reference.data, kommunId, fromDay, toDay]);
  const base: IncidentFilter = { kommunIds: [kommunId], sources: ['est'], fromDay, toDay };
  const openPlace = (placeName: string) => openRegister({ ...base, placeNames: [placeName], location: 'plats' });
  const rows = data ? [...data.places, ...data.withoutPosition] : [];
  return (
    <section className="est-map" aria-labelledby="est-map-title">
      <h4 id="est-map-title">Cykelns platser på kartan (EST-rapporter)</h4>
      <Status loading={q.isLoading || reference.isLoading} error={q.error ?? reference.error} empty={false} />
      {spec && data && (
        <MapView
          id="est-places"
          spec={spec}
          hint="Peka på eller tabba till en plats för antalet; klicka eller tryck Enter för platsens EST-rapporter i registret."
          onActivate={(t) => {
            if (t.kind === 'area') return openRegister(base);
            const place = data.places.find((p) => String(p.placeId) === t.key);
            if (place) openPlace(place.name);
          }}
          aside={
            <table className="data-table" aria-label="EST-rapporter per plats">
              <thead>
                <tr>
                  <th scope="col">Plats</th>
                  <th scope="col">Händelser (EST)</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={2}>Inga EST-rapporter vid namngivna platser i cykeln.</td>
                  </tr>
                )}
                {rows.map((p) => (
                  <tr key={p.placeId}>
                    <th scope="row">
                      {p.name}
                      {p.lat === null && <span className="form-info"> (utan position)</span>}
                    </th>
                    <td>
                      <button type="button" className="link" onClick={() => openPlace(p.name)}>
                        {formatInteger(p.count)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </section>
  );
}

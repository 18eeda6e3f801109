import { useMemo } from 'react';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatInteger } from '../../../../shared/format';
import { placeSpec } from '../../../../shared/maps/places';
import { MapView } from '../../components/map/MapView';
import { openRegister } from '../../lib/route';
import { useOp } from '../../lib/queries';
import { Status } from './common';

/**
 * The EST cycle's places on the map: the incidents of every source at named places in the kommun over the
 * cycle shown, as proportional symbols; the table beside it has the same numbers, places without a
 * position included. A place (on the map or in the table) opens exactly its rows in the register.
 */
export function EstMap({ kommunId, fromDay, toDay }: { kommunId: number; fromDay: string; toDay: string }) {
  const reference = useOp('reference.get', {});
  const filter = { kommunIds: [kommunId], fromDay, toDay };
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
      title: `Händelser per plats i ${name}, ${fromDay} – ${toDay}`,
    });
  }, [data, reference.data, kommunId, fromDay, toDay]);
  const base: IncidentFilter = { kommunIds: [kommunId], fromDay, toDay };
  const openPlace = (placeName: string) => openRegister({ ...base, placeNames: [placeName], location: 'plats' });
  const rows = data ? [...data.places, ...data.withoutPosition] : [];
  return (
    <section className="est-map" aria-labelledby="est-map-title">
      <h4 id="est-map-title">Platserna på kartan</h4>
      <Status loading={q.isLoading || reference.isLoading} error={q.error ?? reference.error} empty={false} />
      {spec && data && (
        <MapView
          id="est-places"
          spec={spec}
          hint="Peka på eller tabba till en plats för antalet; klicka eller tryck Enter för platsens händelser i registret."
          onActivate={(t) => {
            if (t.kind === 'area') return openRegister(base);
            const place = data.places.find((p) => String(p.placeId) === t.key);
            if (place) openPlace(place.name);
          }}
          aside={
            <table className="data-table" aria-label="Händelser per plats på kartan">
              <thead>
                <tr>
                  <th scope="col">Plats</th>
                  <th scope="col">Händelser</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={2}>Inga händelser vid namngivna platser i cykeln.</td>
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
              <tfoot>
                <tr>
                  <th scope="row">Bara kommunen som plats (inte på kartan)</th>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => openRegister({ ...base, location: 'kommun' })}
                    >
                      {formatInteger(data.totals.byLocation.kommun)}
                    </button>
                  </td>
                </tr>
              </tfoot>
            </table>
          }
        />
      )}
    </section>
  );
}

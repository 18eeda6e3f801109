import { useMemo } from 'react';
import type { Kommun } from '../../../../../shared/domain';
import { formatDecimal1, formatInteger } from '../../../../../shared/format';
import { toSweref99tm } from '../../../../../shared/geo/sweref99tm';
import type { HotspotMapData, PlaceCount } from '../../../../../shared/maps/data';
import { cellKey, hotspotSpec } from '../../../../../shared/maps/hotspot-spec';
import { MapView } from '../../../components/map/MapView';
import { useOp } from '../../../lib/queries';
import { openRegister } from '../../../lib/route';
import { drill, ScrollX, Status, type Selection } from '../common';

/** Within this distance of a cell's centre a named place is given as where the hotspot is. */
const NEAR_METRES = 1000;

function nearestPlaces(data: HotspotMapData, places: PlaceCount[]): Map<string, string> {
  const located = places.map((p) => ({ name: p.name, ...toSweref99tm(p.lat!, p.lon!) }));
  const out = new Map<string, string>();
  const half = data.params.cellSize / 2;
  for (const c of data.cells) {
    let best: { name: string; d: number } | null = null;
    for (const p of located) {
      const d = Math.hypot(p.east - (c.east + half), p.north - (c.north + half));
      if (d <= NEAR_METRES && (!best || d < best.d)) best = { name: p.name, d };
    }
    if (best) out.set(cellKey(c), best.name);
  }
  return out;
}

export function HotspotPanel({ selection, focus }: { selection: Selection; focus: Kommun[] }) {
  const q = useOp('maps.hotspots', { filter: selection });
  const places = useOp('maps.places', { filter: selection });
  const data = q.data;
  const nearest = useMemo(
    () => (data && places.data ? nearestPlaces(data, places.data.places) : new Map<string, string>()),
    [data, places.data],
  );
  const spec = useMemo(
    () =>
      data
        ? hotspotSpec({
            data,
            focusCodes: focus.map((k) => k.scbCode),
            title: 'Karta: signifikanta hotspots',
            nearest,
          })
        : null,
    [data, focus, nearest],
  );
  return (
    <section aria-labelledby="karta-hotspots">
      <h3 id="karta-hotspots">Hotspots</h3>
      <Status loading={q.isLoading} error={q.error} empty={false} />
      {data && spec && (
        <>
          <MapView
            id="hotspots"
            spec={spec}
            hint="Peka på eller tabba till en markerad ruta för antalet; klicka eller tryck Enter för rutans händelser i registret."
            onActivate={(t) => {
              const c = data.cells.find((x) => cellKey(x) === t.key);
              if (c) openRegister({ ...selection, cell: c.cell });
            }}
          />
          {data.cells.length > 0 && (
            <ScrollX label="Signifikanta hotspots, tabell">
              <table className="data-table" aria-label="Signifikanta hotspots" data-testid="map-hotspot-table">
                <thead>
                  <tr>
                    <th scope="col">Nära</th>
                    <th scope="col">Nivå</th>
                    <th scope="col">Händelser i rutan</th>
                    <th scope="col">Gi* (z)</th>
                    <th scope="col">q</th>
                    <th scope="col">Ruta (SWEREF 99 TM, sydvästra hörnet)</th>
                  </tr>
                </thead>
                <tbody>
                  {data.cells.map((c) => (
                    <tr key={cellKey(c)}>
                      <th scope="row">{nearest.get(cellKey(c)) ?? '–'}</th>
                      <td>{c.level} %</td>
                      <td>
                        <button type="button" className="link" onClick={drill(selection, { cell: c.cell })}>
                          {formatInteger(c.count)}
                        </button>
                      </td>
                      <td>{formatDecimal1(c.z)}</td>
                      <td>{c.q < 0.0001 ? '< 0,0001' : c.q.toFixed(4).replace('.', ',')}</td>
                      <td>
                        N {formatInteger(c.north)}, E {formatInteger(c.east)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollX>
          )}
        </>
      )}
    </section>
  );
}

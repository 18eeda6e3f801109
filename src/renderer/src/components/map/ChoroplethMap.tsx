import { useMemo } from 'react';
import type { CompareRow } from '../../../../shared/dashboards';
import type { IncidentFilter, Kommun } from '../../../../shared/domain';
import { choroplethSpec } from '../../../../shared/maps/choropleth';
import { openRegister } from '../../lib/route';
import { MapView } from './MapView';

/**
 * Incidents per 1 000 inhabitants per kommun for a selection (the rows of dashboards.compare, so the map
 * and the Jämför table can never disagree); a click opens the register on exactly that kommun's rows.
 */
export function ChoroplethMap(props: {
  id: string;
  rows: CompareRow[];
  kommuner: Kommun[];
  /** The selection without its kommuner: a click adds the kommun clicked. */
  base: IncidentFilter;
  title: string;
}) {
  const { id, rows, kommuner, base, title } = props;
  const spec = useMemo(() => {
    const byId = new Map(kommuner.map((k) => [k.id, k]));
    const rateRows = rows.flatMap((r) => {
      const k = byId.get(r.kommunId);
      return k ? [{ ...r, code: k.scbCode, name: k.name }] : [];
    });
    return choroplethSpec(rateRows, title);
  }, [rows, kommuner, title]);
  return (
    <MapView
      id={id}
      spec={spec}
      hint="Peka på eller tabba till en kommun för siffrorna; klicka eller tryck Enter för händelserna i registret."
      onActivate={(t) => {
        const area = spec.areas.find((a) => a.code === t.key);
        if (area?.kommunId) openRegister({ ...base, kommunIds: [area.kommunId] });
      }}
    />
  );
}

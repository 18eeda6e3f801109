import type { Kommun } from '../../../../shared/domain';
import { PlacesPanel } from './map/PlacesPanel';
import { HotspotPanel } from './map/HotspotPanel';
import type { Selection } from './common';

/**
 * Lägesbild → Karta: where the selection's incidents are. Places with a position as proportional
 * symbols (with what could not be drawn said and counted), then the Gi* hotspots of the incidents whose
 * position is known to the place or better. Each map has a table with the same numbers.
 */
export function MapTab({ selection, kommuner }: { selection: Selection; kommuner: Kommun[] }) {
  const focus = selection.kommunIds?.length ? kommuner.filter((k) => selection.kommunIds!.includes(k.id)) : kommuner;
  return (
    <div className="dashboard-panel" data-testid="dashboard-karta">
      <PlacesPanel selection={selection} focus={focus} />
      <HotspotPanel selection={selection} focus={focus} />
    </div>
  );
}

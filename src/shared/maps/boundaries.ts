/**
 * Kommun boundaries for every map: the TopoJSON built from the simplified Valmyndigheten boundaries
 * (resources/kommuner.topo.json, see scripts/build-topology.ts). Bundled, so maps never need a network.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topologyJson from '../../../resources/kommuner.topo.json';

/** Shown wherever a map is drawn or printed (the boundaries' source, ../shared/data/README.md). */
export const BOUNDARY_ATTRIBUTION = 'Kommungränser: Valmyndigheten (förenklade)';

export type KommunFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

let features: KommunFeature[] | null = null;

/** All 290 kommuner, id = SCB kommunkod (four digits). */
export function kommunFeatures(): KommunFeature[] {
  if (!features) {
    const topo = topologyJson as unknown as Topology<{ kommuner: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.kommuner);
    features = fc.features as KommunFeature[];
  }
  return features;
}

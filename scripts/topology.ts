/** GeoJSON kommun boundaries → TopoJSON with only what the maps use: SCB code and name per kommun. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';

interface SourceProps {
  id: string;
  kom_namn: string;
}

export type KommunTopology = Topology<{ kommuner: GeometryCollection<{ name: string }> }>;

type Ring = number[][];

/** Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return sum;
}

/**
 * d3-geo draws on the sphere and reads a polygon's exterior ring as clockwise (RFC 7946 GeoJSON says
 * counter-clockwise): a ring the other way round would cover the whole globe but the kommun.
 */
function rewind(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => {
    const clockwise = signedArea(ring) < 0;
    const wantClockwise = i === 0;
    return clockwise === wantClockwise ? ring : [...ring].reverse();
  });
}

function rewound(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: rewind(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(rewind) };
  return g;
}

/** Coordinates are quantized to 1e5 steps over Sweden's extent: ~15 m, finer than the simplified lines. */
export function buildTopology(source: unknown): KommunTopology {
  const fc = source as FeatureCollection<Geometry, SourceProps>;
  if (fc.type !== 'FeatureCollection') throw new Error('Källfilen är inte en GeoJSON FeatureCollection.');
  const features: Feature<Geometry, { name: string }>[] = fc.features
    .map((f) => ({
      type: 'Feature' as const,
      id: String(f.properties.id).padStart(4, '0'),
      properties: { name: f.properties.kom_namn },
      geometry: rewound(f.geometry),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const collection: FeatureCollection<Geometry, { name: string }> = { type: 'FeatureCollection', features };
  return topology({ kommuner: collection }, 1e5) as unknown as KommunTopology;
}

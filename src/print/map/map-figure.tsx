/** @jsxRuntime automatic */
/**
 * A figure's map in print: the static SVG (role=img, the caption as its title, what it shows as its desc,
 * the attribution drawn inside it) with its legend, notes and attribution under it as HTML, kept together
 * on one page. The same box is what the .docx's image is screenshotted from (`data-chart-id`).
 */
import type { Figure } from '../../shared/report';
import { MapLegend, MapSvg } from './map-svg';

/** A figure drawn as a map (a map takes the place of a chart). */
export function hasMap(f: Figure): f is Figure & { map: NonNullable<Figure['map']> } {
  return f.map !== undefined && f.map.areas.length > 0;
}

/** "Karta: händelser …" → "Tabell: Händelser …": the caption of the map's table. */
export function mapTableCaption(caption: string): string {
  const rest = caption.replace(/^karta:\s*/i, '');
  return `Tabell: ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

/** The map and its legend, without caption: in the report under the figure's caption, alone for the .docx. */
export function MapGraphic({ figure }: { figure: Figure }) {
  if (!hasMap(figure)) return null;
  return (
    <div className="map-wrap">
      <MapSvg spec={figure.map} idPrefix={`map-${figure.id}`} />
      <MapLegend spec={figure.map} />
    </div>
  );
}

/** The map alone, for the .docx's image (its legend and notes are written there as text). */
export function MapImage({ figure }: { figure: Figure }) {
  if (!hasMap(figure)) return null;
  return <MapSvg spec={figure.map} idPrefix={`map-image-${figure.id}`} />;
}

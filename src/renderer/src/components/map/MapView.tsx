import { useState, type ReactNode } from 'react';
import type { MapSpec } from '../../../../shared/maps/spec';
import { MapLegend, MapSvg, type MapTarget } from '../../../../print/map/map-svg';

/**
 * A map on screen: the printed drawing with focus, hover and click. What the pointer or the keyboard is
 * on is said in a line under the map (read out politely), so nothing is only in a tooltip.
 */
export function MapView(props: {
  spec: MapSpec;
  id: string;
  onActivate(target: MapTarget): void;
  /** Said when nothing is highlighted (what a click does). */
  hint: string;
  /** Beside the map: the list of places without a position, a form. */
  aside?: ReactNode;
}) {
  const { spec, id, onActivate, hint, aside } = props;
  const [highlighted, setHighlighted] = useState<MapTarget | null>(null);
  return (
    <figure className="map-view" data-testid={`map-${id}`}>
      <div className="map-main">
        <div className="map-canvas">
          <MapSvg
            spec={spec}
            idPrefix={`map-${id}`}
            interaction={{ onHighlight: setHighlighted, onActivate, highlighted: highlighted?.key ?? null }}
          />
        </div>
        <p className="map-status" aria-live="polite" data-testid={`map-${id}-status`}>
          {highlighted ? highlighted.label : hint}
        </p>
      </div>
      <figcaption className="map-side">
        <MapLegend spec={spec} />
        {aside}
      </figcaption>
    </figure>
  );
}

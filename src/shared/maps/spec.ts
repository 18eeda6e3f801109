/**
 * A map as data: what to draw (areas, symbols, a route, hotspot cells), its legend, notes and attribution.
 * The screen and the printed report draw the same spec with the same component (src/print/map), so a
 * printed map shows exactly what the screen showed. Every map also has a table with the same numbers.
 */

export interface MapArea {
  code: string;
  name: string;
  d: string;
  fill: string;
  /** In the selection: focusable, labelled, clickable on screen. */
  focus: boolean;
  labelAt: [number, number];
  /** What hover/focus says ("Klippan: 1 234 händelser, 17 714 invånare, 69,7 per 1 000"). */
  label?: string | undefined;
  /** The kommun's id in the database (focus areas), for a drill-down. */
  kommunId?: number | undefined;
}

export interface MapSymbol {
  key: string;
  x: number;
  y: number;
  r: number;
  label: string;
  /** Drawn beside the symbol (a route's stop number, a large place's name); empty for none. */
  text?: string | undefined;
  fill?: string | undefined;
}

export interface MapCell {
  key: string;
  d: string;
  fill: string;
  label: string;
}

export interface LegendItem {
  /** A swatch colour, or a symbol size (px radius) for proportional symbols. */
  color?: string | undefined;
  radius?: number | undefined;
  label: string;
}

export interface MapSpec {
  width: number;
  height: number;
  /** The accessible name of the map (and the SVG's title). */
  title: string;
  /** One or two sentences: what the map shows (the SVG's desc). */
  desc: string;
  areas: MapArea[];
  cells?: MapCell[] | undefined;
  /** A walk's route through its places, as one SVG path. */
  route?: string | undefined;
  symbols?: MapSymbol[] | undefined;
  legendTitle: string;
  legend: LegendItem[];
  /** Said under the map on screen and in print (what is not drawn and why; the method). */
  notes: string[];
  attribution: string;
}

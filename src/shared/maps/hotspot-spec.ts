/**
 * The hotspot map: the marked Gi* cells over the kommuner of the selection, at their true size in
 * SWEREF 99 TM. A 250 m cell is a few pixels on a map of a whole LPO, so a cell smaller than MIN_PX is
 * drawn as a MIN_PX square on the same centre — and the map says so.
 */
import { formatCount, formatDecimal1, formatInteger } from '../format';
import { BOUNDARY_ATTRIBUTION } from './boundaries';
import { CONTEXT_FILL, FOCUS_FILL, mapFrame, type FrameOptions } from './frame';
import type { HotspotCellData, HotspotMapData } from './data';
import type { LegendItem, MapCell, MapSpec } from './spec';

export const HOTSPOT_FILLS = { 99: '#a50f15', 95: '#fb6a4a' } as const;
const MIN_PX = 7;

export function cellKey(c: HotspotCellData): string {
  return `cell-${c.cell.col}-${c.cell.row}`;
}

export function cellLabel(c: HotspotCellData, near?: string): string {
  const where = near ? ` nära ${near}` : '';
  return (
    `Hotspot ${c.level} %${where}: ${formatCount(c.count, 'händelse', 'händelser')} i rutan ` +
    `(N ${formatInteger(c.north)}, E ${formatInteger(c.east)}; z = ${formatDecimal1(c.z)})`
  );
}

export interface HotspotSpecInput {
  data: HotspotMapData;
  focusCodes: readonly string[];
  title: string;
  /** The nearest named place per cell key, if known (for labels). */
  nearest?: ReadonlyMap<string, string> | undefined;
}

export function hotspotSpec(input: HotspotSpecInput, options: FrameOptions = {}): MapSpec {
  const { data, title } = input;
  const frame = mapFrame(input.focusCodes, options);
  const focus = new Set(input.focusCodes);
  let enlarged = false;
  let outside = 0;
  const cells: MapCell[] = [];
  for (const c of [...data.cells].reverse()) {
    const pts = c.corners.map(([lat, lon]) => frame.project(lat, lon));
    if (pts.some((p) => p === null)) {
      outside++;
      continue;
    }
    const xy = pts as [number, number][];
    const xs = xy.map((p) => p[0]);
    const ys = xy.map((p) => p[1]);
    const w = Math.max(...xs) - Math.min(...xs);
    let d: string;
    if (w >= MIN_PX) d = `M${xy.map((p) => `${p[0]},${p[1]}`).join('L')}Z`;
    else {
      enlarged = true;
      const cx = xs.reduce((a, b) => a + b, 0) / 4;
      const cy = ys.reduce((a, b) => a + b, 0) / 4;
      const h = MIN_PX / 2;
      const r = (n: number) => Math.round(n * 10) / 10;
      d = `M${r(cx - h)},${r(cy - h)}H${r(cx + h)}V${r(cy + h)}H${r(cx - h)}Z`;
    }
    cells.push({
      key: cellKey(c),
      d,
      fill: HOTSPOT_FILLS[c.level],
      label: cellLabel(c, input.nearest?.get(cellKey(c))),
    });
  }
  const notes = [data.method];
  notes.push(
    `${formatCount(data.points, 'händelse', 'händelser')} med egen position (exakt, eller platsens när händelsen registrerades) analyserades; händelser som bara har kommunen som plats ingår inte.`,
  );
  if (data.withoutOwnPosition > 0)
    notes.push(
      `${formatCount(data.withoutOwnPosition, 'händelse', 'händelser')} vid namngivna platser saknar egen position och ingår inte.`,
    );
  if (outside > 0)
    notes.push(
      `${formatCount(outside, 'markerad ruta', 'markerade rutor')} ligger utanför kartans utsnitt (finns i tabellen).`,
    );
  if (enlarged)
    notes.push(
      `Rutorna är ritade minst ${MIN_PX} bildpunkter stora för att synas; välj en kommun för att se dem i rätt storlek.`,
    );
  if (data.cells.length === 0) notes.push('Inga rutor är signifikanta efter korrigeringen.');
  const legend: LegendItem[] = [
    { color: HOTSPOT_FILLS[99], label: 'Hotspot, 99 % (q ≤ 0,01)' },
    { color: HOTSPOT_FILLS[95], label: 'Hotspot, 95 % (q ≤ 0,05)' },
  ];
  const n99 = data.cells.filter((c) => c.level === 99).length;
  return {
    width: frame.width,
    height: frame.height,
    title,
    desc:
      data.cells.length === 0
        ? 'Inga signifikanta hotspots i urvalet.'
        : `${formatCount(data.cells.length, 'signifikant ruta', 'signifikanta rutor')}, varav ${formatInteger(n99)} på 99 % nivå.`,
    areas: frame.areas.map((a) => ({
      ...a,
      focus: focus.has(a.code),
      fill: focus.has(a.code) ? FOCUS_FILL : CONTEXT_FILL,
    })),
    cells,
    legendTitle: 'Signifikanta hotspots (Getis-Ord Gi*)',
    legend,
    notes,
    attribution: BOUNDARY_ATTRIBUTION,
  };
}

/**
 * The place map: each place with a position as a circle whose area grows with its count, over the
 * kommuner of the selection. What is not drawn is said: incidents with only the kommun as location
 * (never a point inside it) and places without a position.
 */
import { formatCount } from '../format';
import { BOUNDARY_ATTRIBUTION } from './boundaries';
import { CONTEXT_FILL, FOCUS_FILL, mapFrame, type FrameOptions } from './frame';
import { kommunNameBoxes, overlaps, textBox } from './label-boxes';
import type { PlaceMapData } from './data';
import type { LegendItem, MapArea, MapSpec, MapSymbol } from './spec';

export const PLACE_FILL = '#08519c';
const R_MIN = 3;
const R_MAX = 24;

/**
 * How a count is written with its noun: "3 händelser". A published report passes its own, which writes a
 * small count as "färre än 3 händelser" — in every note, the legend and the description alike.
 */
export type CountWords = (n: number, one: string, many: string) => string;
const plainCount: CountWords = formatCount;
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Circle radius for a count: the area, not the radius, is proportional to the count. */
export function symbolRadius(count: number, max: number): number {
  if (max <= 0) return R_MIN;
  return Math.round(Math.max(R_MIN, R_MAX * Math.sqrt(count / max)) * 10) / 10;
}

/** The sentence the issue asks for, on screen and in print; N is a count on the map's table. */
export function kommunOnlyNote(n: number, count: CountWords = plainCount): string {
  return sentence(`${count(n, 'händelse', 'händelser')} har bara kommunen som plats och visas inte som punkter.`);
}

export function placeNotes(data: PlaceMapData, count: CountWords = plainCount): string[] {
  const t = data.totals;
  const notes = [kommunOnlyNote(t.byLocation.kommun, count)];
  if (t.atPlacesWithoutPosition > 0)
    notes.push(
      sentence(
        `${count(t.atPlacesWithoutPosition, 'händelse', 'händelser')} vid ${formatCount(
          data.withoutPosition.length,
          'plats',
          'platser',
        )} utan känd position visas inte på kartan (listade bredvid).`,
      ),
    );
  if (t.byLocation.position > 0)
    notes.push(
      sentence(
        `${count(t.byLocation.position, 'händelse', 'händelser')} har en position men inget platsnamn; de ingår i hotspotanalysen men inte bland platserna.`,
      ),
    );
  return notes;
}

/**
 * Names beside the largest few symbols, where the name would not run into another name or a kommun's
 * name (the table names them all; hover and focus name each one).
 */
function labelLargest(symbols: MapSymbol[], data: PlaceMapData, areas: readonly MapArea[], count = 4): void {
  const byKey = new Map(data.places.map((p) => [String(p.placeId), p.name]));
  const taken = kommunNameBoxes(areas);
  let labelled = 0;
  for (const s of symbols) {
    if (labelled === count) break;
    const name = byKey.get(s.key);
    if (!name) continue;
    const box = textBox(s.x + s.r + 3, s.y + 4, name);
    if (taken.some((t) => overlaps(t, box))) continue;
    s.text = name;
    taken.push(box);
    labelled++;
  }
}

export interface PlaceSpecInput {
  data: PlaceMapData;
  /** SCB code and name per kommun id, for the kommuner in focus. */
  kommuner: ReadonlyMap<number, { code: string; name: string }>;
  focusKommunIds: readonly number[];
  title: string;
  /** How counts are written (a published report's suppression of small counts). */
  count?: CountWords | undefined;
}

export function placeSpec(input: PlaceSpecInput, options: FrameOptions = {}): MapSpec {
  const { data, kommuner, title } = input;
  const count = input.count ?? plainCount;
  const codes = input.focusKommunIds.flatMap((id) => {
    const k = kommuner.get(id);
    return k ? [k.code] : [];
  });
  const frame = mapFrame(codes, options);
  const focusIds = new Map(
    input.focusKommunIds.flatMap((id) => (kommuner.get(id) ? [[kommuner.get(id)!.code, id]] : [])),
  );
  const areas: MapArea[] = frame.areas.map((a) => ({
    ...a,
    focus: focusIds.has(a.code),
    fill: focusIds.has(a.code) ? FOCUS_FILL : CONTEXT_FILL,
    kommunId: focusIds.get(a.code),
  }));
  const max = data.places[0]?.count ?? 0;
  const symbols: MapSymbol[] = [];
  let outside = 0;
  for (const p of data.places) {
    const at = frame.project(p.lat!, p.lon!);
    if (!at) {
      outside += p.count;
      continue;
    }
    const kommun = kommuner.get(p.kommunId)?.name ?? '';
    symbols.push({
      key: String(p.placeId),
      x: at[0],
      y: at[1],
      r: symbolRadius(p.count, max),
      label: `${p.name}${kommun ? ` (${kommun})` : ''}: ${count(p.count, 'händelse', 'händelser')}`,
      fill: PLACE_FILL,
    });
  }
  labelLargest(symbols, data, areas);
  const notes = placeNotes(data, count);
  if (outside > 0) notes.push(sentence(`${count(outside, 'händelse', 'händelser')} ligger utanför kartans utsnitt.`));
  const legend: LegendItem[] =
    max > 0
      ? [...new Set([max, Math.max(1, Math.round(max / 4)), 1])].map((n) => ({
          radius: symbolRadius(n, max),
          color: PLACE_FILL,
          label: count(n, 'händelse', 'händelser'),
        }))
      : [];
  return {
    width: frame.width,
    height: frame.height,
    title,
    desc:
      symbols.length === 0
        ? 'Inga platser med känd position i urvalet.'
        : `${formatCount(symbols.length, 'plats', 'platser')} med känd position; störst ${data.places[0]!.name} med ${count(max, 'händelse', 'händelser')}.`,
    areas,
    symbols: symbols.sort((a, b) => b.r - a.r),
    legendTitle: 'Händelser per plats (cirkelns yta)',
    legend,
    notes,
    attribution: BOUNDARY_ATTRIBUTION,
  };
}

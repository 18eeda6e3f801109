/**
 * The lägesbild's two maps (issue 14, "Reports"): incidents per 1 000 inhabitants per kommun (the
 * choropleth of Jämför kommuner, over the LPO's kommuner so that one kommun is seen beside its neighbours)
 * and the places with incidents (proportional symbols, as the Platser map). Each has a table with the same
 * numbers; the place table counts what is not drawn (only the kommun as location, places without a
 * position), so the map's "N händelser har bara kommunen som plats …" is a number on the table.
 */
import type { Block, Figure } from '../../../shared/report';
import { formatCount, formatInteger } from '../../../shared/format';
import { choroplethSpec, type RateRow } from '../../../shared/maps/choropleth';
import { placeSpec } from '../../../shared/maps/places';
import type { PlaceCount } from '../../../shared/maps/data';
import type { MapSpec, MapSymbol } from '../../../shared/maps/spec';
import { kommunNameBoxes, overlaps, type Box } from '../../../shared/maps/label-boxes';
import { compareKommuner } from '../../dashboards/queries';
import { placeMapData } from '../../maps/places';
import { longDay, SUPPRESSED_TEXT } from '../common';
import {
  countText,
  figure,
  per1000Text,
  populationText,
  registerSource,
  span,
  type LagesbildData,
} from './lagesbild-data';

export const KARTA_KOMMUNER = 'karta-kommuner';
export const KARTA_PLATSER = 'karta-platser';
/** Places listed by name on the place map's table; the rest are summed in one row. */
export const KARTA_TOP_PLACES = 15;
/** The map's frame in px: the print column's width (about 166 mm), well under half a page high. */
export const KARTA_SIZE = { width: 640, height: 400 } as const;

export const ROW_OTHER_PLACES = 'Övriga platser';
export const ROW_KOMMUN_ONLY = 'Bara kommunen som plats';
export const ROW_WITHOUT_POSITION = 'Platser utan känd position';
export const ROW_POSITION_ONLY = 'Position utan platsnamn';
export const ROW_ALL = 'Alla händelser';

function incompleteNote(d: LagesbildData): { note?: string } {
  return d.incomplete && d.asOf ? { note: `Perioden är inte slut: händelser till och med ${longDay(d.asOf)}.` } : {};
}

/** The kommuner of the choropleth: an LPO's own, or for a kommun its LPO's (as "lpo-jamforelse"). */
function choroplethFilter(d: LagesbildData) {
  return d.isLpo
    ? { kommunIds: d.kommunIds, fromDay: d.from, toDay: d.to }
    : { lpoIds: [d.input.area.lpo.id], fromDay: d.from, toDay: d.to };
}

function kartaKommuner(d: LagesbildData): Figure {
  const period = span({ fromDay: d.from, toDay: d.to });
  const res = compareKommuner(d.db, choroplethFilter(d));
  const codes = new Map(d.input.area.lpo.kommuner.map((k) => [k.id, k.scbCode]));
  const chosen = new Set(d.kommunIds);
  const rows: RateRow[] = res.rows.map((r) => ({
    kommunId: r.kommunId,
    code: codes.get(r.kommunId) ?? '',
    name: d.name(r.kommunId),
    total: r.total,
    population: r.population,
    populationYear: r.populationYear,
    per1000: r.per1000,
  }));
  const caption = `Karta: händelser per 1 000 invånare per kommun, ${period}`;
  const map = choroplethSpec(rows, caption, KARTA_SIZE);
  const table = {
    head: ['Kommun', 'Händelser', 'Folkmängd (år)', 'Per 1 000 inv.'],
    rows: rows.map((r) => [
      `${r.name}${!d.isLpo && chosen.has(r.kommunId) ? ' (denna kommun)' : ''}`,
      formatInteger(r.total),
      populationText(r.population, r.populationYear),
      per1000Text(r.per1000),
    ]),
  };
  const around = d.isLpo ? '' : ` i lokalpolisområde ${d.input.area.lpo.name}`;
  return {
    ...figure(KARTA_KOMMUNER, caption, table, {
      alt: `Karta: händelser per 1 000 invånare i ${formatCount(rows.length, 'kommun', 'kommuner')}${around}. ${map.desc}`,
      source: `${registerSource(d)} Befolkning: SCB.`,
      ...incompleteNote(d),
    }),
    map,
  };
}

function placeRows(d: LagesbildData, places: readonly PlaceCount[]): string[][] {
  const rows = places
    .slice(0, KARTA_TOP_PLACES)
    .map((p, i) => [`${i + 1}. ${p.name}`, d.name(p.kommunId), countText(d, p.count, [p.kommunId])]);
  const rest = places.slice(KARTA_TOP_PLACES);
  if (rest.length > 0) {
    const ids = [...new Set(rest.map((p) => p.kommunId))];
    const n = rest.reduce((s, p) => s + p.count, 0);
    rows.push([
      `${ROW_OTHER_PLACES} (${formatCount(rest.length, 'plats', 'platser')})`,
      ids.length === 1 ? d.name(ids[0]!) : '',
      countText(d, n, ids),
    ]);
  }
  return rows;
}

/**
 * The places' numbers as symbols of their own, drawn after every circle (so no circle covers a number):
 * each beside its circle, right, left, above or below, wherever it meets the fewest other numbers and
 * circles (MapSvg writes a symbol's text at x + r + 3, y + 4; these have r = 0 and draw no circle).
 */
function numberLabels(map: MapSpec, rank: ReadonlyMap<string, number>): MapSymbol[] {
  const symbols = map.symbols ?? [];
  const circles: Box[] = symbols.map((c) => [c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r]);
  // The kommuner's names (drawn last, over everything) are in the way from the start.
  const placed = kommunNameBoxes(map.areas);
  const out: MapSymbol[] = [];
  const ranked = symbols.filter((c) => rank.has(c.key)).sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  for (const c of ranked) {
    const text = String(rank.get(c.key));
    const w = 6.5 * text.length;
    // Text origins (left end of the baseline) around the circle, in order of preference.
    const origins: [number, number][] = [
      [c.x + c.r + 2, c.y + 4],
      [c.x - c.r - 2 - w, c.y + 4],
      [c.x - w / 2, c.y - c.r - 3],
      [c.x - w / 2, c.y + c.r + 11],
    ];
    const scored = origins.map(([tx, ty]) => {
      const box: Box = [tx, ty - 9, tx + w, ty + 2];
      const hits =
        placed.filter((p) => overlaps(p, box)).length * 2 +
        circles.filter((b, i) => symbols[i] !== c && overlaps(b, box)).length;
      return { tx, ty, box, hits };
    });
    const best = scored.reduce((a, b) => (b.hits < a.hits ? b : a));
    placed.push(best.box);
    out.push({ key: `${c.key}-nr`, x: best.tx - 3, y: best.ty - 4, r: 0, label: c.label, text });
  }
  return out;
}

function kartaPlatser(d: LagesbildData): Figure {
  const period = span({ fromDay: d.from, toDay: d.to });
  const data = placeMapData(d.db, { kommunIds: d.kommunIds, fromDay: d.from, toDay: d.to });
  const kommuner = new Map(d.kommuner.map((k) => [k.id, { code: k.scbCode, name: k.name }]));
  const caption = `Karta: platser med händelser, ${period}`;
  // Every count the map writes (notes, legend, description) as the table writes it: in a published
  // document a small count is "färre än 3" in both.
  const count = (n: number, one: string, many: string) => {
    const text = countText(d, n);
    return text === SUPPRESSED_TEXT ? `${text} ${many}` : formatCount(n, one, many);
  };
  const map = placeSpec({ data, kommuner, focusKommunIds: d.kommunIds, title: caption, count }, KARTA_SIZE);
  const t = data.totals;
  const all = (label: string, n: number): string[] => [label, '', countText(d, n)];
  const rows = [
    ...placeRows(d, data.places),
    all(ROW_KOMMUN_ONLY, t.byLocation.kommun),
    ...(t.atPlacesWithoutPosition > 0 ? [all(ROW_WITHOUT_POSITION, t.atPlacesWithoutPosition)] : []),
    ...(t.byLocation.position > 0 ? [all(ROW_POSITION_ONLY, t.byLocation.position)] : []),
    [ROW_ALL, '', formatInteger(t.total)],
  ];
  // The named places carry their number in the table beside their circle (the print has no hover).
  const rank = new Map(data.places.slice(0, KARTA_TOP_PLACES).map((p, i) => [String(p.placeId), i + 1]));
  // Numbers instead of the screen's names beside the largest circles: the table names every one of them.
  map.symbols = (map.symbols ?? []).map((sym) => ({ ...sym, text: undefined }));
  map.symbols = [...map.symbols, ...numberLabels(map, rank)];
  if (rank.size > 0) map.notes.push('Numret vid en cirkel är platsens nummer i tabellen.');
  // In print the places without a position are a row of the table, not a list beside the map.
  map.notes = map.notes.map((n) => n.replace(' (listade bredvid)', ' (se tabellen)'));
  return {
    ...figure(
      KARTA_PLATSER,
      caption,
      { head: ['Plats', 'Kommun', 'Händelser'], rows },
      {
        alt: `${map.desc} ${map.notes[0]}`,
        source: registerSource(d),
        ...incompleteNote(d),
      },
    ),
    map,
  };
}

/** Kartläggning, Omfattning: the choropleth. */
export function kartaKommunerBlocks(d: LagesbildData): Block[] {
  return [kartaKommuner(d)];
}

/** Kartläggning, Platser: the place map. */
export function kartaPlatserBlocks(d: LagesbildData): Block[] {
  return [kartaPlatser(d)];
}

/**
 * Choropleth of incidents per 1 000 inhabitants per kommun: classes by quantile of the kommuner's rates,
 * each class named by the lowest and highest rate in it (the legend never claims a range without a
 * kommun in it), in ColorBrewer's YlOrRd — sequential and safe for colour-blind readers.
 */
import { formatDecimal1, formatInteger } from '../format';
import { BOUNDARY_ATTRIBUTION } from './boundaries';
import { CONTEXT_FILL, mapFrame, type FrameOptions } from './frame';
import type { LegendItem, MapArea, MapSpec } from './spec';

/** ColorBrewer YlOrRd (5 classes); fewer classes take colours spread over the same ramp. */
export const RATE_PALETTE = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
const PICK: Record<number, number[]> = { 1: [2], 2: [1, 3], 3: [0, 2, 4], 4: [0, 1, 3, 4], 5: [0, 1, 2, 3, 4] };
export const NO_RATE_FILL = '#ffffff';

export interface RateRow {
  kommunId: number;
  code: string;
  name: string;
  total: number;
  population: number | null;
  populationYear: number | null;
  per1000: number | null;
}

export interface RateClass {
  min: number;
  max: number;
  color: string;
}

/** Up to five classes of about equal size; a value belongs to the first class whose max it does not exceed. */
export function rateClasses(values: readonly number[], wanted = 5): RateClass[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const k = Math.min(wanted, sorted.length);
  if (k === 0) return [];
  const colors = PICK[k]!.map((i) => RATE_PALETTE[i]!);
  const classes: RateClass[] = [];
  for (let c = 0; c < k; c++) {
    const from = Math.floor((c * sorted.length) / k);
    const to = Math.floor(((c + 1) * sorted.length) / k) - 1;
    classes.push({ min: sorted[from]!, max: sorted[to]!, color: colors[c]! });
  }
  return classes;
}

export function classOf(value: number, classes: readonly RateClass[]): RateClass | undefined {
  return classes.find((c) => value <= c.max) ?? classes[classes.length - 1];
}

/**
 * "6,0–6,8" per class, with as many decimals (1–3) as it takes for different rates to read differently:
 * rates of a short period are small, and "0,8–0,8" beside "0,5–0,8" would say nothing.
 */
export function classLabels(classes: readonly RateClass[]): string[] {
  const values = [...new Set(classes.flatMap((c) => [c.min, c.max]))];
  let digits = 1;
  for (; digits < 3; digits++) {
    const f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    if (new Set(values.map((v) => f.format(v))).size === values.length) break;
  }
  const f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return classes.map((c) => (c.min === c.max ? f.format(c.min) : `${f.format(c.min)}–${f.format(c.max)}`));
}

export function rateLabel(r: RateRow): string {
  const people = r.population === null ? 'folkmängd saknas' : `${formatInteger(r.population)} invånare`;
  const rate = r.per1000 === null ? 'ingen andel' : `${formatDecimal1(r.per1000)} per 1 000 invånare`;
  return `${r.name}: ${formatInteger(r.total)} händelser, ${people}, ${rate}`;
}

function populationNote(rows: readonly RateRow[]): string {
  const years = [...new Set(rows.map((r) => r.populationYear).filter((y): y is number => y !== null))].sort();
  if (years.length === 0) return 'Folkmängd saknas';
  return `Folkmängd ${years.join(', ')}`;
}

export function choroplethSpec(rows: readonly RateRow[], title: string, options: FrameOptions = {}): MapSpec {
  const frame = mapFrame(
    rows.map((r) => r.code),
    options,
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const classes = rateClasses(rows.flatMap((r) => (r.per1000 === null ? [] : [r.per1000])));
  const areas: MapArea[] = frame.areas.map((a) => {
    const row = a.focus ? byCode.get(a.code) : undefined;
    if (!row) return { ...a, focus: false, fill: CONTEXT_FILL };
    const cls = row.per1000 === null ? undefined : classOf(row.per1000, classes);
    return { ...a, fill: cls?.color ?? NO_RATE_FILL, label: rateLabel(row), kommunId: row.kommunId };
  });
  const legend: LegendItem[] = classLabels(classes).map((label, i) => ({ color: classes[i]!.color, label }));
  if (rows.some((r) => r.per1000 === null)) legend.push({ color: NO_RATE_FILL, label: 'Folkmängd saknas' });
  legend.push({ color: CONTEXT_FILL, label: 'Utanför urvalet' });
  const highest = [...rows].filter((r) => r.per1000 !== null).sort((a, b) => b.per1000! - a.per1000!)[0];
  return {
    width: frame.width,
    height: frame.height,
    title,
    desc:
      rows.length === 0
        ? 'Inga kommuner i urvalet.'
        : `Händelser per 1 000 invånare i ${formatInteger(rows.length)} kommuner` +
          (highest ? `; högst i ${highest.name} (${formatDecimal1(highest.per1000!)}).` : '.'),
    areas,
    legendTitle: `Händelser per 1 000 invånare (${populationNote(rows)})`,
    legend,
    notes: [],
    attribution: BOUNDARY_ATTRIBUTION,
  };
}

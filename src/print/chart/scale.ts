/** Axes for the print charts: round tick values, Swedish number labels, and text measured by estimate. */

export interface Axis {
  min: number;
  max: number;
  ticks: number[];
  /** Decimals the tick labels need. */
  decimals: number;
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/** An axis from 0 (or below, for negative values) to a round number above the largest value. */
export function valueAxis(values: readonly (number | null)[], count = 5): Axis {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (lo === hi) hi = lo + 1;
  const step = niceStep(hi - lo, count);
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  const decimals = step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
  return { min: lo, max: hi, ticks, decimals };
}

const formats = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1 234,5" with the given decimals (Swedish: narrow space, decimal comma, minus sign). */
export function formatNumber(v: number, decimals: number): string {
  let f = formats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, f);
  }
  return f.format(v);
}

/** Decimals for printing the values themselves: none for counts, else one (as the tables print rates). */
export function valueDecimals(values: readonly (number | null)[]): number {
  return values.every((v) => v === null || Number.isInteger(v)) ? 0 : 1;
}

/** The width of a text in the chart font, by estimate (Source Sans 3 is narrow: about half an em a letter). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[ilj.,:;!'|\s\u202f\u00a0]/.test(ch) ? 0.26 : /[mwMW]/.test(ch) ? 0.8 : 0.52;
  return em * fontSize;
}

/** The text cut with "…" so it fits the width. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Series colours: distinct in hue and in lightness (they stay apart printed in grey), with dash patterns
 * for lines so a grey print still tells them apart.
 */
export const SERIES_COLORS = ['#1f4e79', '#e08a2c', '#5b9bd5', '#6b6b6b', '#70a047', '#a33b5c', '#9e7bbf', '#3a8f8a'];
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3', '8 3 2 3'];

export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;
export const seriesDash = (i: number): string => SERIES_DASHES[i % SERIES_DASHES.length]!;

/** The chart's font sizes in SVG units (the SVG is 640 units wide on a ~166 mm column: 1 unit ≈ 0.26 mm). */
export const FONT = { tick: 11, label: 11, value: 10, legend: 11 } as const;
export const CHART_WIDTH = 640;

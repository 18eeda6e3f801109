/** @jsxRuntime automatic */
/** What every print chart shares: the accessible SVG frame, the legend, and the value axis's grid. */
import type { ReactNode } from 'react';
import { CHART_WIDTH, FONT, formatNumber, seriesColor, seriesDash, textWidth, type Axis } from './scale';

export const INK = '#222222';
export const MUTED = '#555555';
export const GRID = '#d9d9d9';

/**
 * The SVG of a chart: a figure with a text alternative, drawn to the column's width; nothing in it moves or
 * waits. Chromium takes a figure's /Alt in the tagged PDF from its accessible name only, so the label holds
 * both the caption (the title) and what the chart shows (the description).
 */
export function ChartSvg(props: { title: string; desc: string; height: number; children: ReactNode }) {
  const { title, desc, height, children } = props;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="chart"
      role="img"
      aria-label={desc && desc !== title ? `${title}. ${desc}` : title}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      fontFamily="'Source Sans 3'"
      fill={INK}
    >
      <title>{title}</title>
      <desc>{desc}</desc>
      {children}
    </svg>
  );
}

/** The series' names in a row (wrapping to a second row if need be), each with its swatch. */
export function Legend(props: { names: string[]; kind: 'box' | 'line'; y: number; x?: number }) {
  const { names, kind } = props;
  const items: ReactNode[] = [];
  let x = props.x ?? 0;
  let y = props.y;
  names.forEach((name, i) => {
    const w = 22 + textWidth(name, FONT.legend) + 18;
    if (x + w > CHART_WIDTH && x > (props.x ?? 0)) {
      x = props.x ?? 0;
      y += 18;
    }
    items.push(
      <g key={i} transform={`translate(${x} ${y})`}>
        {kind === 'box' ? (
          <rect x={0} y={-9} width={14} height={10} fill={seriesColor(i)} />
        ) : (
          <line
            x1={0}
            x2={16}
            y1={-4}
            y2={-4}
            stroke={seriesColor(i)}
            strokeWidth={2.5}
            strokeDasharray={seriesDash(i) || undefined}
          />
        )}
        <text x={22} y={0} fontSize={FONT.legend}>
          {name}
        </text>
      </g>,
    );
    x += w;
  });
  return <g className="legend">{items}</g>;
}

/** Rows the legend needs at the chart's width. */
export function legendRows(names: string[], x0 = 0): number {
  let rows = 1;
  let x = x0;
  for (const name of names) {
    const w = 22 + textWidth(name, FONT.legend) + 18;
    if (x + w > CHART_WIDTH && x > x0) {
      rows++;
      x = x0;
    }
    x += w;
  }
  return rows;
}

/** Grid lines and tick labels of a value axis, vertical (y) or horizontal (x). */
export function ValueGrid(props: {
  axis: Axis;
  orientation: 'vertical' | 'horizontal';
  /** Value → position along the axis. */
  at: (v: number) => number;
  /** The plot's extent across the axis. */
  from: number;
  to: number;
}) {
  const { axis, orientation, at, from, to } = props;
  return (
    <g className="grid">
      {axis.ticks.map((t) => {
        const p = at(t);
        const strong = t === 0;
        const label = formatNumber(t, axis.decimals);
        return orientation === 'vertical' ? (
          <g key={t}>
            <line x1={from} x2={to} y1={p} y2={p} stroke={strong ? MUTED : GRID} strokeWidth={strong ? 1 : 0.75} />
            <text x={from - 6} y={p + 4} fontSize={FONT.tick} textAnchor="end" fill={MUTED}>
              {label}
            </text>
          </g>
        ) : (
          <g key={t}>
            <line y1={from} y2={to} x1={p} x2={p} stroke={strong ? MUTED : GRID} strokeWidth={strong ? 1 : 0.75} />
            <text y={to + 14} x={p} fontSize={FONT.tick} textAnchor="middle" fill={MUTED}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** How wide the tick labels of an axis are, for the margin beside a vertical axis. */
export function tickLabelWidth(axis: Axis): number {
  return Math.max(...axis.ticks.map((t) => textWidth(formatNumber(t, axis.decimals), FONT.tick)));
}

/** @jsxRuntime automatic */
/**
 * Line charts: one line per series over the labels (years, months); a missing value breaks the line, and
 * every value has a marker, so a lone value between gaps still shows. Lines differ in colour and dash.
 */
import type { ChartSpec } from '../../shared/report';
import { ChartSvg, Legend, MUTED, ValueGrid, legendRows, tickLabelWidth } from './frame';
import { CHART_WIDTH, FONT, seriesColor, seriesDash, textWidth, valueAxis } from './scale';

/** Runs of consecutive values, split where a value is missing. */
function segments(values: (number | null)[]): { i: number; v: number }[][] {
  const out: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ i, v });
  });
  if (run.length) out.push(run);
  return out;
}

const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;

function Marker(props: { shape: (typeof MARKERS)[number]; x: number; y: number; color: string }) {
  const { shape, x, y, color } = props;
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={3.2} fill={color} />;
    case 'square':
      return <rect x={x - 3} y={y - 3} width={6} height={6} fill={color} />;
    case 'diamond':
      return <path d={`M${x} ${y - 4}L${x + 4} ${y}L${x} ${y + 4}L${x - 4} ${y}Z`} fill={color} />;
    case 'triangle':
      return <path d={`M${x} ${y - 4}L${x + 4} ${y + 3}L${x - 4} ${y + 3}Z`} fill={color} />;
  }
}

export function Lines(props: { spec: ChartSpec; title: string; desc: string }) {
  const { spec, title, desc } = props;
  const axis = valueAxis(spec.series.flatMap((s) => s.values));
  const names = spec.series.map((s) => s.name);
  const legend = names.length > 1 ? legendRows(names) * 18 + 6 : 0;
  const top = legend + 22;
  const plotH = 210;
  const left = tickLabelWidth(axis) + 10;
  const right = CHART_WIDTH - 8;
  const bottom = top + plotH;
  const height = bottom + 24;
  const n = spec.labels.length;
  const pad = 14;
  const step = n > 1 ? (right - left - 2 * pad) / (n - 1) : 0;
  const x = (i: number) => (n > 1 ? left + pad + i * step : (left + right) / 2);
  const y = (v: number) => top + ((axis.max - v) / (axis.max - axis.min)) * plotH;
  const widest = Math.max(0, ...spec.labels.map((l) => textWidth(l, FONT.label) + 6));
  const labelEvery = step > 0 ? Math.max(1, Math.ceil(widest / step)) : 1;
  return (
    <ChartSvg title={title} desc={desc} height={height}>
      {legend > 0 && <Legend names={names} kind="line" y={14} />}
      <text x={0} y={top - 10} fontSize={FONT.tick} fill={MUTED}>
        {spec.unit}
      </text>
      <ValueGrid axis={axis} orientation="vertical" at={y} from={left} to={right} />
      {spec.labels.map((label, i) =>
        i % labelEvery === 0 ? (
          <text key={i} x={x(i)} y={bottom + 16} fontSize={FONT.label} textAnchor="middle">
            {label}
          </text>
        ) : null,
      )}
      {spec.series.map((s, j) => (
        <g key={j}>
          {segments(s.values).map((run, k) => (
            <polyline
              key={k}
              points={run.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}
              fill="none"
              stroke={seriesColor(j)}
              strokeWidth={2.2}
              strokeLinejoin="round"
              strokeDasharray={seriesDash(j) || undefined}
            />
          ))}
          {s.values.map((v, i) =>
            v === null ? null : (
              <Marker key={i} shape={MARKERS[j % MARKERS.length]!} x={x(i)} y={y(v)} color={seriesColor(j)} />
            ),
          )}
        </g>
      ))}
    </ChartSvg>
  );
}

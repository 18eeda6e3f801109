/** @jsxRuntime automatic */
/**
 * A heatmap: a row per series (weekdays), a column per label (hours); darker = more. Each cell carries its
 * number when it fits, so the chart reads without the colour scale; a missing value is a blank cell with "–".
 */
import type { ChartSpec } from '../../shared/report';
import { ChartSvg, INK, MUTED } from './frame';
import { CHART_WIDTH, FONT, fitText, formatNumber, textWidth, valueDecimals } from './scale';

const LOW = [0xf1, 0xf5, 0xfa] as const;
const HIGH = [0x12, 0x3a, 0x63] as const;

/** The cell colour for a share of the largest value (0…1). */
export function heatColor(t: number): string {
  const c = LOW.map((lo, k) => Math.round(lo + (HIGH[k]! - lo) * Math.max(0, Math.min(1, t))));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export function Heatmap(props: { spec: ChartSpec; title: string; desc: string; idPrefix: string }) {
  const { spec, title, desc, idPrefix } = props;
  const values = spec.series.flatMap((s) => s.values);
  const decimals = valueDecimals(values);
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const labelW = Math.min(150, Math.max(0, ...spec.series.map((s) => textWidth(s.name, FONT.label))) + 4);
  const left = labelW + 8;
  const cols = Math.max(1, spec.labels.length);
  const cellW = (CHART_WIDTH - left - 2) / cols;
  const cellH = Math.max(16, Math.min(28, cellW * 0.9));
  const top = 8;
  const bottom = top + cellH * spec.series.length;
  const scaleY = bottom + 34;
  const height = scaleY + 26;
  const widest = Math.max(0, ...spec.labels.map((l) => textWidth(l, FONT.tick) + 4));
  const labelEvery = Math.max(1, Math.ceil(widest / cellW));
  const gradient = `${idPrefix}-scale`;
  return (
    <ChartSvg title={title} desc={desc} height={height}>
      <defs>
        <linearGradient id={gradient} x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" stopColor={heatColor(0)} />
          <stop offset="1" stopColor={heatColor(1)} />
        </linearGradient>
      </defs>
      {spec.series.map((s, r) => (
        <g key={r}>
          <text x={labelW} y={top + r * cellH + cellH / 2 + 4} fontSize={FONT.label} textAnchor="end">
            {fitText(s.name, labelW, FONT.label)}
          </text>
          {spec.labels.map((_, c) => {
            const v = s.values[c] ?? null;
            const t = v === null || max === 0 ? 0 : v / max;
            const cx = left + c * cellW;
            const cy = top + r * cellH;
            const text = v === null ? '–' : formatNumber(v, decimals);
            const fits = textWidth(text, FONT.value - 1) <= cellW - 3;
            return (
              <g key={c}>
                <rect
                  x={cx}
                  y={cy}
                  width={cellW}
                  height={cellH}
                  fill={v === null ? '#ffffff' : heatColor(t)}
                  stroke="#ffffff"
                  strokeWidth={1}
                />
                {fits && (
                  <text
                    x={cx + cellW / 2}
                    y={cy + cellH / 2 + 3.5}
                    fontSize={FONT.value - 1}
                    textAnchor="middle"
                    fill={v === null ? MUTED : t > 0.5 ? '#ffffff' : INK}
                  >
                    {text}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      ))}
      {spec.labels.map((label, c) =>
        c % labelEvery === 0 ? (
          <text
            key={c}
            x={left + (c + 0.5) * cellW}
            y={bottom + 14}
            fontSize={FONT.tick}
            textAnchor="middle"
            fill={MUTED}
          >
            {label}
          </text>
        ) : null,
      )}
      <g className="scale">
        <rect x={left} y={scaleY - 10} width={160} height={10} fill={`url(#${gradient})`} />
        <text x={left - 6} y={scaleY} fontSize={FONT.tick} textAnchor="end" fill={MUTED}>
          {formatNumber(0, 0)}
        </text>
        <text x={left + 166} y={scaleY} fontSize={FONT.tick} fill={MUTED}>
          {`${formatNumber(max, decimals)} ${spec.unit}`}
        </text>
      </g>
    </ChartSvg>
  );
}

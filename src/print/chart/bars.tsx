/** @jsxRuntime automatic */
/**
 * Bar charts. Short labels (years, months) stand under vertical columns; long ones (categories, places)
 * read better beside horizontal bars. Negative values (a z score) go below or left of the zero line; a
 * missing value is marked "–" rather than drawn as zero.
 */
import type { ChartSpec } from '../../shared/report';
import { ChartSvg, Legend, MUTED, ValueGrid, legendRows, tickLabelWidth } from './frame';
import { CHART_WIDTH, FONT, fitText, formatNumber, seriesColor, textWidth, valueAxis, valueDecimals } from './scale';

interface Props {
  spec: ChartSpec;
  title: string;
  desc: string;
}

/** Columns when every label is short and there are not too many bars; else horizontal bars. */
export function barsAreVertical(spec: ChartSpec): boolean {
  const longest = Math.max(0, ...spec.labels.map((l) => textWidth(l, FONT.label)));
  return longest <= 48 && spec.labels.length * Math.max(1, spec.series.length) <= 48;
}

export function Bars(props: Props) {
  return barsAreVertical(props.spec) ? <Columns {...props} /> : <HorizontalBars {...props} />;
}

function allValues(spec: ChartSpec): (number | null)[] {
  return spec.series.flatMap((s) => s.values);
}

function Columns({ spec, title, desc }: Props) {
  const values = allValues(spec);
  const axis = valueAxis(values);
  const decimals = valueDecimals(values);
  const names = spec.series.map((s) => s.name);
  const legend = names.length > 1 ? legendRows(names) * 18 + 6 : 0;
  const top = legend + 22;
  const plotH = 210;
  const left = tickLabelWidth(axis) + 10;
  const right = CHART_WIDTH - 4;
  const bottom = top + plotH;
  const height = bottom + 24;
  const y = (v: number) => top + ((axis.max - v) / (axis.max - axis.min)) * plotH;
  const groupW = (right - left) / Math.max(1, spec.labels.length);
  const barW = Math.min(56, (groupW * 0.76) / Math.max(1, spec.series.length));
  const groupPad = (groupW - barW * spec.series.length) / 2;
  const labelEvery = Math.max(1, Math.ceil(Math.max(...spec.labels.map((l) => textWidth(l, FONT.label) + 6)) / groupW));
  return (
    <ChartSvg title={title} desc={desc} height={height}>
      {legend > 0 && <Legend names={names} kind="box" y={14} />}
      <text x={0} y={top - 10} fontSize={FONT.tick} fill={MUTED}>
        {spec.unit}
      </text>
      <ValueGrid axis={axis} orientation="vertical" at={y} from={left} to={right} />
      {spec.labels.map((label, i) => (
        <g key={i}>
          {spec.series.map((s, j) => {
            const v = s.values[i] ?? null;
            const x = left + i * groupW + groupPad + j * barW;
            if (v === null)
              return (
                <text key={j} x={x + barW / 2} y={y(0) - 4} fontSize={FONT.value} textAnchor="middle" fill={MUTED}>
                  –
                </text>
              );
            const y0 = Math.min(y(0), y(v));
            const text = formatNumber(v, decimals);
            const fits = textWidth(text, FONT.value) <= barW + 4;
            return (
              <g key={j}>
                <rect
                  x={x + 0.5}
                  y={y0}
                  width={Math.max(1, barW - 1)}
                  height={Math.abs(y(v) - y(0))}
                  fill={seriesColor(j)}
                />
                {fits && (
                  <text x={x + barW / 2} y={v >= 0 ? y(v) - 4 : y(v) + 12} fontSize={FONT.value} textAnchor="middle">
                    {text}
                  </text>
                )}
              </g>
            );
          })}
          {i % labelEvery === 0 && (
            <text x={left + (i + 0.5) * groupW} y={bottom + 16} fontSize={FONT.label} textAnchor="middle">
              {label}
            </text>
          )}
        </g>
      ))}
    </ChartSvg>
  );
}

function HorizontalBars({ spec, title, desc }: Props) {
  const values = allValues(spec);
  const axis = valueAxis(values);
  const decimals = valueDecimals(values);
  const names = spec.series.map((s) => s.name);
  const n = Math.max(1, spec.series.length);
  const legend = names.length > 1 ? legendRows(names) * 18 + 6 : 0;
  const top = legend + 22;
  const labelW = Math.min(CHART_WIDTH * 0.38, Math.max(...spec.labels.map((l) => textWidth(l, FONT.label))) + 4);
  const valueW = Math.max(0, ...values.map((v) => (v === null ? 0 : textWidth(formatNumber(v, decimals), FONT.value))));
  // Room for the labels of negative bars between the category labels and the plot.
  const left = labelW + 10 + (values.some((v) => v !== null && v < 0) ? valueW + 6 : 0);
  const right = CHART_WIDTH - valueW - 8;
  // A long list gets thinner bars so the chart stays within about half a page.
  const barH = Math.max(4, Math.min(14, (430 / Math.max(1, spec.labels.length) - 6) / n));
  const groupH = Math.max(barH * n + 6, 15);
  const plotH = groupH * spec.labels.length;
  const bottom = top + plotH;
  const height = bottom + 24;
  const x = (v: number) => left + ((v - axis.min) / (axis.max - axis.min)) * (right - left);
  return (
    <ChartSvg title={title} desc={desc} height={height}>
      {legend > 0 && <Legend names={names} kind="box" y={14} />}
      <text x={right} y={top - 8} fontSize={FONT.tick} fill={MUTED} textAnchor="end">
        {spec.unit}
      </text>
      <ValueGrid axis={axis} orientation="horizontal" at={x} from={top} to={bottom} />
      {spec.labels.map((label, i) => {
        const g = top + i * groupH;
        const first = g + (groupH - barH * n) / 2;
        return (
          <g key={i}>
            <text x={labelW} y={g + groupH / 2 + 4} fontSize={FONT.label} textAnchor="end">
              {fitText(label, labelW, FONT.label)}
            </text>
            {spec.series.map((s, j) => {
              const v = s.values[i] ?? null;
              const by = first + j * barH;
              if (v === null)
                return (
                  <text key={j} x={x(0) + 4} y={by + barH / 2 + 3.5} fontSize={FONT.value} fill={MUTED}>
                    –
                  </text>
                );
              const x0 = Math.min(x(0), x(v));
              return (
                <g key={j}>
                  <rect
                    x={x0}
                    y={by + 0.5}
                    width={Math.abs(x(v) - x(0))}
                    height={Math.max(1, barH - 1)}
                    fill={seriesColor(j)}
                  />
                  {barH >= 8 && (
                    <text
                      x={v >= 0 ? x(v) + 4 : x(v) - 4}
                      y={by + barH / 2 + 3.5}
                      fontSize={FONT.value}
                      textAnchor={v >= 0 ? 'start' : 'end'}
                    >
                      {formatNumber(v, decimals)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}

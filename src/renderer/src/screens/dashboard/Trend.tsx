import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint, TrendSplit } from '../../../../shared/dashboards';
import { TREND_SPLITS } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { categoryLabel } from '../../../../shared/taxonomy';
import { formatInteger } from '../../../../shared/format';
import { call } from '../../lib/client';
import { openRegister } from '../../lib/route';
import { BLUE, GREY, SERIES, Status, type Selection } from './common';

export type { TrendSplit };

const SPLIT_LABELS: Record<TrendSplit, string> = {
  summa: 'En linje för urvalet',
  kommun: 'En linje per kommun',
  kategori: 'En linje per kategori',
};

interface Series {
  key: string;
  label: string;
  /** What narrows the selection to this series' rows. */
  narrower: IncidentFilter;
}

function seriesOf(p: TrendPoint, split: TrendSplit, names: Map<number, string>): Series {
  if (split === 'kommun')
    return { key: `k${p.kommunId}`, label: names.get(p.kommunId) ?? '', narrower: { kommunIds: [p.kommunId] } };
  if (split === 'kategori')
    return { key: `c${p.category}`, label: categoryLabel(p.category), narrower: { categories: [p.category] } };
  return { key: 'alla', label: 'Urvalet', narrower: {} };
}

interface Row {
  period: string;
  fromDay: string;
  toDay: string;
  /** Per series key: this period's count and the same period a year earlier. */
  n: Record<string, number>;
  previous: Record<string, number>;
}

export function Trend({
  selection,
  by,
  setBy,
  split,
  setSplit,
  names,
}: {
  selection: Selection;
  by: 'month' | 'week';
  setBy: (b: 'month' | 'week') => void;
  split: TrendSplit;
  setSplit: (s: TrendSplit) => void;
  names: Map<number, string>;
}) {
  const lastYear = {
    ...selection,
    fromDay: `${Number(selection.fromDay.slice(0, 4)) - 1}${selection.fromDay.slice(4).replace('-02-29', '-02-28')}`,
    toDay: `${Number(selection.toDay.slice(0, 4)) - 1}${selection.toDay.slice(4).replace('-02-29', '-02-28')}`,
  };
  const now = useQuery({
    queryKey: ['dashboards.trend', selection, by],
    queryFn: () => call('dashboards.trend', { filter: selection, by }),
  });
  const before = useQuery({
    queryKey: ['dashboards.trend', lastYear, by],
    queryFn: () => call('dashboards.trend', { filter: lastYear, by }),
  });
  const { rows, series } = useMemo(() => {
    const series = new Map<string, Series>();
    const rows = new Map<string, Row>();
    for (const p of now.data ?? []) {
      const s = seriesOf(p, split, names);
      series.set(s.key, s);
      let row = rows.get(p.period);
      if (!row)
        rows.set(p.period, (row = { period: p.period, fromDay: p.fromDay, toDay: p.toDay, n: {}, previous: {} }));
      if (p.fromDay < row.fromDay) row.fromDay = p.fromDay;
      if (p.toDay > row.toDay) row.toDay = p.toDay;
      row.n[s.key] = (row.n[s.key] ?? 0) + p.n;
    }
    for (const p of before.data ?? []) {
      const row = rows.get(`${Number(p.period.slice(0, 4)) + 1}${p.period.slice(4)}`);
      if (!row) continue;
      const s = seriesOf(p, split, names);
      if (!series.has(s.key)) series.set(s.key, s);
      row.previous[s.key] = (row.previous[s.key] ?? 0) + p.n;
    }
    const ordered = [...series.values()].sort((a, b) => a.label.localeCompare(b.label, 'sv'));
    return { rows: [...rows.values()].sort((a, b) => a.period.localeCompare(b.period)), series: ordered };
  }, [now.data, before.data, split, names]);
  const data = rows.map((r) => {
    const flat: Record<string, number | string> = { period: r.period };
    for (const s of series) {
      flat[s.key] = r.n[s.key] ?? 0;
      flat[`${s.key}:fjol`] = r.previous[s.key] ?? 0;
    }
    return flat;
  });
  const open = (row: Row | undefined, narrower: IncidentFilter = {}) =>
    row && openRegister({ ...selection, fromDay: row.fromDay, toDay: row.toDay, ...narrower });
  const single = series.length === 1;
  const clickedSeries = useRef<IncidentFilter | null>(null);
  return (
    <div className="dashboard-panel" data-testid="dashboard-trend">
      <h3>Händelser per {by === 'month' ? 'månad' : 'ISO-vecka'}, samma period förra året streckad</h3>
      <label className="inline">
        Per
        <select aria-label="Tidsindelning" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
          <option value="month">Månad</option>
          <option value="week">Vecka (ISO)</option>
        </select>
      </label>
      <label className="inline">
        Linjer
        <select aria-label="Linjer" value={split} onChange={(e) => setSplit(e.target.value as TrendSplit)}>
          {TREND_SPLITS.map((s) => (
            <option key={s} value={s}>
              {SPLIT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <Status loading={now.isLoading} error={now.error ?? before.error} empty={!!now.data && rows.length === 0} />
      {now.data && rows.length > 0 && (
        <>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={320}>
              <LineChart
                data={data}
                margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
                onClick={(e) => {
                  const i = Number((e as { activeTooltipIndex?: number | string } | null)?.activeTooltipIndex);
                  // A click on one line's point opens that series; elsewhere, the whole selection that period.
                  if (Number.isInteger(i)) open(rows[i], clickedSeries.current ?? {});
                  clickedSeries.current = null;
                }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="period" />
                <YAxis allowDecimals={false} />
                <Tooltip formatter={(v) => formatInteger(Number(v))} />
                <Legend />
                {series.map((s, i) => {
                  const colour = single ? BLUE : SERIES[i % SERIES.length]!;
                  return [
                    <Line
                      key={`${s.key}:fjol`}
                      name={`${s.label}, förra året`}
                      dataKey={`${s.key}:fjol`}
                      stroke={single ? GREY : colour}
                      strokeOpacity={0.45}
                      strokeDasharray="4 3"
                      dot={false}
                      activeDot={false}
                      legendType={single ? 'line' : 'none'}
                      isAnimationActive={false}
                    />,
                    <Line
                      key={s.key}
                      name={s.label}
                      dataKey={s.key}
                      stroke={colour}
                      strokeWidth={2}
                      dot={single}
                      // Runs before the chart's own click (the dot is inside it): remembers which line was hit.
                      activeDot={{ r: 5, cursor: 'pointer', onClick: () => (clickedSeries.current = s.narrower) }}
                      isAnimationActive={false}
                    />,
                  ];
                })}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <div className="table-scroll">
            <table className="data-table" aria-label="Trend">
              <thead>
                <tr>
                  <th scope="col">{by === 'month' ? 'Månad' : 'Vecka'}</th>
                  {series.map((s) => (
                    <th key={s.key} scope="col">
                      {single ? 'Händelser' : s.label}
                    </th>
                  ))}
                  {single && <th scope="col">Förra året</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.period}>
                    <th scope="row">{r.period}</th>
                    {series.map((s) => (
                      <td key={s.key}>
                        <button type="button" className="link" onClick={() => open(r, s.narrower)}>
                          {formatInteger(r.n[s.key] ?? 0)}
                        </button>
                        {!single && <span className="muted"> ({formatInteger(r.previous[s.key] ?? 0)})</span>}
                      </td>
                    ))}
                    {single && <td>{formatInteger(r.previous[series[0]!.key] ?? 0)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!single && <p className="form-info">Inom parentes: samma period förra året.</p>}
        </>
      )}
    </div>
  );
}

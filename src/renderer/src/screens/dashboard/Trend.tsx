import { useMemo, useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint, TrendSplit } from '../../../../shared/dashboards';
import { TREND_SPLITS } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { categoryLabel } from '../../../../shared/taxonomy';
import { formatInteger } from '../../../../shared/format';
import { openRegister } from '../../lib/route';
import { BLUE, ChartFigure, GREY, SERIES, Status, type Selection } from './common';
import { shapeTrend, type Series, type TrendRow as Row } from './trend-data';
import { sameDayLastYear } from '../../../../shared/calendar';
import { localDay } from '../../../../shared/time';
import { useOp } from '../../lib/queries';

export type { TrendSplit };

const SPLIT_LABELS: Record<TrendSplit, string> = {
  summa: 'En linje för urvalet',
  kommun: 'En linje per kommun',
  kategori: 'En linje per kategori',
};

function seriesOf(p: TrendPoint, split: TrendSplit, names: Map<number, string>): Series {
  if (split === 'kommun')
    return { key: `k${p.kommunId}`, label: names.get(p.kommunId) ?? '', narrower: { kommunIds: [p.kommunId] } };
  if (split === 'kategori')
    return { key: `c${p.category}`, label: categoryLabel(p.category), narrower: { categories: [p.category] } };
  return { key: 'alla', label: 'Urvalet', narrower: {} };
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
    fromDay: sameDayLastYear(selection.fromDay),
    toDay: sameDayLastYear(selection.toDay),
  };
  // The first day the selection's kommuner have data: last year before it is "saknas", not 0.
  const area = { lpoIds: selection.lpoIds, kommunIds: selection.kommunIds };
  const first = useOp(
    'incidents.page',
    { filter: area, sort: { column: 'occurredAt', direction: 'asc' }, startRow: 0, endRow: 1 },
    { select: (p) => (p.rows[0] ? localDay(p.rows[0].occurredAt) : null) },
  );
  const now = useOp('dashboards.trend', { filter: selection, by });
  const before = useOp('dashboards.trend', { filter: lastYear, by });
  const { rows, series } = useMemo(
    () => shapeTrend(now.data ?? [], before.data ?? [], (p) => seriesOf(p, split, names), first.data ?? null),
    [now.data, before.data, split, names, first.data],
  );
  const data = rows.map((r) => {
    const flat: Record<string, number | string | null> = { period: r.period };
    for (const s of series) {
      flat[s.key] = r.n[s.key] ?? 0;
      // Null leaves a hole in the dashed line where last year has no data.
      flat[`${s.key}:fjol`] = r.previous[s.key] ?? null;
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
      <Status
        loading={now.isLoading || first.isLoading}
        error={now.error ?? before.error ?? first.error}
        empty={!!now.data && rows.length === 0}
      />
      {now.data && rows.length > 0 && (
        <>
          <ChartFigure
            label={`Diagram: händelser per ${by === 'month' ? 'månad' : 'vecka'}, samma period förra året streckad`}
          >
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
          </ChartFigure>
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
                        {!single && <span className="muted"> ({lastYearText(r.previous[s.key])})</span>}
                      </td>
                    ))}
                    {single && <td>{lastYearText(r.previous[series[0]!.key])}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!single && <p className="form-info">Inom parentes: samma period förra året.</p>}
          {rows.some((r) => Object.values(r.previous).some((v) => v === null)) && (
            <p className="form-info">
              ”saknas”: databasen har inga uppgifter så långt tillbaka (första data {first.data ?? 'saknas'}).
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** Last year's figure, or "saknas" where the data do not reach back that far. */
const lastYearText = (v: number | null | undefined) => (v === null || v === undefined ? 'saknas' : formatInteger(v));

import { useEffect, useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChangeRow } from '../../../../shared/dashboards';
import { VERDICT_LABELS } from '../../../../shared/dashboards';
import { formatDecimal1, formatInteger } from '../../../../shared/format';
import { categoryLabel } from '../../../../shared/taxonomy';
import {
  BLUE,
  ChartFigure,
  drill,
  GREY,
  PeriodsNote,
  Status,
  VERMILLION,
  VerdictCells,
  type ResolvedPeriods,
  type Selection,
} from './common';
import { useOp } from '../../lib/queries';

export function Change({
  selection,
  names,
  compareWith,
  setCompareWith,
  pinned,
  onResolved,
}: {
  selection: Selection;
  names: Map<number, string>;
  compareWith: 'previous' | 'lastYear';
  setCompareWith: (c: 'previous' | 'lastYear') => void;
  /** A saved view's periods, shown as they were saved. */
  pinned?: ResolvedPeriods | null | undefined;
  /** The periods on screen, for a view saved from it. */
  onResolved?: ((periods: ResolvedPeriods) => void) | undefined;
}) {
  const q = useOp('dashboards.change', { filter: selection, compareWith, ...(pinned ? { pinned } : {}) });
  useEffect(() => {
    if (q.data) onResolved?.({ current: q.data.current, previous: q.data.previous });
  }, [q.data, onResolved]);
  const rows = useMemo(
    () =>
      [...(q.data?.rows ?? [])].sort(
        (a, b) => Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0) || b.current - a.current || a.kommunId - b.kommunId,
      ),
    [q.data],
  );
  const prev = q.data?.previous;
  const current = q.data?.current ?? selection;
  // Drill-down opens the days counted, which a period running past the latest data cuts short.
  const base = { ...selection, ...current, lpoIds: undefined, kommunIds: undefined };
  return (
    <div className="dashboard-panel" data-testid="dashboard-forandring">
      <h3>Förändring mot {compareWith === 'previous' ? 'perioden före' : 'samma period förra året'}</h3>
      <label className="inline">
        Jämför med
        <select
          aria-label="Jämför med"
          value={compareWith}
          onChange={(e) => setCompareWith(e.target.value as typeof compareWith)}
        >
          <option value="previous">Lika lång period före</option>
          <option value="lastYear">Samma period förra året</option>
        </select>
      </label>
      <p className="form-info">
        Förändringen prövas med ett Poisson-test, z = √2(√nu − √förra). |z| ≥ 1,96 räknas som en säkerställd förändring.
        Med färre än 10 händelser sammanlagt går det inte att bedöma.
      </p>
      {q.data && <PeriodsNote comparison={q.data.comparison} testId="change-periods" />}
      <Status loading={q.isLoading} error={q.error} empty={!!q.data && rows.length === 0} />
      {q.data && rows.length > 0 && (
        <ZChart
          rows={rows}
          names={names}
          onOpen={(r) => drill(base, { kommunIds: [r.kommunId], categories: [r.category] })()}
        />
      )}
      {q.data && rows.length > 0 && (
        <table className="data-table" aria-label="Förändring per kommun och kategori">
          <thead>
            <tr>
              <th scope="col">Kommun</th>
              <th scope="col">Kategori</th>
              <th scope="col">
                Nu ({current.fromDay} – {current.toDay})
              </th>
              <th scope="col">
                Förra ({prev?.fromDay} – {prev?.toDay})
              </th>
              <th scope="col">z</th>
              <th scope="col">Bedömning</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kommunId}-${r.category}`} className={`verdict-${r.verdict}`}>
                <th scope="row">{names.get(r.kommunId)}</th>
                <td>{categoryLabel(r.category)}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={drill(base, { kommunIds: [r.kommunId], categories: [r.category] })}
                  >
                    {formatInteger(r.current)}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={drill(base, { kommunIds: [r.kommunId], categories: [r.category], ...prev })}
                  >
                    {formatInteger(r.previous)}
                  </button>
                </td>
                <VerdictCells judgement={r} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const CHART_ROWS = 15;
const VERDICT_COLOUR: Record<ChangeRow['verdict'], string> = {
  okning: VERMILLION,
  minskning: BLUE,
  ingen_sakerstalld_forandring: GREY,
  for_fa: GREY,
};

/**
 * The largest changes as z (bars), with the ±1,96 limits drawn: a bar beyond a line is a real change.
 * Pairs with too few events have no z and are only in the table.
 */
function ZChart({
  rows,
  names,
  onOpen,
}: {
  rows: ChangeRow[];
  names: Map<number, string>;
  onOpen: (r: ChangeRow) => void;
}) {
  const judged = rows.filter((r) => r.z !== null).slice(0, CHART_ROWS);
  if (judged.length === 0)
    return <p className="form-info">Inget par har tillräckligt många händelser för ett diagram.</p>;
  const data = judged.map((r) => ({
    ...r,
    label: `${names.get(r.kommunId) ?? ''} – ${categoryLabel(r.category)}`,
    value: r.z!,
  }));
  const limit = Math.max(3, ...data.map((d) => Math.ceil(Math.abs(d.value))));
  return (
    <ChartFigure label="Diagram: de största förändringarna som z" testId="change-chart">
      <ResponsiveContainer width="100%" height={40 + 26 * data.length}>
        <BarChart data={data} layout="vertical" margin={{ top: 28, right: 32, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[-limit, limit]} tickFormatter={(v: number) => formatDecimal1(v)} />
          <YAxis type="category" dataKey="label" width={260} interval={0} />
          <ReferenceLine x={0} stroke="#444" />
          <ReferenceLine
            x={1.96}
            stroke={VERMILLION}
            strokeDasharray="6 3"
            label={{ value: '+1,96', position: 'top', fill: '#8a3a00' }}
          />
          <ReferenceLine
            x={-1.96}
            stroke={BLUE}
            strokeDasharray="6 3"
            label={{ value: '−1,96', position: 'top', fill: '#004f7c' }}
          />
          <Tooltip
            formatter={(_v, _n, item) => {
              const r = item.payload as (typeof data)[number];
              return [
                `z = ${formatDecimal1(r.value)}: ${formatInteger(r.current)} nu mot ${formatInteger(r.previous)} förra (${VERDICT_LABELS[r.verdict]})`,
                r.label,
              ];
            }}
          />
          <Bar
            dataKey="value"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(d) => onOpen(d as unknown as ChangeRow)}
          >
            {data.map((d) => (
              <Cell key={`${d.kommunId}-${d.category}`} fill={VERDICT_COLOUR[d.verdict]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <p className="form-info">
        De {data.length} största förändringarna som z. Röd: säkerställd ökning, blå: säkerställd minskning, grå: ingen
        säkerställd förändring.
      </p>
    </ChartFigure>
  );
}

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Kommun } from '../../../../shared/domain';
import { formatDecimal1, formatInteger } from '../../../../shared/format';
import { categoryLabel } from '../../../../shared/taxonomy';
import { openRegister } from '../../lib/route';
import { BLUE, ChartFigure, drill, ORANGE, per1000Text, ScrollX, Status, type Selection } from './common';
import { useOp } from '../../lib/queries';
import { ChoroplethMap } from '../../components/map/ChoroplethMap';
import { periodLabel } from '../../../../shared/report-text';

export function Compare({
  selection,
  kommuner,
  names,
}: {
  selection: Selection;
  kommuner: Kommun[];
  names: Map<number, string>;
}) {
  const q = useOp('dashboards.compare', { filter: selection });
  const rows = q.data?.rows ?? [];
  const lpoTotal = q.data?.lpoTotals[0];
  const categories = [...new Set(rows.flatMap((r) => Object.keys(r.byCategory)))].sort();
  const data = rows.map((r) => ({ ...r, name: names.get(r.kommunId) ?? '', value: r.per1000 ?? 0 }));
  const base = { ...selection, lpoIds: undefined, kommunIds: undefined };
  return (
    <div className="dashboard-panel" data-testid="dashboard-jamfor">
      <h3>Händelser per 1 000 invånare</h3>
      <Status loading={q.isLoading} error={q.error} empty={!!q.data && rows.every((r) => r.total === 0)} />
      {q.data && (
        <>
          <ChoroplethMap
            id="jamfor"
            rows={rows}
            kommuner={kommuner}
            base={base}
            title={`Karta: händelser per 1 000 invånare, ${periodLabel(selection.fromDay, selection.toDay)}`}
          />
          <ChartFigure label="Diagram: händelser per 1 000 invånare per kommun">
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={data} margin={{ top: 16, right: 96, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" />
                <YAxis tickFormatter={(v: number) => formatDecimal1(v)} />
                <Tooltip
                  formatter={(_v, _n, item) => {
                    const r = item.payload as (typeof data)[number];
                    return [`${per1000Text(r.per1000)} per 1 000 inv. (${formatInteger(r.total)} händelser)`, r.name];
                  }}
                />
                {lpoTotal?.per1000 != null && (
                  <ReferenceLine
                    y={lpoTotal.per1000}
                    stroke={ORANGE}
                    strokeDasharray="6 3"
                    label={{
                      value: `Hela urvalet ${per1000Text(lpoTotal.per1000)}`,
                      position: 'right',
                      fill: '#7a5200',
                    }}
                  />
                )}
                <Bar
                  dataKey="value"
                  fill={BLUE}
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={(d) => {
                    const id = (d as unknown as { kommunId?: number }).kommunId;
                    if (id) openRegister({ ...base, kommunIds: [id] });
                  }}
                />
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
          <ScrollX label="Jämför kommuner, tabell">
            <table className="data-table compare-table" aria-label="Jämför kommuner">
              <thead>
                <tr>
                  <th scope="col">Kommun</th>
                  <th scope="col">Folkmängd</th>
                  <th scope="col">Händelser</th>
                  <th scope="col">Per 1&nbsp;000 inv.</th>
                  {categories.map((c) => (
                    <th key={c} scope="col">
                      {categoryLabel(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.kommunId}>
                    <th scope="row">{names.get(r.kommunId)}</th>
                    <td>{r.population === null ? 'saknas' : `${formatInteger(r.population)} (${r.populationYear})`}</td>
                    <td>
                      <button type="button" className="link" onClick={drill(base, { kommunIds: [r.kommunId] })}>
                        {formatInteger(r.total)}
                      </button>
                    </td>
                    <td>{per1000Text(r.per1000)}</td>
                    {categories.map((c) => (
                      <td key={c}>
                        <button
                          type="button"
                          className="link"
                          onClick={drill(base, { kommunIds: [r.kommunId], categories: [c] })}
                        >
                          {formatInteger(r.byCategory[c] ?? 0)}
                        </button>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {lpoTotal && rows.length > 1 && (
                <tfoot>
                  <tr>
                    <th scope="row">Hela urvalet</th>
                    <td>{lpoTotal.population === null ? 'saknas' : formatInteger(lpoTotal.population)}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={drill(base, { kommunIds: kommuner.map((k) => k.id) })}
                      >
                        {formatInteger(lpoTotal.total)}
                      </button>
                    </td>
                    <td>{per1000Text(lpoTotal.per1000)}</td>
                    {categories.map((c) => (
                      <td key={c}>{formatInteger(lpoTotal.byCategory[c] ?? 0)}</td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </ScrollX>
        </>
      )}
    </div>
  );
}

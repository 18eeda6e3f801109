import type { CompareRow } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatDecimal1, formatInteger } from '../../../../shared/format';
import { openRegister } from '../../lib/route';

/** The choropleth's numbers as a table (where no other table on the screen has them): every map has one. */
export function RateTable(props: {
  rows: CompareRow[];
  names: Map<number, string>;
  base: IncidentFilter;
  label: string;
}) {
  const { rows, names, base, label } = props;
  return (
    <table className="data-table" aria-label={label} data-testid="map-rate-table">
      <thead>
        <tr>
          <th scope="col">Kommun</th>
          <th scope="col">Händelser</th>
          <th scope="col">Folkmängd (år)</th>
          <th scope="col">Per 1&nbsp;000 inv.</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.kommunId}>
            <th scope="row">{names.get(r.kommunId) ?? ''}</th>
            <td>
              <button type="button" className="link" onClick={() => openRegister({ ...base, kommunIds: [r.kommunId] })}>
                {formatInteger(r.total)}
              </button>
            </td>
            <td>{r.population === null ? 'saknas' : `${formatInteger(r.population)} (${r.populationYear})`}</td>
            <td>{r.per1000 === null ? 'saknas' : formatDecimal1(r.per1000)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { TEMPLATE_LABELS } from '../../../../shared/report';
import type { ReportSummary } from '../../../../shared/report-api';
import { formatLocalDateTime } from '../../../../shared/time';
import { KommunSelect } from '../../components/KommunSelect';
import { errorMessage } from '../../lib/client';
import { useOp } from '../../lib/queries';
import { useScreenState } from '../../lib/screen-state';
import { reportHref, statusLabel } from './model';

function yearChoices(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => now + 1 - i);
}

/** Reports per kommun and year: a row per report version, newest period first. */
export function ReportList({ onNew }: { onNew: (kommunId: number | null) => void }) {
  const reference = useOp('reference.get', {});
  const [kommunId, setKommunId] = useScreenState<number | null>('reports.kommun', null);
  const [year, setYear] = useScreenState<number | null>('reports.year', null);
  const list = useOp('reports.list', {
    ...(kommunId !== null ? { kommunIds: [kommunId] } : {}),
    ...(year !== null ? { year } : {}),
  });
  const filtered = kommunId !== null || year !== null;
  const rows = list.data ?? [];
  return (
    <div className="report-list">
      <div className="report-list-bar" role="group" aria-label="Urval">
        <KommunSelect
          label="Visa kommun"
          kommuner={reference.data?.kommuner ?? []}
          value={kommunId}
          onChange={setKommunId}
          empty="Alla"
        />
        <label>
          År
          <select value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Alla år</option>
            {yearChoices().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="report-new" onClick={() => onNew(kommunId)}>
          Ny rapport
        </button>
      </div>
      {list.error && (
        <p className="form-error" role="alert">
          {errorMessage(list.error)}
        </p>
      )}
      {list.isLoading && <p className="form-info">Hämtar…</p>}
      {list.data && rows.length === 0 && (
        <div className="report-empty">
          {filtered ? (
            <>
              <p>Inga rapporter för det här urvalet.</p>
              <p className="actions left">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setKommunId(null);
                    setYear(null);
                  }}
                >
                  Visa alla rapporter
                </button>
                <button type="button" onClick={() => onNew(kommunId)}>
                  Ny rapport
                </button>
              </p>
            </>
          ) : (
            <>
              <h3>Inga rapporter ännu</h3>
              <p>
                En rapport är ett dokument för kommunfullmäktige eller medborgarna: en lägesbild, ett medborgarlöfte, en
                uppföljning med mera. Lägesbild fyller kapitlen med siffror och diagram för kommunen och perioden; du
                skriver analysen, förhandsgranskar och exporterar till PDF eller Word.
              </p>
              <p className="actions left">
                <button type="button" onClick={() => onNew(kommunId)}>
                  Skapa den första rapporten
                </button>
              </p>
            </>
          )}
        </div>
      )}
      {rows.length > 0 && <ReportTable rows={rows} />}
    </div>
  );
}

function ReportTable({ rows }: { rows: readonly ReportSummary[] }) {
  return (
    <table className="report-table">
      <caption className="visually-hidden">Rapporter</caption>
      <thead>
        <tr>
          <th scope="col">Titel</th>
          <th scope="col">Mall</th>
          <th scope="col">Område</th>
          <th scope="col">Period</th>
          <th scope="col">Status</th>
          <th scope="col">Version</th>
          <th scope="col">Ändrad</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={reportHref(r.id)}>{r.title}</a>
            </th>
            <td>{TEMPLATE_LABELS[r.template]}</td>
            <td>{r.areaName}</td>
            <td className="nowrap">
              {r.from} – {r.to}
            </td>
            <td>
              <span className={`state ${r.status === 'faststalld' ? 'state-beslutad' : 'state-utkast'}`}>
                {statusLabel(r)}
              </span>
            </td>
            <td className="num">{r.version}</td>
            <td>
              <span className="nowrap">{formatLocalDateTime(r.updatedAt)}</span>
              {r.updatedBy && <span className="report-by"> av {r.updatedBy}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { MeasureTable } from './MeasureTable';
import { useLoften, useRefreshWalks } from './queries';
import { useOp } from '../../lib/queries';

/** Åtgärder past their date and not done, with what they answer and a link to their walk or plan. */
export function Overdue({ kommunId, kommunName }: { kommunId: number | null; kommunName: Map<number, string> }) {
  const q = useOp('measures.list', { ...(kommunId ? { kommunIds: [kommunId] } : {}), overdueOnly: true });
  const loften = useLoften(null);
  const refresh = useRefreshWalks();
  const measures = q.data ?? [];
  return (
    <div className="dashboard-panel" data-testid="forsenade">
      <h3>Åtgärder som passerat sitt datum</h3>
      {measures.length === 0 ? (
        <p className="form-info">Inga försenade åtgärder.</p>
      ) : (
        <>
          <p className="form-info">
            {[...new Set(measures.map((m) => kommunName.get(m.kommunId)))].join(', ')}: ändra status när åtgärden är
            gjord, eller avslå den med ett skäl.
          </p>
          <MeasureTable measures={measures} loften={loften} onChanged={refresh} variant="overdue" />
        </>
      )}
    </div>
  );
}

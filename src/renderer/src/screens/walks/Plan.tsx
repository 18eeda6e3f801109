import { MeasureTable } from './MeasureTable';
import { NewMeasure } from './NewMeasure';
import { useLoften, useRefreshWalks } from './queries';
import { useOp } from '../../lib/queries';

/** The kommun's åtgärdsplan (lag 2023:196): åtgärder linked to the lägesbild's problems, to löften and to walks. */
export function Plan({ kommunId, kommunName }: { kommunId: number; kommunName: string }) {
  const q = useOp('measures.list', { kommunIds: [kommunId], inPlan: true });
  const loften = useLoften(kommunId);
  const refresh = useRefreshWalks();
  return (
    <div className="dashboard-panel" data-testid="atgardsplan">
      <h3>Åtgärdsplan för {kommunName}</h3>
      <p className="form-info">
        Kommunens åtgärdsplan enligt lagen om kommuners ansvar för brottsförebyggande arbete (2023:196): åtgärder
        kopplade till lägesbildens problem och till medborgarlöftena, med ansvarig och datum. Åtgärder från en
        trygghetsvandring läggs hit från vandringens protokoll.
      </p>
      <MeasureTable measures={q.data ?? []} loften={loften} onChanged={refresh} variant="plan" />
      <NewMeasure kommunId={kommunId} loften={loften} onSaved={refresh} inPlan />
    </div>
  );
}

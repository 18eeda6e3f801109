import type { Kommun } from '../../../../shared/domain';
import { periodLabel } from '../../../../shared/report-text';
import { ChoroplethMap } from '../../components/map/ChoroplethMap';
import { useOp } from '../../lib/queries';

/** Översikt: where this cycle's incidents are, per 1 000 inhabitants, for the LPO chosen (or all). */
export function OverviewMap(props: {
  period: { fromDay: string; toDay: string };
  lpoId: number | null;
  kommuner: Kommun[];
}) {
  const { period, lpoId, kommuner } = props;
  const filter = { fromDay: period.fromDay, toDay: period.toDay, ...(lpoId ? { lpoIds: [lpoId] } : {}) };
  const q = useOp('dashboards.compare', { filter });
  const inScope = kommuner.filter((k) => lpoId === null || k.lpoId === lpoId);
  return (
    <section className="overview-part" aria-labelledby="ov-map">
      <h3 id="ov-map">Var händelserna finns denna cykel</h3>
      {q.data && (
        <ChoroplethMap
          id="oversikt"
          rows={q.data.rows.filter((r) => inScope.some((k) => k.id === r.kommunId))}
          kommuner={inScope}
          base={{ fromDay: period.fromDay, toDay: period.toDay }}
          title={`Karta: händelser per 1 000 invånare, ${periodLabel(period.fromDay, period.toDay)}`}
        />
      )}
      <p>
        <a href="#/lagesbild?flik=karta">Öppna kartan med platser och hotspots</a>
      </p>
    </section>
  );
}

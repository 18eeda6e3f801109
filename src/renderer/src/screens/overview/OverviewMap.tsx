import type { Kommun } from '../../../../shared/domain';
import { periodLabel } from '../../../../shared/report-text';
import { ChoroplethMap } from '../../components/map/ChoroplethMap';
import { RateTable } from '../../components/map/RateTable';
import type { CompareRow } from '../../../../shared/dashboards';
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
  const rows = (all: CompareRow[]) => all.filter((r) => inScope.some((k) => k.id === r.kommunId));
  const base = { fromDay: period.fromDay, toDay: period.toDay };
  return (
    <section className="overview-part" aria-labelledby="ov-map">
      <h3 id="ov-map">Var händelserna finns denna cykel</h3>
      {q.data && (
        <>
          <ChoroplethMap
            id="oversikt"
            rows={rows(q.data.rows)}
            kommuner={inScope}
            base={base}
            title={`Karta: händelser per 1 000 invånare, ${periodLabel(period.fromDay, period.toDay)}`}
          />
          <details className="map-table">
            <summary>Kartans siffror som tabell</summary>
            <RateTable
              rows={rows(q.data.rows)}
              names={new Map(inScope.map((k) => [k.id, k.name]))}
              base={base}
              label="Händelser per 1 000 invånare denna cykel"
            />
          </details>
        </>
      )}
      <p>
        <a href="#/lagesbild?flik=karta">Öppna kartan med platser och hotspots</a>
      </p>
    </section>
  );
}

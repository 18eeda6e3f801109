import { useEffect, useState } from 'react';
import type { EstCycle } from '../../../../shared/dashboards';
import { EST_CYCLE_LABELS, EST_CYCLE_NOUNS, EST_CYCLES } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatInteger } from '../../../../shared/format';
import { categoryLabel } from '../../../../shared/taxonomy';
import { openRegister } from '../../lib/route';
import { EstMap } from './EstMap';
import { PeriodsNote, Status, VerdictCells, type ResolvedPeriods } from './common';
import { useOp } from '../../lib/queries';

/**
 * One kommun's lägesbild for the reporting cycle containing the Till day (a week: ending on it), or the
 * latest complete cycle before it when the data do not cover it to its end; a saved view's periods as saved.
 */
export function Est({
  kommunId,
  day,
  names,
  cycle,
  setCycle,
  pinned,
  onResolved,
}: {
  kommunId: number;
  day: string;
  names: Map<number, string>;
  cycle: EstCycle;
  setCycle: (c: EstCycle) => void;
  /** A saved view's periods, shown as they were saved. */
  pinned?: ResolvedPeriods | null | undefined;
  /** The periods on screen, for a view saved from it. */
  onResolved?: ((periods: ResolvedPeriods) => void) | undefined;
}) {
  const [copied, setCopied] = useState(false);
  const q = useOp('dashboards.est', { kommunId, cycle, day, ...(pinned ? { pinned } : {}) });
  const l = q.data;
  useEffect(() => {
    if (l) onResolved?.({ current: l.comparison.current, previous: l.comparison.previous });
  }, [l, onResolved]);
  const base = (narrower: IncidentFilter) => () =>
    l && openRegister({ kommunIds: [kommunId], fromDay: l.fromDay, toDay: l.toDay, ...narrower });
  return (
    <div className="dashboard-panel" data-testid="dashboard-est">
      <h3>EST-lägesbild för {names.get(kommunId)}</h3>
      <label className="inline">
        Cykel
        <select aria-label="Cykel" value={cycle} onChange={(e) => setCycle(e.target.value as EstCycle)}>
          {EST_CYCLES.map((c) => (
            <option key={c} value={c}>
              {EST_CYCLE_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <span className="form-info">
        {pinned
          ? 'Sparad vy: perioderna som när vyn sparades.'
          : `Cykeln med ${day} (välj kommun och Till-datum ovan); pågår den, visas den senaste hela.`}
      </span>
      <Status loading={q.isLoading} error={q.error} empty={false} />
      {l && (
        <>
          <PeriodsNote comparison={l.comparison} noun={EST_CYCLE_NOUNS[cycle]} testId="est-periods" />
          <div className="est-summary" role="region" aria-label="Sammanfattning">
            <p data-testid="est-summary">{l.summary}</p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(l.summary).then(() => setCopied(true));
              }}
            >
              {copied ? 'Kopierad' : 'Kopiera sammanfattningen'}
            </button>
          </div>
          <table className="data-table" aria-label="Förändring per kategori">
            <thead>
              <tr>
                <th scope="col">Kategori</th>
                <th scope="col">
                  Nu ({l.fromDay} – {l.toDay})
                </th>
                <th scope="col">
                  Förra ({l.previous.fromDay} – {l.previous.toDay})
                </th>
                <th scope="col">z</th>
                <th scope="col">Bedömning</th>
              </tr>
            </thead>
            <tbody>
              {l.changes.map((c) => (
                <tr key={c.category} className={`verdict-${c.verdict}`}>
                  <th scope="row">{categoryLabel(c.category)}</th>
                  <td>
                    <button type="button" className="link" onClick={base({ categories: [c.category] })}>
                      {formatInteger(c.current)}
                    </button>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => openRegister({ kommunIds: [kommunId], ...l.previous, categories: [c.category] })}
                    >
                      {formatInteger(c.previous)}
                    </button>
                  </td>
                  <VerdictCells judgement={c} />
                </tr>
              ))}
            </tbody>
          </table>
          <div className="est-places">
            <table className="data-table" aria-label="Platser med flest händelser">
              <thead>
                <tr>
                  <th scope="col">Plats</th>
                  <th scope="col">Händelser</th>
                  <th scope="col">Mest</th>
                </tr>
              </thead>
              <tbody>
                {l.topPlaces.map((p) => {
                  const [top] = Object.entries(p.categories).sort((a, b) => b[1] - a[1]);
                  return (
                    <tr key={p.placeName}>
                      <th scope="row">
                        {p.placeName}
                        {l.newPlaces.some((n) => n.placeName === p.placeName) && <span className="badge-new"> ny</span>}
                      </th>
                      <td>
                        <button
                          type="button"
                          className="link"
                          onClick={base({ placeNames: [p.placeName], location: 'plats' })}
                        >
                          {formatInteger(p.n)}
                        </button>
                      </td>
                      <td>{top ? categoryLabel(top[0]) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div>
              <h4>Nya platser denna cykel</h4>
              {l.newPlaces.length === 0 ? (
                <p className="form-info">Inga.</p>
              ) : (
                <ul aria-label="Nya platser">
                  {l.newPlaces.map((p) => (
                    <li key={p.placeName}>
                      {p.placeName} (
                      <button
                        type="button"
                        className="link"
                        onClick={base({ placeNames: [p.placeName], location: 'plats' })}
                      >
                        {formatInteger(p.n)}
                      </button>
                      )
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
          <EstMap kommunId={kommunId} fromDay={l.fromDay} toDay={l.toDay} />
        </>
      )}
    </div>
  );
}

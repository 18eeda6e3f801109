import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { EstCycle } from '../../../../shared/dashboards';
import { EST_CYCLE_LABELS, EST_CYCLES } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatInteger } from '../../../../shared/format';
import { categoryLabel } from '../../../../shared/taxonomy';
import { call } from '../../lib/client';
import { openRegister } from '../../lib/route';
import { Status, VerdictCells } from './common';

/** One kommun's lägesbild for a reporting cycle ending on the period's last day. */
export function Est({
  kommunId,
  day,
  names,
  cycle,
  setCycle,
}: {
  kommunId: number;
  day: string;
  names: Map<number, string>;
  cycle: EstCycle;
  setCycle: (c: EstCycle) => void;
}) {
  const [copied, setCopied] = useState(false);
  const q = useQuery({
    queryKey: ['dashboards.est', kommunId, cycle, day],
    queryFn: () => call('dashboards.est', { kommunId, cycle, day }),
  });
  const l = q.data;
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
      <span className="form-info">Cykeln som slutar {day} (välj kommun och Till-datum ovan).</span>
      <Status loading={q.isLoading} error={q.error} empty={false} />
      {l && (
        <>
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
                        <button type="button" className="link" onClick={base({ placeNames: [p.placeName] })}>
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
                      <button type="button" className="link" onClick={base({ placeNames: [p.placeName] })}>
                        {formatInteger(p.n)}
                      </button>
                      )
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

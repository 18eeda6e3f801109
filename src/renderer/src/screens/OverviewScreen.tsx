import { useOp } from '../lib/queries';
import { useState } from 'react';
import type { EstCycle } from '../../../shared/dashboards';
import { EST_CYCLE_LABELS, EST_CYCLE_NOUNS, EST_CYCLES } from '../../../shared/dashboards';
import { formatDecimal1, formatInteger } from '../../../shared/format';
import type { SurveyArea } from '../../../shared/survey';
import { formatSurveyValue, INDICATOR_BY_CODE, MOVEMENT_LABELS } from '../../../shared/survey';
import { categoryLabel } from '../../../shared/taxonomy';
import { errorMessage } from '../lib/client';
import { openRegister } from '../lib/route';
import { PeriodsNote, VerdictCells } from './dashboard/common';
import { measureProblem } from '../../../shared/walks';
import { MeasureLink } from '../components/MeasureLink';
import { OverviewMap } from './overview/OverviewMap';

/** The start page: what needs attention now, for one LPO or all. */
export function OverviewScreen() {
  const reference = useOp('reference.get', {});
  const [lpoId, setLpoId] = useState<number | null>(null);
  const [cycle, setCycle] = useState<EstCycle>('manad');
  const input = { cycle, ...(lpoId ? { lpoIds: [lpoId] } : {}) };
  const q = useOp('overview.get', input);
  const kommunName = new Map((reference.data?.kommuner ?? []).map((k) => [k.id, k.name]));
  const lpoName = new Map((reference.data?.lpos ?? []).map((l) => [l.id, l.name]));
  const areaName = (a: SurveyArea) => (a.kind === 'kommun' ? kommunName.get(a.id) : `LPO ${lpoName.get(a.id)}`) ?? '';
  const o = q.data;
  const period = o?.period;
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">Översikt</h2>
      <div className="filters" role="group" aria-label="Urval">
        <label>
          Lokalpolisområde
          <select
            aria-label="Lokalpolisområde"
            value={lpoId ?? ''}
            onChange={(e) => setLpoId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">Alla</option>
            {(reference.data?.lpos ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cykel
          <select aria-label="Cykel" value={cycle} onChange={(e) => setCycle(e.target.value as EstCycle)}>
            {EST_CYCLES.map((c) => (
              <option key={c} value={c}>
                {EST_CYCLE_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {q.isLoading && <p className="form-info">Hämtar översikten…</p>}
      {q.error && <p className="form-error">{errorMessage(q.error)}</p>}
      {o && (
        <>
          <section className="overview-part" aria-labelledby="ov-changes">
            <h3 id="ov-changes">Säkerställda förändringar denna cykel</h3>
            {period ? (
              <p className="form-info" data-testid="overview-period">
                Senaste data: {o.asOfDay}. Cykeln {period.fromDay} – {period.toDay} jämförs med{' '}
                {period.previous.fromDay} – {period.previous.toDay} (Poisson-test, |z| ≥ 1,96).
              </p>
            ) : (
              <p className="form-info">Databasen har inga händelser ännu.</p>
            )}
            {o.comparison && (
              <PeriodsNote
                comparison={o.comparison}
                noun={EST_CYCLE_NOUNS[o.cycle]}
                periods={false}
                testId="overview-period-notes"
              />
            )}
            {period && o.changes.length === 0 && (
              <p className="form-info">
                {o.judged === 0
                  ? 'Inget par av kommun och kategori har tillräckligt många händelser i de två perioderna för att bedömas (minst 10 sammanlagt och 5 i någon av dem).'
                  : `Ingen säkerställd förändring bland ${formatInteger(o.judged)} bedömda par av kommun och kategori.`}
              </p>
            )}
            {period && o.changes.length > 0 && (
              <table className="data-table" aria-label="Säkerställda förändringar">
                <thead>
                  <tr>
                    <th scope="col">Kommun</th>
                    <th scope="col">Kategori</th>
                    <th scope="col">Nu</th>
                    <th scope="col">Förra</th>
                    <th scope="col">z</th>
                    <th scope="col">Bedömning</th>
                  </tr>
                </thead>
                <tbody>
                  {o.changes.map((c) => {
                    const narrower = { kommunIds: [c.kommunId], categories: [c.category] };
                    return (
                      <tr key={`${c.kommunId}-${c.category}`} className={`verdict-${c.verdict}`}>
                        <th scope="row">{kommunName.get(c.kommunId)}</th>
                        <td>{categoryLabel(c.category)}</td>
                        <td>
                          <button
                            type="button"
                            className="link"
                            onClick={() => openRegister({ ...narrower, fromDay: period.fromDay, toDay: period.toDay })}
                          >
                            {formatInteger(c.current)}
                          </button>
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link"
                            onClick={() => openRegister({ ...narrower, ...period.previous })}
                          >
                            {formatInteger(c.previous)}
                          </button>
                        </td>
                        <VerdictCells judgement={c} />
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {period && o.changes.length > 0 && (
              <p className="form-info">
                {formatInteger(o.changes.length)} av {formatInteger(o.judged)} bedömda par har förändrats säkert. Par
                med för få händelser bedöms inte.
              </p>
            )}
          </section>

          <section className="overview-part" aria-labelledby="ov-survey">
            <h3 id="ov-survey">Trygghetsmätningen: senaste rörelsen</h3>
            {o.survey.totalindex.length === 0 ? (
              <p className="form-info">
                Inga trygghetsmätningar i databasen. Läs in resultat under <a href="#/import">Import</a>.
              </p>
            ) : (
              <table className="data-table" aria-label="Totalindex, senaste mätningarna">
                <thead>
                  <tr>
                    <th scope="col">Område</th>
                    <th scope="col">Förra mätningen</th>
                    <th scope="col">Senaste</th>
                    <th scope="col">Skillnad</th>
                  </tr>
                </thead>
                <tbody>
                  {o.survey.totalindex.map((m) => (
                    <tr key={`${m.area.kind}${m.area.id}`}>
                      <th scope="row">{areaName(m.area)}</th>
                      <td>
                        {formatSurveyValue('totalindex', m.previousValue)} ({m.previousYear})
                      </td>
                      <td>
                        {formatSurveyValue('totalindex', m.value)} ({m.year})
                      </td>
                      <td>{signed(m.value - m.previousValue)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {o.survey.totalindex.length > 0 && (
              <p className="form-info">
                Totalindex 0–6, lägre är bättre. Ett index kan inte prövas statistiskt utan svarens spridning: läs
                skillnaden som en riktning, inte som ett säkert resultat.
              </p>
            )}
            {o.survey.significant.length > 0 && (
              <>
                <h4>Säkerställda förändringar i andelar</h4>
                <ul aria-label="Säkerställda förändringar i andelar">
                  {o.survey.significant.map((m) => (
                    <li key={`${m.indicator}-${m.area.kind}${m.area.id}`}>
                      {areaName(m.area)}: {INDICATOR_BY_CODE.get(m.indicator)?.label ?? m.indicator}{' '}
                      {formatSurveyValue(m.indicator, m.previousValue)} ({m.previousYear}) →{' '}
                      {formatSurveyValue(m.indicator, m.value)} ({m.year}), {MOVEMENT_LABELS[m.verdict].toLowerCase()}{' '}
                      (z = {formatDecimal1(m.z!)})
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>
              <a href="#/lagesbild?flik=trygghet">Öppna Trygghetsmätning</a>
            </p>
          </section>

          {period && <OverviewMap period={period} lpoId={lpoId} kommuner={reference.data?.kommuner ?? []} />}

          <section className="overview-part" aria-labelledby="ov-lofte">
            <h3 id="ov-lofte">Medborgarlöften och åtgärder</h3>
            {o.behind.length === 0 ? (
              <p className="form-info">Inga aktiviteter i beslutade löften ligger efter plan.</p>
            ) : (
              <table className="data-table" aria-label="Aktiviteter efter plan">
                <thead>
                  <tr>
                    <th scope="col">Kommun</th>
                    <th scope="col">Löfte</th>
                    <th scope="col">Aktivitet</th>
                    <th scope="col">Gjort</th>
                    <th scope="col">Borde vara gjort</th>
                    <th scope="col">Hela perioden</th>
                  </tr>
                </thead>
                <tbody>
                  {o.behind.map((b) => (
                    <tr key={`${b.lofteId}-${b.activityKey}`}>
                      <th scope="row">{kommunName.get(b.kommunId)}</th>
                      <td>
                        <a href={`#/loften?id=${b.lofteId}`}>{b.title}</a>
                      </td>
                      <td>{b.activity}</td>
                      <td>{formatInteger(b.done)}</td>
                      <td>{formatInteger(b.required)}</td>
                      <td>{formatInteger(b.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h4>Åtgärder som passerat sitt datum</h4>
            {o.overdue.length === 0 ? (
              <p className="form-info">Inga försenade åtgärder.</p>
            ) : (
              <table className="data-table" aria-label="Försenade åtgärder">
                <thead>
                  <tr>
                    <th scope="col">Kommun</th>
                    <th scope="col">Åtgärd</th>
                    <th scope="col">Problem</th>
                    <th scope="col">Ansvarig</th>
                    <th scope="col">Klart senast</th>
                    <th scope="col">Från</th>
                  </tr>
                </thead>
                <tbody>
                  {o.overdue.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{kommunName.get(m.kommunId)}</th>
                      <td>{m.what}</td>
                      <td>{measureProblem(m)}</td>
                      <td>{m.responsible}</td>
                      <td>{m.dueDay}</td>
                      <td>
                        <MeasureLink measure={m} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              <a href="#/vandringar">Öppna trygghetsvandringar och åtgärder</a>
            </p>
          </section>
        </>
      )}
    </section>
  );
}

/** +0,12 / −0,05 with two decimals, as the index is written. */
function signed(v: number): string {
  const rounded = Math.round(v * 100) / 100;
  const text = Math.abs(rounded).toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : '±0,00';
}

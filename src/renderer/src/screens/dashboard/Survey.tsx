import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Kommun } from '../../../../shared/domain';
import { formatDecimal1, formatInteger } from '../../../../shared/format';
import type { SurveyArea, SurveyResult } from '../../../../shared/survey';
import { formatSurveyValue, INDICATOR_BY_CODE, MOVEMENT_LABELS, SURVEY_INDICATORS } from '../../../../shared/survey';
import { BLACK, ChartFigure, SERIES, Status } from './common';
import { useOp } from '../../lib/queries';

const LPO_KEY = 'lpo';
const areaKey = (a: SurveyArea) => (a.kind === 'lpo' ? LPO_KEY : `k${a.id}`);

const MOVEMENT_MARK = { battre: '▼', samre: '▲', ingen_sakerstalld_forandring: '–', kan_inte_bedomas: '·' } as const;

/**
 * Trygghetsmätning: one indicator over the years for the LPO's kommuner, with the LPO's own figure beside
 * them; every value with its respondents, response rate and source; the latest movement per area.
 */
export function Survey({
  lpoId,
  lpoName,
  kommuner,
  indicator,
  setIndicator,
}: {
  lpoId: number;
  lpoName: string;
  kommuner: Kommun[];
  indicator: string;
  setIndicator: (code: string) => void;
}) {
  const q = useOp('survey.get', { indicator });
  const [year, setYear] = useState<number | null>(null);
  const def = INDICATOR_BY_CODE.get(indicator);
  const share = def?.kind === 'andel';
  const inView = (a: SurveyArea) => (a.kind === 'lpo' ? a.id === lpoId : kommuner.some((k) => k.id === a.id));
  const areas = useMemo(
    () => [
      { key: LPO_KEY, label: `LPO ${lpoName} (hela)` },
      ...kommuner.map((k) => ({ key: `k${k.id}`, label: k.name })),
    ],
    [kommuner, lpoName],
  );
  const results = (q.data?.results ?? []).filter((r) => inView(r.area));
  const years = [...new Set(results.map((r) => r.year))].sort((a, b) => a - b);
  const cell = new Map(results.map((r) => [`${areaKey(r.area)}:${r.year}`, r]));
  const data = years.map((y) => {
    const row: Record<string, number | null> = { year: y };
    for (const a of areas) row[a.key] = cell.get(`${a.key}:${y}`)?.value ?? null;
    return row;
  });
  const shownYear = year !== null && years.includes(year) ? year : (years.at(-1) ?? null);
  const movements = (q.data?.movements ?? []).filter((m) => inView(m.area));
  const present = new Map((q.data?.present ?? []).map((p) => [p.indicator, p]));
  const max = Math.max(0, ...results.map((r) => r.value));
  const top = share ? Math.min(100, Math.ceil((max + 5) / 10) * 10) : Math.min(6, Math.max(3, Math.ceil(max + 0.5)));
  const label = (a: SurveyArea) => areas.find((x) => x.key === areaKey(a))?.label ?? '';

  return (
    <div className="dashboard-panel" data-testid="dashboard-trygghet">
      <h3>Trygghetsmätning: {def?.label ?? indicator}</h3>
      <label className="inline">
        Indikator
        <select aria-label="Indikator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
          {(['index', 'andel'] as const).map((kind) => (
            <optgroup key={kind} label={kind === 'index' ? 'Problemindex 0–6 (lägre är bättre)' : 'Andelar (%)'}>
              {SURVEY_INDICATORS.filter((i) => i.kind === kind).map((i) => (
                <option key={i.code} value={i.code}>
                  {i.label}
                  {present.has(i.code) ? '' : ' (inga värden)'}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p className="form-info">
        {share
          ? `Andel i procent; ${def?.lowerIsBetter ? 'lägre' : 'högre'} är bättre.`
          : 'Index 0–6 där 0 = praktiskt taget inget problem och 6 = alarmerande; lägre är bättre.'}{' '}
        LPO:s värde är lokalpolisområdets eget resultat, inte en summa av kommunerna. Nya resultat läses in under{' '}
        <a href="#/import">Import</a> (CSV eller Excel).
      </p>
      <Status loading={q.isLoading} error={q.error} empty={false} />
      {q.data && results.length === 0 && <p className="form-info">Inga resultat för den här indikatorn i urvalet.</p>}
      {q.data && results.length > 0 && (
        <>
          <ChartFigure label={`Diagram: ${def?.label ?? indicator} per år`}>
            <ResponsiveContainer width="100%" height={320}>
              <LineChart
                data={data}
                margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
                onClick={(e) => {
                  const i = Number((e as { activeTooltipIndex?: number | string } | null)?.activeTooltipIndex);
                  if (Number.isInteger(i) && years[i] !== undefined) setYear(years[i]);
                }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="year" />
                <YAxis
                  domain={[0, top]}
                  ticks={Array.from(
                    { length: Math.round(top / (share ? 10 : 0.5)) + 1 },
                    (_, i) => i * (share ? 10 : 0.5),
                  )}
                  tickFormatter={(v: number) => (share ? `${formatInteger(v)} %` : formatDecimal1(v))}
                />
                <Tooltip formatter={(v) => formatSurveyValue(indicator, Number(v))} />
                <Legend />
                {areas.map((a, i) =>
                  a.key === LPO_KEY ? (
                    <Line
                      key={a.key}
                      name={a.label}
                      dataKey={a.key}
                      stroke={BLACK}
                      strokeWidth={3}
                      strokeDasharray="8 4"
                      connectNulls
                      isAnimationActive={false}
                    />
                  ) : (
                    <Line
                      key={a.key}
                      name={a.label}
                      dataKey={a.key}
                      stroke={SERIES[(i - 1) % SERIES.length]}
                      strokeWidth={2}
                      connectNulls
                      isAnimationActive={false}
                    />
                  ),
                )}
              </LineChart>
            </ResponsiveContainer>
          </ChartFigure>
          <p className="form-info">Klicka på ett år i diagrammet för svarande, svarsfrekvens och källa det året.</p>
          <div className="table-scroll">
            <table className="data-table" aria-label="Trygghetsmätning per år">
              <thead>
                <tr>
                  <th scope="col">Område</th>
                  {years.map((y) => (
                    <th key={y} scope="col" className={y === shownYear ? 'selected-col' : undefined}>
                      <button type="button" className="link" onClick={() => setYear(y)}>
                        {y}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {areas.map((a) => (
                  <tr key={a.key}>
                    <th scope="row">{a.label}</th>
                    {years.map((y) => {
                      const r = cell.get(`${a.key}:${y}`);
                      return (
                        <td key={y} title={r?.source} className={y === shownYear ? 'selected-col' : undefined}>
                          {r ? formatSurveyValue(indicator, r.value) : '–'}
                          {r && !r.source.startsWith('Exempeldata') && (
                            <span className="muted" aria-label="publicerat eller importerat värde">
                              {' '}
                              *
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="form-info">* Publicerat eller importerat värde (källan visas när du håller muspekaren över).</p>
          {shownYear !== null && <YearDetails year={shownYear} areas={areas} cell={cell} indicator={indicator} />}
          {movements.length > 0 && (
            <table className="data-table" aria-label="Senaste förändring">
              <caption>Senaste förändringen per område</caption>
              <thead>
                <tr>
                  <th scope="col">Område</th>
                  <th scope="col">Förra mätningen</th>
                  <th scope="col">Senaste</th>
                  <th scope="col">z</th>
                  <th scope="col">Bedömning</th>
                </tr>
              </thead>
              <tbody>
                {movements.map((m) => (
                  <tr key={areaKey(m.area)} className={`movement-${m.verdict}`}>
                    <th scope="row">{label(m.area)}</th>
                    <td>
                      {formatSurveyValue(indicator, m.previousValue)} ({m.previousYear})
                    </td>
                    <td>
                      {formatSurveyValue(indicator, m.value)} ({m.year})
                    </td>
                    <td>{m.z === null ? '–' : formatDecimal1(m.z)}</td>
                    <td>
                      <span aria-hidden="true">{MOVEMENT_MARK[m.verdict]} </span>
                      {MOVEMENT_LABELS[m.verdict]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!share && (
            <p className="form-info">
              Ett index kan inte prövas statistiskt utan svarens spridning, som rapporterna sällan anger; andelar prövas
              med ett test för två andelar när antalet svarande finns båda åren.
            </p>
          )}
        </>
      )}
    </div>
  );
}

function YearDetails({
  year,
  areas,
  cell,
  indicator,
}: {
  year: number;
  areas: { key: string; label: string }[];
  cell: Map<string, SurveyResult>;
  indicator: string;
}) {
  return (
    <table className="data-table" aria-label={`Trygghetsmätning ${year}`} data-testid="survey-year">
      <caption>Mätningen {year}: underlag och källa</caption>
      <thead>
        <tr>
          <th scope="col">Område</th>
          <th scope="col">Värde</th>
          <th scope="col">Svarande</th>
          <th scope="col">Svarsfrekvens</th>
          <th scope="col">Källa</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => {
          const r = cell.get(`${a.key}:${year}`);
          return (
            <tr key={a.key}>
              <th scope="row">{a.label}</th>
              <td>{r ? formatSurveyValue(indicator, r.value) : '–'}</td>
              <td>{r?.respondents == null ? 'uppgift saknas' : formatInteger(r.respondents)}</td>
              <td>{r?.responseRate == null ? 'uppgift saknas' : `${formatDecimal1(r.responseRate)} %`}</td>
              <td>{r?.source ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { useState } from 'react';
import { DASHBOARD_LABELS, viewFigureFilter } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatInteger } from '../../../../shared/format';
import type { LofteEvidence } from '../../../../shared/lofte';
import { formatSurveyValue, INDICATOR_BY_CODE, SURVEY_INDICATORS } from '../../../../shared/survey';
import { openRegister } from '../../lib/route';
import { useOp } from '../../lib/queries';

/** The problem's evidence, with today's figures: a saved view's count, a survey indicator's latest values. */
export function Evidence({
  kommunId,
  evidence,
  editable,
  onChange,
}: {
  kommunId: number;
  evidence: LofteEvidence[];
  editable: boolean;
  onChange: (evidence: LofteEvidence[]) => void;
}) {
  const views = useOp('views.list', {});
  const [adding, setAdding] = useState('');
  return (
    <section aria-labelledby="evidence-title" className="evidence">
      <h4 id="evidence-title">Underlag</h4>
      {evidence.length === 0 && <p className="form-info">Inget underlag kopplat.</p>}
      <ul data-testid="evidence">
        {evidence.map((e, i) => (
          <li key={i}>
            <EvidenceItem evidence={e} kommunId={kommunId} />
            {editable && (
              <button
                type="button"
                className="link"
                aria-label="Ta bort underlaget"
                onClick={() => onChange(evidence.filter((_, j) => j !== i))}
              >
                ta bort
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <label>
          Lägg till underlag
          <select
            value={adding}
            onChange={(e) => {
              const v = e.target.value;
              setAdding('');
              if (v.startsWith('vy:')) onChange([...evidence, { kind: 'view', viewId: Number(v.slice(3)) }]);
              if (v.startsWith('ind:')) onChange([...evidence, { kind: 'survey', indicator: v.slice(4), kommunId }]);
            }}
          >
            <option value="">Välj…</option>
            <optgroup label="Sparade vyer">
              {(views.data ?? []).map((v) => (
                <option key={v.id} value={`vy:${v.id}`}>
                  {v.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Trygghetsmätning (kommunen)">
              {SURVEY_INDICATORS.map((i) => (
                <option key={i.code} value={`ind:${i.code}`}>
                  {i.label}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      )}
    </section>
  );
}

function EvidenceItem({ evidence: e, kommunId }: { evidence: LofteEvidence; kommunId: number }) {
  if (e.kind === 'view') return <ViewEvidence viewId={e.viewId} />;
  if (e.kind === 'survey') return <SurveyEvidence indicator={e.indicator} kommunId={e.kommunId ?? kommunId} />;
  return <FilterEvidence label={e.label} filter={e.filter as IncidentFilter} />;
}

function useCount(filter: IncidentFilter | null) {
  return useOp(
    'incidents.page',
    { filter: filter ?? {}, startRow: 0, endRow: 1 },
    { enabled: filter !== null, select: (p) => p.total },
  );
}

/** A saved view's main figure as its screen showed it: the periods saved with it, an EST view's kommun. */
function ViewEvidence({ viewId }: { viewId: number }) {
  const views = useOp('views.list', {});
  const view = views.data?.find((v) => v.id === viewId);
  const figure = view ? viewFigureFilter(view) : null;
  const count = useCount(figure);
  if (views.isLoading) return <span>Hämtar vyn…</span>;
  if (!view || !figure) return <span className="form-error">Den sparade vyn finns inte längre (id {viewId}).</span>;
  return (
    <span>
      <a href={`#/lagesbild?vy=${view.id}`}>{view.name}</a> ({DASHBOARD_LABELS[view.dashboard]}, {figure.fromDay} –{' '}
      {figure.toDay}):{' '}
      <button type="button" className="link" onClick={() => openRegister(figure)}>
        {count.data === undefined ? '…' : `${formatInteger(count.data)} händelser`}
      </button>
    </span>
  );
}

function FilterEvidence({ label, filter }: { label: string; filter: IncidentFilter }) {
  const count = useCount(filter);
  return (
    <span>
      {label}:{' '}
      <button type="button" className="link" onClick={() => openRegister(filter)}>
        {count.data === undefined ? '…' : `${formatInteger(count.data)} händelser`}
      </button>
    </span>
  );
}

function SurveyEvidence({ indicator, kommunId }: { indicator: string; kommunId: number }) {
  const q = useOp('survey.get', { indicator });
  const values = (q.data?.results ?? [])
    .filter((r) => r.area.kind === 'kommun' && r.area.id === kommunId)
    .sort((a, b) => b.year - a.year)
    .slice(0, 2);
  const label = INDICATOR_BY_CODE.get(indicator)?.label ?? indicator;
  return (
    <span>
      <a href="#/lagesbild?flik=trygghet">{label}</a>:{' '}
      {q.isLoading
        ? '…'
        : values.length === 0
          ? 'inga mätningar'
          : values.map((v) => `${formatSurveyValue(indicator, v.value)} (${v.year})`).join(', ')}
    </span>
  );
}

import { useState } from 'react';
import { measureProblem, type Measure } from '../../../../shared/walks';
import { MeasureLink } from '../../components/MeasureLink';
import { planHref } from '../../lib/walk-route';
import { MeasureStatusCell } from './MeasureStatusCell';
import { PlanLinkForm } from './PlanLinkForm';
import type { MeasureListKind } from './MeasureTable';
import type { LofteOption } from './queries';

/** One åtgärd; in a walk's protokoll it can be put on the åtgärdsplan, elsewhere it links to its walk. */
export function MeasureRow({
  measure: m,
  loften,
  onChanged,
  variant,
}: {
  measure: Measure;
  loften: LofteOption[];
  onChanged: () => void;
  variant: MeasureListKind;
}) {
  const inWalk = variant === 'protokoll';
  const [toPlan, setToPlan] = useState(false);
  const lofteTitle = m.lofteTitle ?? loften.find((l) => l.id === m.lofteId)?.title;
  return (
    <>
      <tr className={m.overdue ? 'measure-overdue' : undefined}>
        {!inWalk && (
          <td>
            {measureProblem(m)}
            {m.viewId !== null && (
              <div>
                <a href={`#/lagesbild?vy=${m.viewId}`}>{m.viewName ?? 'Sparad vy'}</a>
              </div>
            )}
          </td>
        )}
        <th scope="row">{m.what}</th>
        <td>{m.responsible}</td>
        <td>
          {m.dueDay}
          {m.overdue && <strong className="behind"> försenad</strong>}
        </td>
        <td>{m.lofteId !== null && lofteTitle ? <a href={`#/loften?id=${m.lofteId}`}>{lofteTitle}</a> : ''}</td>
        <td>
          {!inWalk ? (
            <MeasureLink measure={m} inPlan={variant === 'plan'} />
          ) : m.inPlan ? (
            <a href={planHref(m.kommunId)} className="nowrap">
              I åtgärdsplanen
            </a>
          ) : m.status === 'avslagen' ? (
            ''
          ) : (
            <button
              type="button"
              className="link"
              aria-expanded={toPlan}
              aria-label={`Lägg i åtgärdsplanen: ${m.what}`}
              onClick={() => setToPlan(!toPlan)}
            >
              Lägg i åtgärdsplanen
            </button>
          )}
        </td>
        <MeasureStatusCell measure={m} onChanged={onChanged} />
      </tr>
      {toPlan && (
        <tr className="measure-to-plan">
          <td colSpan={6}>
            <PlanLinkForm measure={m} loften={loften} onDone={() => setToPlan(false)} onSaved={onChanged} />
          </td>
        </tr>
      )}
    </>
  );
}

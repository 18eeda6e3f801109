import type { Measure } from '../../../shared/walks';
import { planHref, walkHref } from '../lib/walk-route';

/**
 * Where an åtgärd came from, as a link: its trygghetsvandring (opens the walk with its protokoll), or the
 * kommun's åtgärdsplan for one written straight into the plan (`inPlan`: the list is that plan, so it says
 * so instead). For every list that shows åtgärder, e.g. the Översikt's overdue ones.
 */
export function MeasureLink({ measure: m, inPlan = false }: { measure: Measure; inPlan?: boolean }) {
  if (m.walkId !== null) {
    return (
      <a href={walkHref(m.walkId, m.kommunId)} className="measure-link">
        {m.walkTitle ?? 'Trygghetsvandringen'}
        {m.walkDay && <span className="nowrap"> ({m.walkDay})</span>}
      </a>
    );
  }
  if (m.inPlan && inPlan) return <span className="muted">Skriven i planen</span>;
  if (m.inPlan) {
    return (
      <a href={planHref(m.kommunId)} className="measure-link">
        Åtgärdsplanen
      </a>
    );
  }
  return null;
}
